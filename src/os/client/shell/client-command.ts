// The contract of a command in a client partition's AIX-like shell (console login, `powervm-sim os`).
// Each command family lives in its own file and registers a ClientCommand; the shell parses the line,
// runs pipelines and hands each command its argv and stdin.
import type { ManagedSystem, Partition } from '../../../platform/managed-system.ts';
import type { PartitionOses } from '../../partition-oses.ts';

export interface ClientCtx {
  sys: ManagedSystem;
  oses: PartitionOses;
  /** The partition the command runs in (a running AIX or Linux client). */
  p: Partition;
  /** Standard input (the previous pipeline stage's stdout, or ''). Binary data travels as latin1. */
  stdin: string;
  /** Simulated time (the injected clock). */
  now(): number;
}

export interface ClientResult { stdout: string; stderr: string; exit: number }

/** `argv` holds the arguments after the command name (`lsattr -El hdisk0` → ['-El', 'hdisk0']), as the VIOS's commands get them. */
export type ClientCommand = (ctx: ClientCtx, argv: string[]) => ClientResult;

export const ok = (stdout = ''): ClientResult => ({ stdout, stderr: '', exit: 0 });
export const err = (stderr: string, exit = 1): ClientResult => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exit });
