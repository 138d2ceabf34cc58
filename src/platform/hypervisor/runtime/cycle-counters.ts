// Cumulative processor-cycle counters (platform/types/utilization.ts explains their meaning). Kept as
// doubles: a year of a 64-core pool at 512 MHz exceeds 2^53 cycles, where a double keeps 15–16 digits,
// far more than any utilization figure needs. Counters start when the system powers on (time_cycles'
// origin) and survive a restart of the simulator (exported to and imported from the system's directory),
// because the partitions kept running meanwhile.

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

export interface CountersState {
  /** Simulated ms of running time counted since power on. */
  elapsedMs: number;
  /** The simulated time they were counted up to. */
  at: number;
  lpars: [number, LparCounters][];
  pools: [number, PoolCounters][];
  physical: PoolCounters;
  memPool: { pageFaults: number; pageInDelayUs: number };
}

export class RuntimeCounters {
  elapsedMs = 0;
  readonly lpars = new Map<number, LparCounters>();
  readonly pools = new Map<number, PoolCounters>();
  physical = new PoolCounters();
  /** The shared memory pool's own totals: they keep counting what partitions that stopped paged. */
  readonly memPool = { pageFaults: 0, pageInDelayUs: 0 };
  /** Bumped when the counter objects are replaced (reset, import): holders of references fetch them again. */
  epoch = 0;

  lpar(id: number): LparCounters {
    let c = this.lpars.get(id);
    if (!c) this.lpars.set(id, (c = new LparCounters()));
    return c;
  }

  pool(id: number): PoolCounters {
    let c = this.pools.get(id);
    if (!c) this.pools.set(id, (c = new PoolCounters()));
    return c;
  }

  /** Power on (IPL): every counter starts again from zero. */
  reset(): void {
    this.epoch++;
    this.elapsedMs = 0;
    this.lpars.clear();
    this.pools.clear();
    this.physical = new PoolCounters();
    this.memPool.pageFaults = this.memPool.pageInDelayUs = 0;
  }

  export(at: number): CountersState {
    return { elapsedMs: this.elapsedMs, at, lpars: [...this.lpars], pools: [...this.pools], physical: this.physical, memPool: { ...this.memPool } };
  }

  import(s: CountersState): void {
    this.reset();
    this.elapsedMs = s.elapsedMs;
    for (const [id, c] of s.lpars) this.lpars.set(id, Object.assign(new LparCounters(), c));
    for (const [id, c] of s.pools) this.pools.set(id, Object.assign(new PoolCounters(), c));
    this.physical = Object.assign(new PoolCounters(), s.physical);
    Object.assign(this.memPool, s.memPool);
  }
}
