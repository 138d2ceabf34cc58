// The HMC's copy of one managed system (DESIGN.md: "the HMC keeps its copy of partition data"), updated
// only from the system's event stream and kept in the HMC database so that it survives an HMC restart and
// can restore a system whose NVRAM was lost.
import type { EventBatch } from '../platform/events.ts';
import type { FullSnapshot } from '../link/fsp-api.ts';
import type { LinkTransport } from '../link/transport.ts';
import type { TimerHandle } from '../sim/clock.ts';
import type { PartitionSnapshot } from '../platform/types/partition.ts';
import type { ProcPoolSnapshot, SysProfSnapshot, SystemSnapshot } from '../platform/types/system.ts';
import { PartitionState, SystemState } from '../platform/types/states.ts';
import type { CacheRow, HmcDb } from './store/hmc-db.ts';

export type ConnState = 'Connected' | 'No Connection' | typeof SystemState.PendingAuthentication | typeof SystemState.FailedAuthentication;

export class SystemView {
  mtms: string | null = null;
  system: SystemSnapshot | null = null;
  partitions = new Map<number, PartitionSnapshot>();
  pools: ProcPoolSnapshot[] = [];
  sysprofs = new Map<string, SysProfSnapshot>();
  recovery = false;
  /** How logical serial numbers print for ids above 35 (platform.md §2, UNCERTAIN; SimConfig). */
  logicalSerialStrategy: 'hex2' | 'base36' = 'hex2';
  conn: ConnState = 'No Connection';
  link: LinkTransport | null = null;
  /** A scheduled reconnection attempt while the link is down. */
  retry: TimerHandle | null = null;
  /** Work started by an event (a resync) that readers should wait for. */
  pending: Promise<void> = Promise.resolve();
  private sortedCache: PartitionSnapshot[] | null = null;

  constructor(readonly ip: string, private readonly db: HmcDb, readonly now: () => number = () => 0) {}

  get name(): string { return this.system?.cfg.name ?? this.ip; }

  /** The state column of lssyscfg -r sys: the HMC's view, which may differ from the FSP's. */
  get state(): string {
    if (this.conn !== 'Connected') return this.conn;
    if (!this.system) return SystemState.NoConnection;
    if (this.recovery) return SystemState.Recovery;
    return this.system.cfg.state;
  }

  /** Partitions show Not Available when the system is in Error, Recovery, Incomplete or unreachable (§7.4). */
  partitionState(p: PartitionSnapshot): string {
    const s = this.state;
    const ok = s === SystemState.Operating || s === SystemState.Standby || s === SystemState.PowerOff ||
      s === SystemState.Initializing || s === SystemState.PowerOffInProgress;
    return ok ? p.run.state : PartitionState.NotAvailable;
  }

  sortedPartitions(): PartitionSnapshot[] {
    this.sortedCache ??= [...this.partitions.values()].sort((a, b) => a.def.lpar_id - b.def.lpar_id);
    return this.sortedCache;
  }

  partitionByName(name: string): PartitionSnapshot | undefined {
    for (const p of this.partitions.values()) if (p.def.name === name) return p;
    return undefined;
  }

  /** Rebuild from the HMC database (an HMC restart, before the link is back). */
  loadFromDb(mtms: string): void {
    this.mtms = mtms;
    for (const row of this.db.loadSystem(mtms)) this.loadRow(row);
    this.sortedCache = null;
  }

  /** Replace everything with what the FSP holds (connect, rebuild). In Recovery the HMC keeps its copy. */
  replaceFrom(s: FullSnapshot): void {
    this.mtms = `${s.system.hw.mtm}*${s.system.hw.serial}`;
    this.system = s.system;
    this.recovery = s.recovery;
    if (!s.recovery) {
      this.partitions = new Map(s.partitions.map((p) => [p.def.lpar_id, p]));
      this.pools = s.pools;
      this.sysprofs = new Map(s.sysprofs.map((x) => [x.name, x]));
    }
    this.sortedCache = null;
    const puts: [string, string, unknown][] = [['system', '', s.system], ['meta', 'recovery', s.recovery]];
    if (!s.recovery) {
      for (const p of s.partitions) puts.push(['lpar', String(p.def.lpar_id), p]);
      for (const p of s.pools) puts.push(['pool', String(p.shared_proc_pool_id), p]);
      for (const x of s.sysprofs) puts.push(['sysprof', x.name, x]);
    }
    this.db.applyCache(this.mtms, puts, [], s.recovery ? [] : ['lpar', 'pool', 'sysprof']);
  }

  /** Apply one event batch from the system; returns true when a full resync is needed. */
  apply(b: EventBatch): boolean {
    const puts: [string, string, unknown][] = [];
    const dels: [string, string][] = [];
    let resync = false;
    for (const e of b.events) {
      switch (e.kind) {
        case 'system': this.system = e.data; puts.push(['system', '', e.data]); break;
        case 'partition': this.partitions.set(e.data.def.lpar_id, e.data); puts.push(['lpar', String(e.data.def.lpar_id), e.data]); break;
        case 'partition-removed': this.partitions.delete(e.lpar_id); dels.push(['lpar', String(e.lpar_id)]); break;
        case 'pool': this.pools[e.data.shared_proc_pool_id] = e.data; puts.push(['pool', String(e.data.shared_proc_pool_id), e.data]); break;
        case 'sysprof': this.sysprofs.set(e.data.name, e.data); puts.push(['sysprof', e.data.name, e.data]); break;
        case 'sysprof-removed': this.sysprofs.delete(e.name); dels.push(['sysprof', e.name]); break;
        case 'resync': resync = true; break;
      }
    }
    this.sortedCache = null;
    if (this.mtms && (puts.length || dels.length)) this.db.applyCache(this.mtms, puts, dels);
    return resync;
  }

  private loadRow(row: CacheRow): void {
    const v = JSON.parse(row.json);
    if (row.kind === 'system') this.system = v;
    else if (row.kind === 'lpar') this.partitions.set(Number(row.key), v);
    else if (row.kind === 'pool') this.pools[Number(row.key)] = v;
    else if (row.kind === 'sysprof') this.sysprofs.set(row.key, v);
    else if (row.kind === 'meta' && row.key === 'recovery') this.recovery = v;
  }
}
