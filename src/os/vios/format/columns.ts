// Column helpers for the fixed-width VIOS listings. `pad` never lets two columns touch: a value as wide
// as its column still gets one space, as AIX printf-style listings do.
export const pad = (s: string, width: number): string => (s.length >= width ? `${s} ` : s.padEnd(width));

export const right = (s: string, width: number): string => s.padStart(width);

/** A table whose columns are as wide as their widest cell plus one space (AIX lsattr style, UNCERTAIN). */
export function autoTable(header: string[], rows: string[][], minWidths: number[] = []): string[] {
  const widths = header.map((h, i) => Math.max(minWidths[i] ?? 0, h.length + 1, ...rows.map((r) => (r[i] ?? '').length + 1)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** `-fmt <delimiter>` rows: the fields joined by the delimiter, no header. */
export const delimited = (rows: string[][], delimiter: string): string[] => rows.map((r) => r.join(delimiter));
