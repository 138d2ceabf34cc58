// Cumulative processor-cycle counters (platform/types/utilization.ts explains their meaning). Kept as
// doubles: a year of a 64-core pool at 512 MHz exceeds 2^53 cycles, where a double keeps 15–16 digits,
// far more than any utilization figure needs.

export class LparCounters {
  entitled = 0;
  capped = 0;
  uncapped = 0;
  idle = 0;
  sharedWhileActive = 0;
  /** Part of capped+uncapped spent compressing memory (Active Memory Expansion). */
  ame = 0;
  pageFaults = 0;
  pageInDelayUs = 0;
}

export class PoolCounters {
  total = 0;
  utilized = 0;
}
