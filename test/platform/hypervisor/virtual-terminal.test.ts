// A console's output buffer (virtual-terminal.ts): whatever is written, a read from any cursor returns exactly
// the part of the stream after it that is still held, and says when older output was dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VirtualTerminal } from '../../../src/platform/hypervisor/virtual-terminal.ts';

test('reads from any cursor return the held tail of everything written', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 64 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), fc.nat(), (cap, writes, pick) => {
    const term = new VirtualTerminal(cap);
    let all = '';
    for (const w of writes) { term.write(w); all += w; }
    assert.equal(term.cursor, all.length);
    const from = all.length === 0 ? 0 : pick % (all.length + 1);
    const r = term.read(from);
    const start = Math.max(0, all.length - cap);
    assert.equal(r.cursor, all.length);
    assert.equal(r.data, all.slice(Math.max(from, start)));
    assert.equal(r.lost, from < start);
    assert.equal(term.read(r.cursor).data, '', 'nothing new after the end');
  }));
});

test('truncate takes back what was written after a mark, as if it had never been written', () => {
  fc.assert(fc.property(fc.integer({ min: 8, max: 64 }), fc.string({ maxLength: 50 }), fc.string({ maxLength: 50 }), (cap, before, after) => {
    const a = new VirtualTerminal(cap);
    const b = new VirtualTerminal(cap);
    a.write(before);
    b.write(before);
    const mark = a.cursor;
    a.write(after);
    a.truncate(mark);
    if (before.length + after.length <= cap) assert.deepEqual(a.read(0), b.read(0));
    assert.equal(a.cursor, b.cursor);
  }));
});

test('a reader behind the buffer is told output was lost and continues from the oldest held', () => {
  const term = new VirtualTerminal(10);
  term.write('0123456789abcdef');
  assert.deepEqual(term.read(2), { data: '6789abcdef', cursor: 16, lost: true });
  assert.deepEqual(term.read(14), { data: 'ef', cursor: 16, lost: false });
});
