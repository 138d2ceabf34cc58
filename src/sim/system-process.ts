// `powervm-sim system`: one managed system (its FSP and hypervisor) as its own process, serving the HMC
// link over TCP. HMCs connect with `mksysconn --ip <host:port>`; the system keeps running whatever happens
// to them (DESIGN.md: the HMC is not a point of failure).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:net';
import { ManagedSystem } from '../platform/managed-system.ts';
import { FileNvram, MemoryNvram } from '../platform/fsp/nvram.ts';
import { FspService } from '../platform/fsp/fsp-service.ts';
import { FspPasswords, FSP_PASSWORD_KINDS } from '../platform/fsp/fsp-passwords.ts';
import { buildHardware, type HardwareDescription } from '../platform/io/hardware.ts';
import { settleAfterRestart } from '../platform/operations/system-power.ts';
import { SystemState } from '../platform/types/states.ts';
import { serveLink } from '../link/tcp-server.ts';
import { PartitionOses } from '../os/partition-oses.ts';
import { FileBlockStore } from '../fabric/storage/file-block-store.ts';
import { MemoryBlockStore } from '../fabric/storage/memory-block-store.ts';
import { WorkloadTable } from './workloads/workload-table.ts';
import type { Clock } from './clock.ts';
import type { SimConfig } from './config.ts';
import { existsSync } from 'node:fs';

export interface SystemProcessOptions {
  hardware: HardwareDescription;
  dataDir: string | null;
  host: string;
  port: number;
  config: SimConfig;
  clock: Clock;
  initialState?: SystemState;
  /** Set the FSP passwords from the description (otherwise a new system waits for chsyspwd). */
  presetPasswords?: boolean;
}

export interface RunningSystem { system: ManagedSystem; fsp: FspService; server: Server; address: string; close(): void }

export async function runSystem(o: SystemProcessOptions): Promise<RunningSystem> {
  const hw = buildHardware(o.hardware);
  const dir = o.dataDir ? join(o.dataDir, 'systems', `${hw.mtm}_${hw.serial}`) : null;
  // A system seen for the first time starts with empty partition data; a known one whose NVRAM is missing
  // comes up in Recovery (platform.md §12).
  const isNew = !dir || !existsSync(join(dir, 'hardware.json'));
  if (dir && isNew) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'hardware.json'), JSON.stringify(hw, null, 1));
  }
  const nvram = dir ? new FileNvram(join(dir, 'nvram.log')) : new MemoryNvram();
  const system = new ManagedSystem({ hw, nvram, clock: o.clock, config: o.config, initialState: isNew ? o.initialState ?? SystemState.Operating : undefined });
  settleAfterRestart(system);
  // Workloads set while the system ran in a lab keep running here.
  system.runtime.setDemandSource(new WorkloadTable(system, dir ? new FileNvram(join(dir, 'workloads.log')) : new MemoryNvram()));
  const passwords = new FspPasswords(dir ? join(dir, 'fsp-passwords.json') : null);
  if (o.presetPasswords && o.hardware.fspPasswords && !passwords.allSet) {
    for (const k of FSP_PASSWORD_KINDS) passwords.set(k, o.hardware.fspPasswords[k]);
  }
  const fsp = new FspService(system, passwords);
  // A system running on its own has no SAN attached here (the lab's fabric lives with the lab's simulator).
  // Its internal disks' contents live with it (DESIGN.md: sparse files in the data directory).
  const storage = o.dataDir ? new FileBlockStore({ dir: join(o.dataDir, 'storage') }) : new MemoryBlockStore();
  fsp.os = new PartitionOses(system, null, (id) => (dir ? new FileNvram(join(dir, `vios-${id}.log`)) : new MemoryNvram()), storage, {
    // Client partitions' network configuration, as in the lab; no external LAN is attached to a lone system.
    storeFor: (id) => (dir ? new FileNvram(join(dir, `net-${id}.log`)) : new MemoryNvram()),
  });
  const server = await serveLink(fsp, o.host, o.port);
  const addr = server.address();
  const address = typeof addr === 'object' && addr ? `${o.host}:${addr.port}` : `${o.host}:${o.port}`;
  return { system, fsp, server, address, close: () => { server.close(); nvram.close(); storage.close(); } };
}
