// Hand-computed dispatch windows (platform.md §6.1, §6.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SHARE_IDLE_PROCS, SHARE_IDLE_PROCS_ACTIVE, SHARE_IDLE_PROCS_ALWAYS, SHARE_KEEP_IDLE_PROCS, validateModel,
} from '../../../../src/platform/hypervisor/dispatcher/dispatcher.ts';
import { build, ded, run, sh } from './build.ts';

const close = (actual: number[], expected: number[]): void => {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) < 1e-9, `partition ${i}: ${a} != ${expected[i]} (all: ${actual})`));
};

test('a capped partition gets at most its entitlement even with idle cores', () => {
  close(run(build(4, [sh({ pu: 0.5, vps: 2, demand: 1.5, capped: true })])).c, [0.5]);
});

test('demand below entitlement is served exactly', () => {
  close(run(build(4, [sh({ pu: 0.5, vps: 2, demand: 0.2 }), sh({ pu: 0.5, vps: 1, demand: 0.3, capped: true })])).c, [0.2, 0.3]);
});

test('weights 128 and 64 share 0.9 PU of idle capacity as 0.6 / 0.3', () => {
  // 2.0 cores − 1.1 PU entitlement = 0.9 idle; 128:64 = 2:1.
  const { c, out } = run(build(2, [sh({ pu: 0.5, vps: 2, demand: 2, weight: 128 }), sh({ pu: 0.6, vps: 2, demand: 2, weight: 64 })]));
  close(c, [1.1, 0.9]);
  assert.ok(out.sharedIdle < 1e-9);
});

test('a partition limited by its demand gives the surplus back to the others', () => {
  // Idle 0.9; equal weights would give 0.45 each, but A only wants 0.1 more, so B gets 0.8.
  close(run(build(2, [sh({ pu: 0.5, vps: 2, demand: 0.6 }), sh({ pu: 0.6, vps: 2, demand: 2 })])).c, [0.6, 1.4]);
});

test('VP limit: 2 VPs never exceed 2.0 PU, the surplus goes to others', () => {
  close(run(build(8, [sh({ pu: 0.5, vps: 2, demand: 5 })])).c, [2]);
  // Idle 7.0, weights equal: A capped by VPs at 2.0, B (4 VPs) takes 4.0, 1.0 stays idle.
  const { c, out } = run(build(8, [sh({ pu: 0.5, vps: 2, demand: 5 }), sh({ pu: 0.5, vps: 4, demand: 9, weight: 1 })]));
  close(c, [2, 4]);
  assert.ok(Math.abs(out.sharedIdle - 2) < 1e-9);
});

test('pool maximum limits uncapped partitions of a configured pool', () => {
  // Pool 1 max 2.0: its two partitions split 2.0; the pool-0 partition takes its 4 VPs.
  const m = build(8, [
    sh({ pu: 0.5, vps: 3, demand: 3, pool: 1 }), sh({ pu: 0.5, vps: 3, demand: 3, pool: 1, weight: 255 }), sh({ pu: 0.5, vps: 4, demand: 10, weight: 1 }),
  ], [{ max: 2 }]);
  assert.equal(validateModel(m), null);
  const { c } = run(m);
  // Pool 1: 1.0 room beyond entitlement, by weight 128:255.
  close(c, [0.5 + 128 / 383, 0.5 + 255 / 383, 4]);
});

test('a saturated pool leaves the rest of the idle capacity to the other pools by weight', () => {
  // Idle 4 − 1.5 = 2.5; level λ = 2.5 / 384 would give pool 1 far more than its 0.5 room: it takes 0.5,
  // the two pool-0 partitions share the remaining 2.0 as 1:2.
  const m = build(4, [
    sh({ pu: 0.5, vps: 4, demand: 4, pool: 1, weight: 128 }), sh({ pu: 0.5, vps: 4, demand: 4, weight: 64 }), sh({ pu: 0.5, vps: 4, demand: 4, weight: 128 }),
  ], [{ max: 1 }]);
  close(run(m).c, [1, 0.5 + 2 / 3, 0.5 + 4 / 3]);
});

