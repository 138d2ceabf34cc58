import type { Hmc } from '../hmc.ts';
import type { FlagSpec, ParsedArgs } from './args.ts';

export interface Session { user: string }

export interface CommandContext {
  hmc: Hmc;
  session: Session;
  /** Output lines; the runner joins them with the line ending of the channel. */
  out: string[];
  /** A command that passes another program's status through (viosvrcmd) sets it here; default 0. */
  exit?: number;
}

export interface CommandDef {
  flags: FlagSpec;
  /** How many bare arguments the command takes (most take none). */
  positional?: number;
  run(ctx: CommandContext, args: ParsedArgs): Promise<void> | void;
}

export interface CommandResult { stdout: string; stderr: string; exit: number }
