// Word expansion and redirection for the client partition's ksh (shell/ksh-runner.ts). The syntax tree is
// the HMC shell's (src/hmc/shell/parser.ts: the same POSIX quoting, `$name`, `$( )`, pipes, lists); the
// expansion rules are the same too, but run synchronously, because every client command answers at once
// (ClientCommand) while the HMC's commands are asynchronous. Unlike the HMC's rbash, ksh may redirect:
// there is no file system in the simulated partition, so `/dev/null` is the one file a redirection can name
// (SIM: a real AIX would create or read the file; we refuse with ksh's message instead).
import type { Redir, Script, Word, WordPart } from '../../../hmc/shell/ast.ts';
import { DEFAULT_IFS } from '../../../hmc/shell/ifs.ts';
import { checkTextSize } from '../../../hmc/shell/limits.ts';
import { isParameterName, tildeHome, wordFields } from '../../../hmc/shell/word-fields.ts';
import { Input, Sink, type Io } from '../../../hmc/shell/streams.ts';
import { KSH_MSG } from '../data/client-messages.ts';

/** An expansion or redirection that fails the command: ksh prints it and the command's status is 1. */
export class KshError extends Error {
  override name = 'KshError';
}

export interface KshEnv {
  lookup(name: string): string | undefined;
  /** Runs a command substitution and returns what it wrote to stdout. */
  substitute(body: Script): string;
}

function partValue(p: WordPart, env: KshEnv): string {
  if (p.k === 'lit') return p.text;
  if (p.k === 'param') {
    if (!isParameterName(p.name)) throw new KshError(KSH_MSG.badSubstitution(p.raw));
    return env.lookup(p.name) ?? '';
  }
  return env.substitute(p.body).replace(/\n+$/, '');
}

/** The fields a command receives: unquoted expansion results are split with IFS, quoted ones never. */
export function expandFields(words: readonly Word[], env: KshEnv): string[] {
  const out: string[] = [];
  for (const word of words) {
    const home = tildeHome(word, (n) => env.lookup(n));
    const values = word.parts.map((p, k) => (k === 0 && home !== null && p.k === 'lit' ? p.text.slice(1) : partValue(p, env)));
    wordFields(word, home, values, env.lookup('IFS') ?? DEFAULT_IFS, out);
  }
  return out;
}

/** One string, no field splitting (assignments, redirection targets, here-strings). */
export function expandString(word: Word, env: KshEnv): string {
  let text = '';
  for (const p of word.parts) {
    text += partValue(p, env);
    checkTextSize(text.length);
  }
  return text;
}

const NULL_DEVICE = '/dev/null';

/** The streams of one command after its redirections (applied left to right, as ksh does). */
export function applyRedirs(redirs: readonly Redir[], io: Io, env: KshEnv): Io {
  let cur = io;
  for (const r of redirs) {
    const target = expandString(r.target, env);
    switch (r.op) {
      case '<<<': cur = { ...cur, stdin: new Input(`${target}\n`) }; continue;
      case '<': case '<>':
        if (target !== NULL_DEVICE) throw new KshError(KSH_MSG.cannotOpen(target));
        cur = { ...cur, stdin: new Input('') };
        continue;
      case '>&': case '<&':
        if (/^([0-9]+|-)$/.test(target)) { cur = dup(cur, r.fd ?? (r.op === '<&' ? 0 : 1), target); continue; }
        break; // `>&file` is `&>file`
      default: break;
    }
    if (target === '') throw new KshError(KSH_MSG.ambiguous(r.target.raw));
    if (target !== NULL_DEVICE) throw new KshError(KSH_MSG.cannotCreate(target));
    const sink = new Sink(true);
    if (r.op === '&>' || r.op === '&>>' || r.op === '>&') cur = { ...cur, out: sink, err: sink };
    else if ((r.fd ?? 1) === 1) cur = { ...cur, out: sink };
    else if (r.fd === 2) cur = { ...cur, err: sink };
  }
  return cur;
}

function dup(io: Io, fd: number, target: string): Io {
  if (fd === 0) {
    if (target !== '0' && target !== '-') throw new KshError(KSH_MSG.badDescriptor(target));
    return target === '-' ? { ...io, stdin: new Input('') } : io;
  }
  const to = target === '1' ? io.out : target === '2' ? io.err : target === '-' ? new Sink(true) : null;
  if (to === null) throw new KshError(KSH_MSG.badDescriptor(target));
  if (fd === 1) return { ...io, out: to };
  if (fd === 2) return { ...io, err: to };
  return io; // other descriptors: nothing in this shell writes to them
}