test('reserved pool capacity goes first to the pool\'s uncapped partitions', () => {
  // Pool 1 EC = 1.0 reserved + 0.5 → 1.0 unused for its own partition; the last 1.0 idle by weight 1:255.
  const m = build(3, [sh({ pu: 0.5, vps: 3, demand: 3, pool: 1, weight: 1 }), sh({ pu: 0.5, vps: 3, demand: 3, weight: 255 })], [{ max: 4, reserved: 1 }]);
  assert.equal(validateModel(m), null);
  close(run(m).c, [1.5 + 1 / 256, 0.5 + 255 / 256]);
});

test('weight 0 behaves like capped', () => {
  close(run(build(4, [sh({ pu: 0.5, vps: 2, demand: 2, weight: 0 }), sh({ pu: 0.5, vps: 2, demand: 2, capped: true })])).c, [0.5, 0.5]);
});

test('inactive shared partitions consume nothing and free their capacity', () => {
  close(run(build(1, [sh({ pu: 0.5, vps: 2, demand: 2, active: false }), sh({ pu: 0.5, vps: 2, demand: 2 })])).c, [0, 1]);
});

// A dedicated partition with 4 cores using 1, next to an uncapped pool-0 partition on a 1-core shared pool.
const donation = (sharing: number, active: boolean, pool = 0) => run(build(1, [
  ded({ cores: 4, demand: 1, sharing, active }), sh({ pu: 0.5, vps: 4, demand: 4, pool }),
], pool ? [{ max: 4 }] : []));

test('dedicated donation follows the sharing mode and the partition state', () => {
  const cases: [number, boolean, number, number][] = [
    // sharing mode, active, donated, shared partition's consumption
    [SHARE_KEEP_IDLE_PROCS, true, 0, 1], [SHARE_KEEP_IDLE_PROCS, false, 0, 1],
    [SHARE_IDLE_PROCS, true, 0, 1], [SHARE_IDLE_PROCS, false, 4, 4],
    [SHARE_IDLE_PROCS_ACTIVE, true, 3, 4], [SHARE_IDLE_PROCS_ACTIVE, false, 0, 1],
    [SHARE_IDLE_PROCS_ALWAYS, true, 3, 4], [SHARE_IDLE_PROCS_ALWAYS, false, 4, 4],
  ];
  for (const [mode, active, donated, shared] of cases) {
    const { c, out } = donation(mode, active);
    close(c, [active ? 1 : 0, shared]);
    assert.equal(out.donated, donated, `mode ${mode} active ${active}`);
  }
});

test('donated cycles are used only partly when the default pool wants less', () => {
  const { c, out } = run(build(1, [ded({ cores: 4, demand: 1, sharing: SHARE_IDLE_PROCS_ACTIVE }), sh({ pu: 0.5, vps: 2, demand: 2 })]));
  close(c, [1, 2]);
  // Donated cycles are used before the physical idle capacity (stage 3b): 1.5 of 3.0 donated, 0.5 core idle.
  assert.ok(Math.abs(out.donatedUsed - 1.5) < 1e-9, `donatedUsed ${out.donatedUsed}`);
  assert.ok(Math.abs(out.sharedIdle - 0.5) < 1e-9, `sharedIdle ${out.sharedIdle}`);
});

test('donated cycles go to the default pool only', () => {
  const { c, out } = donation(SHARE_IDLE_PROCS_ACTIVE, true, 1);
  close(c, [1, 1]);
  assert.equal(out.donatedUsed, 0);
});

test('validateModel rejects entitlement above VPs and overcommitted pools', () => {
  assert.match(validateModel(build(4, [sh({ pu: 2.5, vps: 2, demand: 0 })])) ?? '', /exceeds 2 VPs/);
  assert.match(validateModel(build(4, [sh({ pu: 1.5, vps: 2, demand: 0, pool: 1 })], [{ max: 1 }])) ?? '', /pool 1/);
  assert.match(validateModel(build(1, [sh({ pu: 0.6, vps: 2, demand: 0 }), sh({ pu: 0.6, vps: 2, demand: 0 })])) ?? '', /shared cores/);
});
