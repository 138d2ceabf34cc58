// The shape of the house (DESIGN.md): the HMC reaches systems only through the HMC link and never imports
// platform internals; nothing in the model reads wall time or sets timers except the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(import.meta.dirname, '..', 'src');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
});
const imports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => relative(SRC, join(file, '..', m[1])));

// Published shapes the HMC may read: data types, the model catalog, naming rules, event shapes, unit formatting.
const ALLOWED = [/^platform\/types\//, /^platform\/catalog\//, /^platform\/naming\.ts$/, /^platform\/events\.ts$/, /^platform\/hypervisor\/units\.ts$/,
  // The profile's virtual adapter element syntax and the address rules, as published facts.
  /^platform\/hypervisor\/virtual-adapters\.ts$/, /^platform\/hypervisor\/addresses\.ts$/];

test('HMC code imports no platform internals', () => {
  const bad: string[] = [];
  for (const f of files(join(SRC, 'hmc'))) {
    for (const imp of imports(f)) if (imp.startsWith('platform/') && !ALLOWED.some((re) => re.test(imp))) bad.push(`${relative(SRC, f)} -> ${imp}`);
  }
  assert.deepEqual(bad, []);
});

test('platform code does not depend on the HMC', () => {
  const bad = files(join(SRC, 'platform')).flatMap((f) => imports(f).filter((i) => i.startsWith('hmc/')).map((i) => `${relative(SRC, f)} -> ${i}`));
  assert.deepEqual(bad, []);
});

test('only the clock reads wall time or sets timers', () => {
  const bad = files(SRC).filter((f) => !f.endsWith(join('sim', 'clock.ts')))
    .filter((f) => /Date\.now\(|(?<![.\w])setTimeout\(|(?<![.\w])setInterval\(|new Date\(\)/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(SRC, f));
  assert.deepEqual(bad, []);
});

test('source files stay small (STYLE.md: split when a file needs a paragraph)', () => {
  const big = files(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 320);
  assert.deepEqual(big, []);
});
