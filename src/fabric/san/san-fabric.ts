// The SAN as the storage administrator and the hosts see it (DESIGN.md: `fabric/` holds FC switches,
// zoning, storage arrays and LUN masking). Every change goes through `apply`: the operations run against
// a draft copy of the document (each handler validates before it mutates), the result is checked, saved,
// and only then becomes the fabric's state, so a rejected or failed change leaves nothing behind.
// Queries read an index rebuilt after each change (lookups by WWPN are O(1)).
import { type SwitchOp, SWITCH_OPS } from './fc-switch.ts';
import { type LoginOp, LOGIN_OPS } from './npiv-login.ts';
import { sanFail } from './san-fail.ts';
import { sanViolations } from './san-invariants.ts';
import { emptySanDoc, type FcSwitch, type HostConnection, type SanDoc, type StorageArray } from './san-schema.ts';
import { MemorySanStore, type SanStore } from './san-store.ts';
import type { OpTable } from './san-values.ts';
import { type ArrayOp, ARRAY_OPS } from './storage-array.ts';
import { lunLocation } from './wwpn.ts';
import { isZoned, type ZoneOp, ZONE_OPS } from './zoning.ts';

export type FabricOp = SwitchOp | ZoneOp | ArrayOp | LoginOp;
type Arg<K extends FabricOp['op']> = Omit<Extract<FabricOp, { op: K }>, 'op'>;

const HANDLERS = { ...SWITCH_OPS, ...ZONE_OPS, ...ARRAY_OPS, ...LOGIN_OPS } as OpTable<FabricOp>;

/** One path from an initiator to a LUN: the same LUN seen through two target ports is two paths (MPIO). */
export interface VisibleLun {
  array: string;
  /** The LUN's name on the array (the paper's D, E, F, G). */
  label: string;
  lunId: number;
  uid: string;
  sizeMB: number;
  targetWwpn: string;
  /** The switch and physical host port the initiator is logged in through. */
  switch: string;
  via: string;
}

/** lsnports columns fabric/tports/aports (vios.md §2.7). */
export interface NpivPortInfo { fabric: 0 | 1; tports: number; aports: number }

export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

interface Index {
  hostPorts: Map<string, { sw: FcSwitch; conn: HostConnection }>;
  /** initiator → physical port WWPN it is logged in through */
  logins: Map<string, string>;
  npivCount: Map<string, number>;
  /** switch name → the array target ports plugged into it, by array name then array port */
  targets: Map<string, { wwpn: string; array: StorageArray }[]>;
}

function buildIndex(d: SanDoc): Index {
  const ix: Index = { hostPorts: new Map(), logins: new Map(), npivCount: new Map(), targets: new Map() };
  for (const sw of d.switches) {
    const targets: { wwpn: string; array: StorageArray; port: number }[] = [];
    for (const conn of sw.connections) {
      if (conn.kind === 'host') ix.hostPorts.set(conn.wwpn, { sw, conn });
      else targets.push({ wwpn: conn.wwpn, array: d.arrays.find((a) => a.name === conn.array)!, port: conn.arrayPort });
    }
    targets.sort((a, b) => a.array.name.localeCompare(b.array.name) || a.port - b.port);
    ix.targets.set(sw.name, targets);
  }
  for (const l of d.logins) {
    ix.logins.set(l.initiator, l.via);
    if (l.initiator !== l.via) ix.npivCount.set(l.via, (ix.npivCount.get(l.via) ?? 0) + 1);
  }
  return ix;
}

function assertSound(d: SanDoc, when: string): void {
  const bad = sanViolations(d);
  if (bad.length > 0) throw new Error(`SAN document unsound ${when}: ${bad.join('; ')}`);
}

export class SanFabric {
  private doc: SanDoc;
  private ix: Index;
  private readonly store: SanStore;
  private changes = 0;

  /** Opens the fabric saved in `store` (memory by default), or a new empty one with `seed`. */
  constructor(opts: { seed?: string; store?: SanStore } = {}) {
    this.store = opts.store ?? new MemorySanStore();
    const loaded = this.store.load();
    const bad = loaded ? sanViolations(loaded) : [];
    if (bad.length > 0) sanFail('SAN_STORE', { path: 'the store', action: 'used', why: bad.join('; ') });
    this.doc = loaded ?? emptySanDoc(opts.seed ?? 'powervm-sim');
    this.ix = buildIndex(this.doc);
  }

