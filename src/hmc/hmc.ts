// The Hardware Management Console: its connections to managed systems (over the HMC link only), its copy
// of their data, and its database. Faces (CLI, SSH, REST, web) reach systems through call().
import { fail } from '../errors/hmc-error.ts';
import type { FspArgs, FspOp, FspResult } from '../link/fsp-api.ts';
import type { LinkNetwork } from '../link/transport.ts';
import type { Clock } from '../sim/clock.ts';
import type { SimConfig } from '../sim/config.ts';
import type { AuthState } from '../link/fsp-api.ts';
import { SystemState } from '../platform/types/states.ts';
import type { HmcDb } from './store/hmc-db.ts';
import { SystemView } from './system-view.ts';
import { profileDataFromCopy } from './profile-backup.ts';
import { UtilSampler } from './util/util-sampler.ts';
import { UtilStore } from './util/util-store.ts';

export interface HmcOptions { db: HmcDb; network: LinkNetwork; clock: Clock; config: SimConfig }

export class Hmc {
  readonly db: HmcDb;
  readonly clock: Clock;
  readonly config: SimConfig;
  private readonly network: LinkNetwork;
  private readonly views = new Map<string, SystemView>();
  /** Utilization sampling at each system's sample rate (lslparutil, chlparutil). */
  readonly util: UtilSampler;

  constructor(opts: HmcOptions) {
    this.db = opts.db;
    this.network = opts.network;
    this.clock = opts.clock;
    this.config = opts.config;
    this.util = new UtilSampler(this, new UtilStore(this.db, this.config.hmc.utilRetention));
  }

  /** Bring back every connection from the database, show cached data, then reconnect. */
  async start(): Promise<void> {
    for (const row of this.db.connections()) {
      const v = this.newView(row.ip);
      if (row.mtms) v.loadFromDb(row.mtms);
      this.views.set(row.ip, v);
      await this.connect(v);
    }
    this.util.start();
  }

