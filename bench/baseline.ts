// The practical floor for a 1,000-row listing: format rows of 20 plain key=value pairs with one join.
const KEYS = Array.from({ length: 20 }, (_, k) => `field_name_${k}`);

export function baselineRows(n: number): Record<string, string | number>[] {
  return Array.from({ length: n }, (_, i) => Object.fromEntries(KEYS.map((k, j) => [k, j % 2 ? i * 20 + j : `value${i}_${j}`])));
}

/** Returns the output length so that the work cannot be dropped. */
export function formatRows(rows: Record<string, string | number>[]): number {
  return rows.map((r) => KEYS.map((k) => `${k}=${r[k]}`).join(',')).join('\n').length;
}
