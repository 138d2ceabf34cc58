// Labs are data (DESIGN.md "Fidelity"): a JSON file describing the managed systems' hardware and a script
// of ordinary HMC commands that builds partitions, pools and states through the HMC like a user would.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { HardwareDescription } from '../platform/io/hardware.ts';
import type { HardwareDescription as Hw } from '../platform/io/hardware.ts';
import { splitWords } from '../hmc/shell/words.ts';

export const LabFile = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  systems: z.array(HardwareDescription).optional(),
  /** Use the hardware of another built-in lab (so two labs do not repeat the same inventory). */
  systemsFrom: z.string().optional(),
  script: z.string().optional(),
});
export type LabFile = z.infer<typeof LabFile>;

export interface Lab { file: LabFile & { systems: Hw[] }; script: ScriptLine[] }
export type ScriptLine = { line: number; kind: 'hmc' | 'directive'; words: string[] };

const BUILTIN = join(dirname(fileURLToPath(import.meta.url)), 'lab');

/** `default` (or another built-in name) or a path to a lab JSON file. */
export function loadLab(nameOrPath: string): Lab {
  const path = /[\\/.]/.test(nameOrPath) ? resolve(nameOrPath) : join(BUILTIN, `${nameOrPath}-lab.json`);
  const file = LabFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  const script = file.script ? parseScript(readFileSync(join(dirname(path), file.script), 'utf8')) : [];
  const systems = file.systemsFrom ? loadLab(file.systemsFrom).file.systems : file.systems ?? [];
  return { file: { ...file, systems }, script };
}

export function parseScript(text: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const directive = t.startsWith('@');
    out.push({ line: i + 1, kind: directive ? 'directive' : 'hmc', words: splitWords(directive ? t.slice(1) : t) });
  });
  return out;
}