  systems(): SystemView[] {
    return [...this.views.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** `-m` accepts the system name or its MTMS `tttt-mmm*sssssss` (hmc-cli.md §3.1). */
  resolve(ref: string): SystemView {
    for (const v of this.views.values()) {
      if (v.name === ref || v.ip === ref) return v;
      if (v.mtms && v.mtms.toUpperCase() === ref.toUpperCase()) return v;
    }
    return fail('SYSTEM_NOT_FOUND', { name: ref });
  }

  async addConnection(ip: string, password: string | null): Promise<void> {
    if (this.views.has(ip)) fail('CONNECTION_RULE', { why: `A connection to ${ip} already exists.` });
    const v = this.newView(ip);
    this.db.addConnection(ip, this.clock.now(), password);
    this.views.set(ip, v);
    this.util.sync();
    await this.connect(v);
  }

  removeConnection(ip: string): void {
    const v = this.views.get(ip);
    if (!v) fail('CONNECTION_RULE', { why: `There is no connection to ${ip}.` });
    v!.link?.close();
    if (v!.retry) this.clock.cancel(v!.retry);
    if (v!.mtms) this.db.clearSystem(v!.mtms);
    this.db.removeConnection(ip);
    this.views.delete(ip);
    this.util.sync();
  }

  /** `rmsysconn -o reset`: drop the link and connect again, re-reading everything from the FSP. */
  async resetConnection(ip: string): Promise<void> {
    const v = this.views.get(ip);
    if (!v) fail('CONNECTION_RULE', { why: `There is no connection to ${ip}.` });
    const old = v!.link;
    v!.link = null;
    old?.close();
    v!.conn = 'No Connection';
    await this.connect(v!);
  }

  connectionFor(ref: string): SystemView | undefined {
    return this.views.get(ref) ?? [...this.views.values()].find((v) => v.mtms === ref || v.name === ref);
  }

  /** Send one request to a system's FSP; refuses when the link is down. */
  async call<K extends FspOp>(v: SystemView, op: K, args: FspArgs<K>): Promise<FspResult<K>> {
    if (!v.link || v.conn !== 'Connected') fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Operating' });
    const r = await v.link!.call(op, args);
    await v.pending;
    return r;
  }

  /** Wait for event-driven work (resyncs) to finish, so a listing shows every acknowledged change. */
  async settled(): Promise<void> {
    await Promise.all([...this.views.values()].map((v) => v.pending));
  }

  async refresh(v: SystemView): Promise<void> {
    if (!v.link) return;
    const snap = await v.link.call('snapshot', {});
    v.replaceFrom(snap);
    if (v.mtms) this.db.setConnectionMtms(v.ip, v.mtms);
  }

  /** `chsysstate -o rebuild`: re-read everything from the FSP. */
  async rebuild(v: SystemView): Promise<void> {
    await v.pending;
    if (!v.link) fail('SYSTEM_STATE', { system: v.name, state: 'No Connection', need: 'Operating' });
    await this.refresh(v);
  }

  /** `chsysstate -o recover`: give a system in Recovery the HMC's current copy of its partition data. */
  async recover(v: SystemView): Promise<void> {
    await v.pending; // a resync announcing the Recovery state may still be on its way
    if (!v.recovery) fail('SYSTEM_STATE', { system: v.name, state: v.state, need: 'Recovery' });
    await this.call(v, 'profdata.restore', { level: 1, entries: profileDataFromCopy(v) });
    await this.refresh(v);
  }

  close(): void {
    this.closed = true;
    this.util.stop();
    for (const v of this.views.values()) {
      v.link?.close();
      if (v.retry) this.clock.cancel(v.retry);
    }
    this.db.close();
  }

  private newView(ip: string): SystemView {
    const v = new SystemView(ip, this.db, () => this.clock.now());
    v.logicalSerialStrategy = this.config.hypervisor.logicalSerialStrategy;
    return v;
  }

  private async connect(v: SystemView): Promise<void> {
    if (this.closed) return;
    const row = this.db.connections().find((c) => c.ip === v.ip);
    const link = await this.network.connect(v.ip, row?.password ?? null);
    if (!link) return this.lost(v);
    v.link = link;
    link.onLost(() => { if (v.link === link) { v.link = null; this.lost(v); } });
    link.onEvents((b) => {
      if (v.apply(b)) v.pending = v.pending.then(() => this.refresh(v));
    });
    await this.authenticated(v, link.auth);
  }

  /** The FSP's verdict on our access password decides what the system shows (platform.md §4). */
  private async authenticated(v: SystemView, auth: AuthState): Promise<void> {
    if (auth === 'pending') { v.conn = SystemState.PendingAuthentication; return; }
    if (auth === 'failed') { v.conn = SystemState.FailedAuthentication; return; }
    v.conn = 'Connected';
    await this.refresh(v);
  }

  /** A lost or unreachable link: show No Connection and retry on the clock until it comes back. */
  private lost(v: SystemView): void {
    v.conn = 'No Connection';
    if (this.closed || !this.views.has(v.ip) || v.retry) return;
    v.retry = this.clock.schedule(this.clock.now() + this.config.hmc.reconnectIntervalMs, () => {
      v.retry = null;
      if (!this.closed && this.views.get(v.ip) === v && !v.link) void this.connect(v);
    }, { background: true });
  }

  /** chsyspwd: set an FSP password through the link; the access password is also remembered by the HMC. */
  async setSystemPassword(v: SystemView, kind: 'access' | 'admin' | 'general', current: string | undefined, next: string): Promise<void> {
    if (!v.link) fail('SYSTEM_STATE', { system: v.name, state: 'No Connection', need: 'Operating' });
    const r = await v.link!.call('fsp.setPassword', { kind, current, next });
    if (kind === 'access') this.db.setConnectionPassword(v.ip, next);
    if (v.conn !== 'Connected') await this.authenticated(v, r.auth);
  }

  /** Forget a system's link without removing the connection (tests, HMC shutdown). */
  private closed = false;
}
