// `dd if=… of=… bs=… ibs=… obs=… count=… skip=… seek=… conv=sync,noerror,notrunc`: copies records from the
// input to the output and reports `N+M records in` / `N+M records out` (full + partial records) on stderr.
// Inputs: /dev/zero, /dev/urandom and /dev/random (a deterministic generator, src/sim/prng.ts, seeded per
// partition and use), /dev/hdiskN and /dev/rhdiskN (block-access.ts), standard input when no if=. Outputs:
// /dev/hdiskN, /dev/rhdiskN, /dev/null, standard output when no of= (binary travels as latin1, as the shell's
// pipes carry it). A failed read or write ends dd with `dd: 0511-051 The read failed.` or `0511-053 The
// write failed.` and status 2 after the record counts; an I/O error (no working path) is also logged
// (errpt DISK OPERATION ERROR). Sizes take AIX's suffixes: b (512), k, m, g, w (2) and products (2x512).
// SIM: no file system, so other files cannot be named; one dd moves at most DD_LIMIT_BYTES.
import { createHash } from 'node:crypto';
import { prng } from '../../../sim/prng.ts';
import { DD_MSG } from '../data/client-messages.ts';
import { diskLocation } from '../disk-facts.ts';
import { AIX_ERRNO, BlockIoError } from '../errno.ts';
import { ok, type ClientCommand, type ClientCtx, type ClientResult } from '../shell/client-command.ts';
import { platformBlockAccess, type BlockAccess, type DiskHandle } from './block-access.ts';

/** The most one dd copies (SIM bound: `dd if=/dev/zero` without count would otherwise never end). */
export const DD_LIMIT_BYTES = 64 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 512, k: 1024, w: 2, m: 1024 * 1024, g: 1024 * 1024 * 1024 };
const OPERANDS = new Set(['if', 'of', 'bs', 'ibs', 'obs', 'count', 'skip', 'seek', 'conv', 'files', 'cbs', 'fskip']);
const CONVS = new Set(['sync', 'noerror', 'notrunc', 'fsync']);

/** `512`, `4k`, `2x512`, `1m`: a byte count, or null. */
export function ddNumber(text: string): number | null {
  let n = 1;
  for (const part of text.split('x')) {
    const m = /^(\d+)([bkwmg]?)$/.exec(part);
    if (!m) return null;
    n *= Number(m[1]) * UNITS[m[2]];
  }
  return Number.isSafeInteger(n) ? n : null;
}

interface Source { read(n: number): Buffer }
interface Target { write(buf: Buffer): void }

const DISK = /^\/dev\/(r?)(hdisk\d+)$/;

function openDisk(blocks: BlockAccess, ctx: ClientCtx, path: string): DiskHandle | null {
  const m = DISK.exec(path);
  return m ? blocks.open(ctx, m[2], m[1] === 'r') : null;
}

/** A deterministic /dev/urandom: each use draws a new seed from the partition and a counter. */
function randomBytes(ctx: ClientCtx): Source {
  const os = ctx.oses.client(ctx.p);
  const seed = createHash('sha1').update(`${ctx.p.def.uuid}/${os.randomDraws++}`).digest().readUInt32BE(0);
  const next = prng(seed);
  return { read: (n) => { const b = Buffer.allocUnsafe(n); for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256); return b; } };
}

function source(ctx: ClientCtx, blocks: BlockAccess, path: string | undefined, skipBytes: number): Source {
  if (path === undefined) {
    const data = Buffer.from(ctx.stdin, 'latin1');
    let pos = skipBytes;
    return { read: (n) => { const b = data.subarray(pos, pos + n); pos += b.length; return b; } };
  }
  if (path === '/dev/zero') return { read: (n) => Buffer.alloc(n) };
  if (path === '/dev/urandom' || path === '/dev/random') return randomBytes(ctx);
  if (path === '/dev/null') return { read: () => Buffer.alloc(0) };
  const disk = openDisk(blocks, ctx, path);
  if (!disk) throw new BlockIoError('ENOENT', `no file ${path}`);
  let pos = skipBytes;
  return { read: (n) => { const b = disk.read(pos, n); pos += b.length; return b; } };
}

function target(ctx: ClientCtx, blocks: BlockAccess, path: string | undefined, seekBytes: number, out: Buffer[]): Target {
  if (path === undefined) return { write: (b) => { out.push(Buffer.from(b)); } };
  if (path === '/dev/null') return { write: () => {} };
  const disk = openDisk(blocks, ctx, path);
  if (!disk) throw new BlockIoError('ENOENT', `no file ${path}`);
  let pos = seekBytes;
  return { write: (b) => { disk.write(pos, b); pos += b.length; } };
}

