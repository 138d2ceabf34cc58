// The storage's block stores: one volume per disk uid, never-written regions read as zeros, positional
// reads and writes land where they were aimed, a file-backed disk is a sparse file of the disk's size that
// keeps its contents across a reopen, and both stores behave like a plain byte array (property test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MB, volumeFileName, type BlockStore } from '../../../src/fabric/storage/block-store.ts';
import { FileBlockStore } from '../../../src/fabric/storage/file-block-store.ts';
import { MemoryBlockStore } from '../../../src/fabric/storage/memory-block-store.ts';

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'powervm-storage-'));
  try { fn(dir); } finally { rmSync(dir, { recursive: true, force: true }); }
}

const pattern = (n: number, seed: number): Buffer => {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7 + 1) & 0xff;
  return b;
};

/** The same cases for both stores; `withStore` makes a store, runs the case, closes it and cleans up. */
function basics(withStore: (fn: (store: BlockStore) => void) => void, name: string): void {
  test(`${name}: unwritten regions are zeros; a write reads back where it was aimed`, () => withStore((store) => {
    const v = store.volume('6005076801810B2AE000000000000001', 8 * MB);
    assert.equal(v.sizeBytes, 8 * MB);
    const before = Buffer.alloc(4096, 0xee);
    v.read(before, 0, 4096, 3 * MB);
    assert.ok(before.every((x) => x === 0), 'a never-written region reads as zeros');
    // A write straddling the 64 KiB boundary of the memory store's chunks and the file's pages.
    const data = pattern(70_000, 3);
    v.write(data, 0, data.length, 65_000);
    const back = Buffer.alloc(data.length + 2000, 0xee);
    v.read(back, 1000, data.length, 65_000);
    assert.deepEqual(back.subarray(1000, 1000 + data.length), data);
    assert.ok(back.subarray(0, 1000).every((x) => x === 0xee), 'read wrote only inside [at, at+length)');
    const edge = Buffer.alloc(2);
    v.read(edge, 0, 2, 64_999);
    assert.deepEqual([...edge], [0, data[0]], 'the byte before the write is still zero');
    // Only part of a source buffer is written when asked.
    v.write(pattern(512, 9), 100, 200, 7 * MB);
    const part = Buffer.alloc(200);
    v.read(part, 0, 200, 7 * MB);
    assert.deepEqual(part, pattern(512, 9).subarray(100, 300));
  }));

  test(`${name}: one volume per uid, grown on demand, never shrunk; out-of-range and bad uids refused`, () => withStore((store) => {
    const a = store.volume('3E2130AAAA', 1 * MB);
    a.write(Buffer.alloc(512, 1), 0, 512, 0);
    assert.equal(store.volume('3E2130AAAA', 1 * MB), a, 'the same uid is the same volume');
    assert.equal(store.volume('3E2130AAAA', 2 * MB).sizeBytes, 2 * MB, 'a grown LUN grows');
    assert.equal(store.volume('3E2130AAAA', 1 * MB).sizeBytes, 2 * MB, 'a smaller size never shrinks it');
    const b = store.volume('3E2130BBBB', 1 * MB);
    const z = Buffer.alloc(512, 9);
    b.read(z, 0, 512, 0);
    assert.ok(z.every((x) => x === 0), 'another uid is another disk');
    assert.throws(() => b.write(Buffer.alloc(1024), 0, 1024, 1 * MB - 512), /outside disk/);
    assert.throws(() => b.read(Buffer.alloc(8), 0, 8, -8), /outside disk/);
    assert.throws(() => store.volume('../etc/passwd', MB), /unusable disk uid/);
  }));
}

basics((fn) => { const s = new MemoryBlockStore(); try { fn(s); } finally { s.close(); } }, 'memory store');
basics((fn) => withDir((dir) => { const s = new FileBlockStore({ dir: join(dir, 'storage'), fsync: false }); try { fn(s); } finally { s.close(); } }), 'file store');

test('file store: <uid>.img of the disk size, sparse, contents kept across a reopen (with fsync on)', () => withDir((dir) => {
  const uid = '6005076801810B2AE00000000000000F';
  const size = 100 * 1024 * MB; // a 100 GB LUN
  const first = new FileBlockStore({ dir: join(dir, 'storage') });
  const data = pattern(65_536, 5);
  first.volume(uid, size).write(data, 0, data.length, 40 * 1024 * MB);
  first.close();
  const file = join(dir, 'storage', volumeFileName(uid));
  assert.deepEqual(readdirSync(join(dir, 'storage')), [`${uid}.img`]);
  const st = statSync(file);
  assert.equal(st.size, size, 'ftruncated to the disk size');
  assert.ok(st.blocks * 512 < 16 * MB, `sparse: ${st.blocks * 512} bytes allocated for a 100 GB disk`);
  const second = new FileBlockStore({ dir: join(dir, 'storage'), fsync: false });
  const back = Buffer.alloc(data.length);
  second.volume(uid, size).read(back, 0, back.length, 40 * 1024 * MB);
  assert.deepEqual(back, data);
  second.close();
}));

test('file store: a volume used after close fails instead of writing elsewhere', () => withDir((dir) => {
  const store = new FileBlockStore({ dir, fsync: false });
  const v = store.volume('3E2130CCCC', MB);
  store.close();
  assert.throws(() => v.write(Buffer.alloc(512), 0, 512, 0), /EBADF|"fd" is out of range/);
}));

/** Random writes and reads against both stores and a plain byte array: every read agrees. */
test('property: a volume behaves like a plain byte array (memory and file stores)', () => withDir((dir) => {
  const SIZE = 512 * 1024;
  const op = fc.record({ write: fc.boolean(), pos: fc.integer({ min: 0, max: SIZE - 1 }), len: fc.integer({ min: 0, max: 150_000 }), seed: fc.integer({ min: 0, max: 255 }) });
  let run = 0;
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
    const model = Buffer.alloc(SIZE);
    const file = new FileBlockStore({ dir: join(dir, `r${run++}`), fsync: false });
    const stores = [new MemoryBlockStore(), file];
    try {
      const vols = stores.map((s) => s.volume('3E2130DDDD', SIZE));
      for (const o of ops) {
        const len = Math.min(o.len, SIZE - o.pos);
        if (o.write) {
          const data = pattern(len, o.seed);
          data.copy(model, o.pos);
          for (const v of vols) v.write(data, 0, len, o.pos);
        } else {
          for (const v of vols) {
            const got = Buffer.alloc(len);
            v.read(got, 0, len, o.pos);
            if (!got.equals(model.subarray(o.pos, o.pos + len))) return false;
          }
        }
      }
      for (const v of vols) { const all = Buffer.alloc(SIZE); v.read(all, 0, SIZE, 0); if (!all.equals(model)) return false; }
      return true;
    } finally { for (const s of stores) s.close(); }
  }), { numRuns: 60 });
}));
