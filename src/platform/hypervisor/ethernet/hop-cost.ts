// The latency of one hop of a frame (config.network's model): a fixed part plus a part per byte, kept as
// integer nanoseconds so that the per-frame arithmetic stays in small integers (nothing boxed).

export class HopCost {
  private readonly fixedNs: number;
  private readonly picoPerByte: number;
  constructor(fixedUs: number, nsPerByte: number) {
    this.fixedNs = Math.round(fixedUs * 1000);
    this.picoPerByte = Math.round(nsPerByte * 1000);
  }
  ns(len: number): number { return this.fixedNs + ((len * this.picoPerByte / 1000) | 0); }
}

export const usToNs = (us: number): number => Math.round(us * 1000);