export function ddWith(blocks: BlockAccess): ClientCommand {
  return (ctx, argv) => {
    const ops = new Map<string, string>();
    for (const a of argv) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a : a.slice(0, eq);
      if (eq < 0 || !OPERANDS.has(key)) return { stdout: '', stderr: `${DD_MSG.badOperand(a)}\n`, exit: 2 };
      ops.set(key, a.slice(eq + 1));
    }
    const nums = new Map<string, number>();
    for (const k of ['bs', 'ibs', 'obs', 'count', 'skip', 'seek']) {
      const v = ops.get(k);
      if (v === undefined) continue;
      const n = ddNumber(v);
      if (n === null || (['bs', 'ibs', 'obs'].includes(k) && n === 0)) return { stdout: '', stderr: `${DD_MSG.badNumber(`${k}=${v}`)}\n`, exit: 2 };
      nums.set(k, n);
    }
    const conv = new Set((ops.get('conv') ?? '').split(',').filter(Boolean));
    for (const c of conv) if (!CONVS.has(c)) return { stdout: '', stderr: `${DD_MSG.badOperand(`conv=${c}`)}\n`, exit: 2 };
    const ibs = nums.get('bs') ?? nums.get('ibs') ?? 512;
    const obs = nums.get('bs') ?? nums.get('obs') ?? 512;
    return copy(ctx, blocks, { inPath: ops.get('if'), outPath: ops.get('of'), ibs, obs, count: nums.get('count'), skip: nums.get('skip') ?? 0, seek: nums.get('seek') ?? 0, sync: conv.has('sync') });
  };
}

interface Job { inPath?: string; outPath?: string; ibs: number; obs: number; count?: number; skip: number; seek: number; sync: boolean }

function copy(ctx: ClientCtx, blocks: BlockAccess, j: Job): ClientResult {
  const out: Buffer[] = [];
  const opened = <T>(file: string, open: () => T): T | ClientResult => {
    try { return open(); } catch (e) {
      if (!(e instanceof BlockIoError)) throw e;
      if (e.code === 'EIO') logIoError(ctx, file);
      return { stdout: '', stderr: `${DD_MSG.open(file, AIX_ERRNO[e.code].text)}\n`, exit: 2 };
    }
  };
  const src = opened(j.inPath ?? '', () => source(ctx, blocks, j.inPath, j.skip * j.ibs));
  if ('exit' in src) return src;
  const dst = opened(j.outPath ?? '', () => target(ctx, blocks, j.outPath, j.seek * j.obs, out));
  if ('exit' in dst) return dst;
  const n = { fullIn: 0, partIn: 0, fullOut: 0, partOut: 0 };
  let pending: Buffer = Buffer.alloc(0);
  let moved = 0;
  let failure: string | null = null;
  const flush = (all: boolean): void => {
    while (pending.length >= j.obs || (all && pending.length > 0)) {
      const rec = pending.subarray(0, Math.min(j.obs, pending.length));
      dst.write(rec);
      if (rec.length === j.obs) n.fullOut++; else n.partOut++;
      pending = pending.subarray(rec.length);
    }
  };
  let stage: 'read' | 'write' = 'read';
  try {
    while (j.count === undefined || n.fullIn + n.partIn < j.count) {
      if (moved >= DD_LIMIT_BYTES) { failure = DD_MSG.limit(moved); break; }
      stage = 'read';
      let rec = src.read(j.ibs);
      if (rec.length === 0) break;
      if (rec.length === j.ibs) n.fullIn++; else n.partIn++;
      if (j.sync && rec.length < j.ibs) rec = Buffer.concat([rec, Buffer.alloc(j.ibs - rec.length)]);
      moved += rec.length;
      stage = 'write';
      pending = pending.length ? Buffer.concat([pending, rec]) : rec;
      flush(false);
    }
    stage = 'write';
    flush(true);
  } catch (e) {
    if (!(e instanceof BlockIoError)) throw e;
    failure = stage === 'read' ? DD_MSG.readFailed : DD_MSG.writeFailed;
    if (e.code === 'EIO') logIoError(ctx, stage === 'read' ? j.inPath : j.outPath);
  }
  const stderr = `${failure ? `${failure}\n` : ''}${DD_MSG.records(n.fullIn, n.partIn, n.fullOut, n.partOut)}\n`;
  const stdout = Buffer.concat(out).toString('latin1');
  return failure ? { stdout, stderr, exit: 2 } : { ...ok(stdout), stderr };
}

function logIoError(ctx: ClientCtx, path: string | undefined): void {
  const name = path === undefined ? undefined : DISK.exec(path)?.[2];
  const os = ctx.oses.client(ctx.p);
  const disk = name === undefined ? undefined : os.device(name);
  if (disk) os.log('diskError', disk.name, ['SENSE DATA', 'no working path'], diskLocation(ctx, disk, os.adapters()));
}

export const dd: ClientCommand = ddWith(platformBlockAccess);
