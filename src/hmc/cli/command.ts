import type { Hmc } from '../hmc.ts';
import type { FlagSpec, ParsedArgs } from './args.ts';

/** A partition console to attach to the face's terminal once the command returns (mkvterm). */
export interface VtermAttach { kind: 'vterm'; /** The system's connection address (SystemView.ip). */ system: string; lparId: number; session: string; cursor: number }

export interface Session {
  user: string;
  /**
   * The face's terminal, when it has one (an SSH session with a pty). mkvterm opens the console and hands it
   * over here; a face without a terminal (exec without a pty, REST, the control socket) cannot run mkvterm.
   */
  terminal?: { attach(a: VtermAttach): void };
}

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
