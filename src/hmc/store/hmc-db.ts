// The HMC's own database (DESIGN.md "State and where it lives"): connections to systems, the HMC's copy of
// every system's partition data (kept current from the event stream) and the audit log. SQLite through
// better-sqlite3; `:memory:` for --memory runs.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ConnectionRow { ip: string; mtms: string | null; added_at: number; password: string | null }
export interface CacheRow { mtms: string; kind: string; key: string; json: string }

const SCHEMA = `
CREATE TABLE IF NOT EXISTS connections (ip TEXT PRIMARY KEY, mtms TEXT, added_at INTEGER NOT NULL, password TEXT);
CREATE TABLE IF NOT EXISTS cache (mtms TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (mtms, kind, key));
CREATE TABLE IF NOT EXISTS backups (serial TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL, json TEXT NOT NULL,
  PRIMARY KEY (serial, name));
CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, user TEXT NOT NULL,
  command TEXT NOT NULL, exit INTEGER NOT NULL);
-- Utilization data (lslparutil, src/hmc/util/util-store.ts): one row per resource per sample or event;
-- rollup flags the first sample of an hour (1), day (2) and month (4). Added later: IF NOT EXISTS migrates.
CREATE TABLE IF NOT EXISTS util_samples (seq INTEGER PRIMARY KEY AUTOINCREMENT, mtms TEXT NOT NULL, time INTEGER NOT NULL,
  event_type TEXT NOT NULL, resource_type TEXT NOT NULL, res_id INTEGER NOT NULL, res_name TEXT NOT NULL,
  rollup INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS util_samples_by_time ON util_samples (mtms, time);
CREATE TABLE IF NOT EXISTS util_config (mtms TEXT PRIMARY KEY, sample_rate INTEGER NOT NULL);
`;

export class HmcDb {
  readonly db: Database.Database;
  private readonly st: Record<string, Database.Statement>;
  constructor(path: string | ':memory:', opts: { fsync?: boolean } = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // FULL: a change acknowledged to a client survives a power cut, not only a process crash.
    this.db.pragma(opts.fsync === false ? 'synchronous = OFF' : 'synchronous = FULL');
    this.db.exec(SCHEMA);
    this.st = {
      conns: this.db.prepare('SELECT ip, mtms, added_at, password FROM connections ORDER BY added_at, ip'),
      addConn: this.db.prepare('INSERT INTO connections (ip, mtms, added_at, password) VALUES (?, ?, ?, ?)'),
      setConnMtms: this.db.prepare('UPDATE connections SET mtms = ? WHERE ip = ?'),
      setConnPw: this.db.prepare('UPDATE connections SET password = ? WHERE ip = ?'),
      rmConn: this.db.prepare('DELETE FROM connections WHERE ip = ?'),
      put: this.db.prepare('INSERT INTO cache (mtms, kind, key, json) VALUES (?, ?, ?, ?) ON CONFLICT (mtms, kind, key) DO UPDATE SET json = excluded.json'),
      del: this.db.prepare('DELETE FROM cache WHERE mtms = ? AND kind = ? AND key = ?'),
      clearSys: this.db.prepare('DELETE FROM cache WHERE mtms = ?'),
      clearKind: this.db.prepare('DELETE FROM cache WHERE mtms = ? AND kind = ?'),
      loadSys: this.db.prepare('SELECT mtms, kind, key, json FROM cache WHERE mtms = ?'),
      putBackup: this.db.prepare('INSERT INTO backups (serial, name, created, json) VALUES (?, ?, ?, ?) ON CONFLICT (serial, name) DO UPDATE SET created = excluded.created, json = excluded.json'),
      getBackup: this.db.prepare('SELECT json FROM backups WHERE serial = ? AND name = ?'),
      audit: this.db.prepare('INSERT INTO audit (ts, user, command, exit) VALUES (?, ?, ?, ?)'),
      auditList: this.db.prepare('SELECT seq, ts, user, command, exit FROM audit ORDER BY seq DESC LIMIT ?'),
    };
  }
  connections(): ConnectionRow[] { return this.st.conns.all() as ConnectionRow[]; }
  addConnection(ip: string, now: number, password: string | null): void { this.st.addConn.run(ip, null, now, password); }
  setConnectionMtms(ip: string, mtms: string): void { this.st.setConnMtms.run(mtms, ip); }
  setConnectionPassword(ip: string, password: string): void { this.st.setConnPw.run(password, ip); }
  removeConnection(ip: string): void { this.st.rmConn.run(ip); }

  /** Apply a batch of cache puts and deletes in one transaction. */
  applyCache(mtms: string, puts: [kind: string, key: string, value: unknown][], dels: [kind: string, key: string][], clearKinds: string[] = []): void {
    this.db.transaction(() => {
      for (const k of clearKinds) this.st.clearKind.run(mtms, k);
      for (const [kind, key] of dels) this.st.del.run(mtms, kind, key);
      for (const [kind, key, v] of puts) this.st.put.run(mtms, kind, key, JSON.stringify(v));
    })();
  }
  clearSystem(mtms: string): void { this.st.clearSys.run(mtms); }
  loadSystem(mtms: string): CacheRow[] { return this.st.loadSys.all(mtms) as CacheRow[]; }
  putBackup(serial: string, name: string, created: number, entries: unknown): void {
    this.st.putBackup.run(serial, name, created, JSON.stringify(entries));
  }
  getBackup(serial: string, name: string): unknown | undefined {
    const row = this.st.getBackup.get(serial, name) as { json: string } | undefined;
    return row ? JSON.parse(row.json) : undefined;
  }
  audit(ts: number, user: string, command: string, exit: number): void { this.st.audit.run(ts, user, command, exit); }
  auditLog(limit: number): { seq: number; ts: number; user: string; command: string; exit: number }[] {
    return this.st.auditList.all(limit) as { seq: number; ts: number; user: string; command: string; exit: number }[];
  }
  close(): void { this.db.close(); }
}