  /** The one way to change the SAN: all operations succeed and are saved together, or nothing changes. */
  apply(ops: FabricOp | readonly FabricOp[]): void {
    const list: readonly FabricOp[] = Array.isArray(ops) ? ops : [ops as FabricOp];
    const draft = structuredClone(this.doc);
    for (const op of list) {
      const handler = HANDLERS[op.op] as ((d: SanDoc, o: FabricOp) => void) | undefined;
      if (!handler) throw new Error(`unknown SAN operation ${String(op.op)}`);
      handler(draft, op);
    }
    assertSound(draft, `after ${list.map((o) => o.op).join(',')}`);
    // A change that changes nothing (e.g. a vfcmap sync already in step) costs no write.
    if (JSON.stringify(draft) === JSON.stringify(this.doc)) return;
    this.store.save(draft);
    this.doc = draft;
    this.ix = buildIndex(draft);
    this.changes++;
  }

  // --- what the platform calls (hosts' physical ports and the VIOS's vfcmap configuration) -----------
  connectHostPort(a: Arg<'connectHostPort'>): void { this.apply({ op: 'connectHostPort', ...a }); }
  disconnectHostPort(hostPortWwpn: string): void { this.apply({ op: 'disconnectHostPort', hostPortWwpn }); }
  login(initiatorWwpn: string, viaHostPortWwpn: string): void { this.apply({ op: 'login', initiator: initiatorWwpn, via: viaHostPortWwpn }); }
  logout(initiatorWwpn: string): void { this.apply({ op: 'logout', initiator: initiatorWwpn }); }
  syncNpivLogins(viaHostPortWwpn: string, initiators: readonly string[]): void {
    this.apply({ op: 'syncNpivLogins', via: viaHostPortWwpn, initiators: [...initiators] });
  }

  // --- queries ---------------------------------------------------------------------------------------
  /** Moves on every change that took effect (the block path caches its routes on it). */
  get version(): number { return this.changes; }
  /** The live document, read-only (commands list from it). */
  get state(): DeepReadonly<SanDoc> { return this.doc; }
  /** A plain JSON copy of the whole SAN. */
  toJSON(): SanDoc { return structuredClone(this.doc); }

  /** The physical port an initiator is logged in through, or undefined. */
  loginOf(initiatorWwpn: string): { via: string; switch: string; port: number; location: string } | undefined {
    const via = this.ix.logins.get(initiatorWwpn);
    const hp = via === undefined ? undefined : this.ix.hostPorts.get(via);
    return hp && { via: via!, switch: hp.sw.name, port: hp.conn.port, location: hp.conn.location };
  }

  /**
   * What a logged-in initiator sees: LUNs of arrays whose target ports are on the same switch, zoned with
   * the initiator (zoning.ts rule) and masked to it. Ordered by array, target port, LUN id. An initiator
   * that is not logged in (or is logged in through another port than `via`, when given) sees nothing.
   */
  visibleLuns(initiatorWwpn: string, via?: string): VisibleLun[] {
    const through = this.ix.logins.get(initiatorWwpn);
    if (through === undefined || (via !== undefined && via !== through)) return [];
    const { sw } = this.ix.hostPorts.get(through)!;
    const out: VisibleLun[] = [];
    for (const t of this.ix.targets.get(sw.name) ?? []) {
      if (!isZoned(sw, initiatorWwpn, t.wwpn)) continue;
      for (const l of t.array.luns) {
        if (!l.hosts.includes(initiatorWwpn)) continue;
        out.push({ array: t.array.name, label: l.name, lunId: l.id, uid: l.uid, sizeMB: l.sizeMB, targetWwpn: t.wwpn, switch: sw.name, via: through });
      }
    }
    return out;
  }

  /**
   * lsnports values of a physical port (vios.md §2.7): undefined when the port is not plugged in; zeros
   * for an adapter without NPIV (lsnports does not list it); fabric=1 only when the adapter and the
   * switch support NPIV and the port is logged in to the fabric.
   */
  npivPortInfo(hostPortWwpn: string): NpivPortInfo | undefined {
    const hp = this.ix.hostPorts.get(hostPortWwpn);
    if (!hp) return undefined;
    if (!hp.conn.npivCapable) return { fabric: 0, tports: 0, aports: 0 };
    const fabric = hp.sw.npiv && this.ix.logins.get(hostPortWwpn) === hostPortWwpn ? 1 : 0;
    const used = this.ix.npivCount.get(hostPortWwpn) ?? 0;
    return { fabric, tports: hp.conn.npivLimit, aports: hp.conn.npivLimit - used };
  }

  /** `<port location>-W<target WWPN>-L<SCSI LUN>` (vios.md §2.3). */
  lunLocation(hostPortLocation: string, targetWwpn: string, lunId: number): string {
    return lunLocation(hostPortLocation, targetWwpn, lunId);
  }
}
