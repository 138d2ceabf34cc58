import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../src/sim/clock.ts';

test('virtual timers fire in time order, then creation order, only when time reaches them', () => {
  const c = new VirtualClock(0);
  const seen: string[] = [];
  c.schedule(30, () => seen.push('c'));
  c.schedule(10, () => seen.push('a'));
  c.schedule(10, () => { seen.push('b'); c.schedule(15, () => seen.push('b2')); });
  c.advance(9);
  assert.equal(seen.length, 0);
  c.advance(11);
  assert.deepEqual(seen, ['a', 'b', 'b2']);
  assert.equal(c.now(), 20);
  const h = c.schedule(25, () => seen.push('cancelled'));
  c.cancel(h);
  c.runAll();
  assert.deepEqual(seen, ['a', 'b', 'b2', 'c']);
  assert.equal(c.now(), 30);
});
