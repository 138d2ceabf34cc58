// One line per figure: value, target (or informational), ratio, PASS/FAIL; a summary at the end.
const fails: string[] = [];
let checked = 0;

export const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

/** A figure checked against an upper-bound target, optionally also compared with a same-run baseline. */
export function figure(name: string, value: number, unit: string, target: number, baseline?: { name: string; value: number }): void {
  checked++;
  const ok = value <= target;
  if (!ok) fails.push(name);
  const vsBase = baseline ? `  baseline ${fmt(baseline.value)} ${unit} (${baseline.name})  x${fmt(value / baseline.value)}` : '';
  console.log(`${name}: ${fmt(value)} ${unit}  target ${fmt(target)} ${unit}  ratio ${(value / target).toFixed(2)}  ${ok ? 'PASS' : 'FAIL <<<'}${vsBase}`);
}

export function info(name: string, value: number, unit: string, note = ''): void {
  console.log(`${name}: ${fmt(value)} ${unit}  (informational${note ? `; ${note}` : ''})`);
}

export function skip(name: string, why: string): void {
  console.log(`${name}: SKIPPED (${why})`);
}

export function summary(): void {
  console.log(fails.length ? `FAIL: ${fails.length} of ${checked} targets missed: ${fails.join('; ')}` : `PASS: all ${checked} targets met`);
}
