// Test helper: build a DispatcherModel from a readable list of partitions.
import {
  createModel, createOutput, dispatchWindow, MODE_DEDICATED, MODE_SHARED, SHARE_IDLE_PROCS,
  type DispatcherModel, type DispatchOutput,
} from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';

export interface Shared { pu: number; vps: number; demand: number; capped?: boolean; weight?: number; pool?: number; active?: boolean }
export interface Dedicated { cores: number; demand: number; sharing?: number; active?: boolean }
export type Lpar = ({ kind: 'shared' } & Shared) | ({ kind: 'ded' } & Dedicated);

export const sh = (s: Shared): Lpar => ({ kind: 'shared', ...s });
export const ded = (d: Dedicated): Lpar => ({ kind: 'ded', ...d });

export function build(sharedCores: number, lpars: Lpar[], pools: { max: number; reserved?: number }[] = []): DispatcherModel {
  const m = createModel(lpars.length, pools.length + 1, sharedCores);
  pools.forEach((p, k) => { m.poolMax[k + 1] = p.max; m.poolReserved[k + 1] = p.reserved ?? 0; });
  lpars.forEach((l, i) => {
    m.active[i] = l.active === false ? 0 : 1;
    m.demand[i] = l.demand;
    if (l.kind === 'ded') {
      m.mode[i] = MODE_DEDICATED; m.entitlement[i] = l.cores; m.vps[i] = l.cores; m.sharingMode[i] = l.sharing ?? SHARE_IDLE_PROCS;
    } else {
      m.mode[i] = MODE_SHARED; m.entitlement[i] = l.pu; m.vps[i] = l.vps; m.capped[i] = l.capped ? 1 : 0;
      m.weight[i] = l.weight ?? 128; m.pool[i] = l.pool ?? 0;
    }
  });
  return m;
}

/** Dispatch one window and return the consumption as a plain array plus the output. */
export function run(m: DispatcherModel): { c: number[]; out: DispatchOutput } {
  const out = createOutput(m);
  dispatchWindow(m, out);
  return { c: Array.from(out.consumed), out };
}
