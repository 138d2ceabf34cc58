// The SAN document survives a restart (DESIGN.md: nothing acknowledged may be lost): saved atomically to
// the data directory, reloaded with the same visibility; a damaged file is refused, a failed save leaves
// the fabric as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SanFabric } from '../../../src/fabric/san/san-fabric.ts';
import { SanError } from '../../../src/fabric/san/san-fail.ts';
import { FileSanStore, MemorySanStore, SAN_FILE, type SanStore } from '../../../src/fabric/san/san-store.ts';
import type { SanDoc } from '../../../src/fabric/san/san-schema.ts';
import { C1, C2, figure2, PFC } from './figure2.ts';

const INITIATORS = [PFC, ...C1, ...C2];
const visibility = (f: SanFabric) => INITIATORS.map((w) => f.visibleLuns(w));

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-san-'));
  try { fn(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

test('save, reload from the data directory: the same document and the same visibility', () => withDir((dir) => {
  const first = figure2(new FileSanStore({ dir, fsync: false }));
  const second = new SanFabric({ store: new FileSanStore({ dir, fsync: false }), seed: 'another seed' });
  assert.deepEqual(second.toJSON(), first.toJSON());
  assert.equal(second.toJSON().seed, 'figure2', 'the saved seed wins over the one given');
  assert.deepEqual(visibility(second), visibility(first));
  assert.deepEqual(second.npivPortInfo(PFC), first.npivPortInfo(PFC));
  assert.deepEqual(readdirSync(dir), [SAN_FILE], 'no temporary file left behind');
}));

test('the memory store keeps a copy, not a live reference', () => {
  const store = new MemorySanStore();
  const f = figure2(store);
  const doc = store.load()!;
  doc.switches.length = 0;
  assert.deepEqual(new SanFabric({ store }).toJSON(), f.toJSON());
});

test('a damaged or inconsistent file is refused with HSCLSIM74', () => withDir((dir) => {
  const path = join(dir, SAN_FILE);
  const refused = (why: RegExp) => (e: unknown) => e instanceof SanError && e.code === 'HSCLSIM74' && why.test(e.message);
  writeFileSync(path, '{"version":1,');
  assert.throws(() => new SanFabric({ store: new FileSanStore({ dir }) }), refused(/is not JSON/));
  writeFileSync(path, JSON.stringify({ version: 1, seed: 's', switches: [], arrays: [], logins: [], extra: 1 }));
  assert.throws(() => new SanFabric({ store: new FileSanStore({ dir }) }), refused(/cannot be read/));
  const bad: SanDoc = { version: 1, seed: 's', switches: [], arrays: [], logins: [{ initiator: PFC, via: PFC }] };
  writeFileSync(path, JSON.stringify(bad));
  assert.throws(() => new SanFabric({ store: new FileSanStore({ dir }) }), refused(/unconnected port/));
}));

test('a change whose save fails is not applied', () => {
  class FlakyStore implements SanStore {
    inner = new MemorySanStore();
    broken = false;
    load(): SanDoc | null { return this.inner.load(); }
    save(doc: SanDoc): void {
      if (this.broken) throw new SanError('SAN_STORE', { path: 'flaky', action: 'saved', why: 'disk full' });
      this.inner.save(doc);
    }
  }
  const store = new FlakyStore();
  const f = figure2(store);
  const before = f.toJSON();
  store.broken = true;
  assert.throws(() => f.apply({ op: 'rmhostmap', array: 'ds1', lun: 'D', wwpns: [PFC] }), /disk full/);
  assert.deepEqual(f.toJSON(), before);
  assert.deepEqual(f.visibleLuns(PFC).map((l) => l.label), ['D', 'D']);
});

test('a change that changes nothing (a vfcmap sync already in step) is not written again', () => {
  let saves = 0;
  const inner = new MemorySanStore();
  const counting: SanStore = { load: () => inner.load(), save: (doc) => { saves++; inner.save(doc); } };
  const f = figure2(counting);
  f.syncNpivLogins(PFC, [C1[0], C2[0]]);
  const n = saves;
  f.syncNpivLogins(PFC, [C2[0], C1[0]]);
  assert.equal(saves, n);
  f.syncNpivLogins(PFC, [C2[0]]);
  assert.equal(saves, n + 1);
});
