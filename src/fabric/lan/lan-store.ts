// Where the LAN configuration lives: one small JSON document in the data directory, replaced atomically
// on every change (write a temporary file, fsync, rename, fsync the directory), as the SAN's is
// (san-store.ts). The lab script runs once per data directory, so the cabling must survive restarts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileAtomically } from '../atomic-file.ts';
import { LanError } from './lan-error.ts';
import { type LanDoc, LanDocSchema } from './lan-schema.ts';

export interface LanStore {
  /** The saved document, or null when nothing was saved yet. Refuses a damaged document. */
  load(): LanDoc | null;
  save(doc: LanDoc): void;
}

function parse(text: string, path: string): LanDoc {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) { throw new LanError(`The LAN configuration ${path} cannot be read: it is not JSON (${(e as Error).message}).`); }
  const r = LanDocSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new LanError(`The LAN configuration ${path} cannot be read: ${issue.path.join('.') || 'document'}: ${issue.message}.`);
  }
  return r.data;
}

export class MemoryLanStore implements LanStore {
  private text: string | null = null;
  load(): LanDoc | null { return this.text === null ? null : parse(this.text, 'memory'); }
  save(doc: LanDoc): void { this.text = JSON.stringify(doc); }
}

export const LAN_FILE = 'lan.json';

export class FileLanStore implements LanStore {
  readonly path: string;
  private readonly fsync: boolean;
  constructor(opts: { dir: string; file?: string; fsync?: boolean }) {
    this.path = join(opts.dir, opts.file ?? LAN_FILE);
    this.fsync = opts.fsync !== false;
  }

  load(): LanDoc | null {
    return existsSync(this.path) ? parse(readFileSync(this.path, 'utf8'), this.path) : null;
  }

  save(doc: LanDoc): void {
    try {
      replaceFileAtomically(this.path, `${JSON.stringify(doc, null, 1)}\n`, this.fsync);
    } catch (e) {
      throw new LanError(`The LAN configuration could not be saved to ${this.path}: ${(e as Error).message}`);
    }
  }
}
