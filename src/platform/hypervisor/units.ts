// Processing units are decimal fractions with 0.01 granularity (platform.md §9 rule 5). All arithmetic on
// them is done in integer hundredths so that 0.1 + 0.2 is exactly 0.3 and no rule drifts.
export const toCenti = (pu: number): number => Math.round(pu * 100);
export const fromCenti = (c: number): number => c / 100;

/** Print like the HMC: `0.1`, `0.3`, `2.0`, `1.25` (platform.md §6.1). */
export function formatProcUnits(pu: number): string {
  const c = toCenti(pu);
  const s = (c / 100).toString();
  return s.includes('.') ? s : `${s}.0`;
}

export const roundUpTo = (v: number, step: number): number => Math.ceil(v / step) * step;
export const roundDownTo = (v: number, step: number): number => Math.floor(v / step) * step;

export function nextPow2(v: number): number {
  let p = 1;
  while (p < v) p *= 2;
  return p;
}
