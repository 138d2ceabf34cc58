// Timing and heap helpers. Wall time via process.hrtime.bigint; heap after a full collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const nowNs = (): bigint => process.hrtime.bigint();
export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** Run fn `warmup` times untimed, then `runs` times timed; returns the median in ms. */
export async function medianMs(fn: () => unknown, warmup: number, runs: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowNs();
    await fn();
    t.push(msSince(t0));
  }
  t.sort((a, b) => a - b);
  return runs % 2 ? t[(runs - 1) / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
}

/** global.gc under --expose-gc; otherwise the flag set at run time (works on Node 20); else null. */
export function findGc(): { gc: (() => void) | null; how: string } {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === 'function') return { gc: g, how: '--expose-gc' };
  try {
    setFlagsFromString('--expose-gc');
    const f = runInNewContext('gc') as unknown;
    if (typeof f === 'function') return { gc: f as () => void, how: 'v8.setFlagsFromString fallback' };
  } catch { /* not available */ }
  return { gc: null, how: 'none' };
}

/** heapUsed after full collections (several, so weak/finalizable garbage goes too). */
export function settledHeap(gc: () => void): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}
