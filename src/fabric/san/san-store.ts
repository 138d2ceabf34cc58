// Where the SAN configuration lives (DESIGN.md "State and where it lives": nothing acknowledged may be
// lost by a crash). The whole document is small, so each change rewrites it atomically, as FileNvram
// compacts its journal (atomic-file.ts).
// A crash leaves either the old or the new document, never a mix.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileAtomically } from '../atomic-file.ts';
import { sanFail } from './san-fail.ts';
import { type SanDoc, SanDocSchema } from './san-schema.ts';

export interface SanStore {
  /** The saved document, or null when nothing was saved yet. Refuses a damaged document. */
  load(): SanDoc | null;
  /** Durably replace the saved document; returns only once it is safe. */
  save(doc: SanDoc): void;
}

function parse(text: string, path: string): SanDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return sanFail('SAN_STORE', { path, action: 'read', why: `it is not JSON (${(e as Error).message})` });
  }
  const r = SanDocSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return sanFail('SAN_STORE', { path, action: 'read', why: `${issue.path.join('.') || 'document'}: ${issue.message}` });
  }
  return r.data;
}

/** For `--memory` runs and tests: the same semantics (a copy is kept, never a live reference). */
export class MemorySanStore implements SanStore {
  private text: string | null = null;
  load(): SanDoc | null { return this.text === null ? null : parse(this.text, 'memory'); }
  save(doc: SanDoc): void { this.text = JSON.stringify(doc); }
}

export const SAN_FILE = 'san.json';

export class FileSanStore implements SanStore {
  readonly path: string;
  private readonly fsync: boolean;
  /** `dir` is the data directory (sim/data-dir.ts); `fsync: false` for tests on throw-away directories. */
  constructor(opts: { dir: string; file?: string; fsync?: boolean }) {
    this.path = join(opts.dir, opts.file ?? SAN_FILE);
    this.fsync = opts.fsync !== false;
  }

  load(): SanDoc | null {
    if (!existsSync(this.path)) return null;
    return parse(readFileSync(this.path, 'utf8'), this.path);
  }

  save(doc: SanDoc): void {
    try {
      replaceFileAtomically(this.path, `${JSON.stringify(doc, null, 1)}\n`, this.fsync);
    } catch (e) {
      sanFail('SAN_STORE', { path: this.path, action: 'saved', why: (e as Error).message });
    }
  }
}
