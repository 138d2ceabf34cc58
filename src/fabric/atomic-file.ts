// Replacing a small document durably (DESIGN.md: nothing acknowledged may be lost by a crash): write a
// temporary file, fsync it, rename it over the old one, fsync the directory. A crash leaves either the old
// or the new document, never a mix. Used by the fabrics' configuration stores (SAN, LAN).
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function replaceFileAtomically(path: string, text: string, fsync: boolean): void {
  const dir = dirname(path);
  const tmp = `${path}.tmp`;
  mkdirSync(dir, { recursive: true });
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    if (fsync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (fsync) {
    const dfd = openSync(dir, 'r');
    try { fsyncSync(dfd); } finally { closeSync(dfd); }
  }
}
