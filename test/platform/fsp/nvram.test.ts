// The FSP's NVRAM journal: every committed change survives, a torn tail is ignored, corruption is detected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileNvram, MemoryNvram } from '../../../src/platform/fsp/nvram.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nvram-'));

test('a missing NVRAM reads as missing', () => {
  const d = tmp();
  assert.equal(new FileNvram(join(d, 'n.log')).load().kind, 'missing');
  rmSync(d, { recursive: true });
});

test('commits survive a reopen, in order, deletes included', () => {
  const d = tmp();
  const path = join(d, 'n.log');
  const a = new FileNvram(path);
  a.commit([['sys', { name: 'S' }]], []);
  a.commit([['lpar:1', { name: 'a' }], ['lpar:2', { name: 'b' }]], []);
  a.commit([['lpar:1', { name: 'a2' }]], ['lpar:2']);
  a.close();
  const l = new FileNvram(path).load();
  assert.equal(l.kind, 'ok');
  if (l.kind === 'ok') assert.deepEqual([...l.entries], [['sys', { name: 'S' }], ['lpar:1', { name: 'a2' }]]);
  rmSync(d, { recursive: true });
});

test('a torn last record (crash mid-write) is dropped, everything before it kept', () => {
  const d = tmp();
  const path = join(d, 'n.log');
  const a = new FileNvram(path);
  a.commit([['sys', { v: 1 }]], []);
  a.commit([['lpar:1', { v: 2 }]], []);
  a.close();
  appendFileSync(path, '0badc0de {"put":[["lpar:9",{"v":');
  const b = new FileNvram(path);
  const l = b.load();
  assert.equal(l.kind, 'ok');
  if (l.kind === 'ok') assert.deepEqual([...l.entries.keys()], ['sys', 'lpar:1']);
  b.commit([['lpar:3', { v: 3 }]], []);
  b.close();
  const c = new FileNvram(path).load();
  assert.ok(c.kind === 'ok' && c.entries.has('lpar:3') && !c.entries.has('lpar:9'));
  rmSync(d, { recursive: true });
});

test('a damaged record in the middle is corruption (the system comes up in Recovery)', () => {
  const d = tmp();
  const path = join(d, 'n.log');
  const a = new FileNvram(path);
  a.commit([['sys', { v: 1 }]], []);
  a.commit([['lpar:1', { v: 2 }]], []);
  a.commit([['lpar:2', { v: 3 }]], []);
  a.close();
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[1] = lines[1].replace('"v":2', '"v":7');
  writeFileSync(path, lines.join('\n'));
  assert.equal(new FileNvram(path).load().kind, 'corrupt');
  truncateSync(path, 0);
  assert.equal(new FileNvram(path).load().kind, 'corrupt');
  rmSync(d, { recursive: true });
});

test('the journal compacts into a snapshot without losing anything', () => {
  const d = tmp();
  const path = join(d, 'n.log');
  const a = new FileNvram(path, { fsync: false });
  a.commit([['sys', { v: 0 }]], []);
  const big = 'x'.repeat(20000);
  for (let i = 0; i < 200; i++) a.commit([[`lpar:${i % 7}`, { i, big }]], []);
  a.close();
  const size = readFileSync(path).length;
  assert.ok(size < 200 * 20000, `journal was compacted (size ${size})`);
  const l = new FileNvram(path).load();
  assert.ok(l.kind === 'ok');
  if (l.kind === 'ok') {
    assert.equal(l.entries.size, 8);
    assert.equal((l.entries.get('lpar:3') as { i: number }).i, 199 - ((199 - 3) % 7));
  }
  rmSync(d, { recursive: true });
});

test('the memory NVRAM keeps no reference to what callers hold', () => {
  const m = new MemoryNvram();
  const obj = { v: 1 };
  m.commit([['k', obj]], []);
  obj.v = 2;
  const l = m.load();
  assert.ok(l.kind === 'ok' && (l.entries.get('k') as { v: number }).v === 1);
  m.wipe();
  assert.equal(m.load().kind, 'missing');
});
