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

test('the fast clock jumps to each timer as soon as the process is idle, in order', async () => {
  const { FastClock } = await import('../../src/sim/clock.ts');
  const c = new FastClock(0);
  const seen: number[] = [];
  await new Promise<void>((resolve) => {
    c.schedule(3_600_000, () => { seen.push(c.now()); c.schedule(c.now() + 86_400_000, () => { seen.push(c.now()); resolve(); }); });
    c.schedule(10, () => seen.push(c.now()));
  });
  assert.deepEqual(seen, [10, 3_600_000, 90_000_000]);
});

test('the fast clock does not let housekeeping make time pass; a job carries it past housekeeping timers', async () => {
  const { FastClock } = await import('../../src/sim/clock.ts');
  const c = new FastClock(0);
  const seen: string[] = [];
  // A periodic background sampler alone: time stands still.
  const sample = (): void => { seen.push(`sample@${c.now()}`); c.schedule(c.now() + 60_000, sample, { background: true }); };
  c.schedule(60_000, sample, { background: true });
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  assert.equal(c.now(), 0);
  assert.equal(seen.length, 0);
  // A job 3 minutes away: the samples due on the way fire, then the job, then time stands still again.
  await new Promise<void>((resolve) => c.schedule(180_000, () => { seen.push(`job@${c.now()}`); resolve(); }));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, ['sample@60000', 'sample@120000', 'job@180000', 'sample@180000']); // same time: creation order
  assert.equal(c.now(), 180_000);
});
