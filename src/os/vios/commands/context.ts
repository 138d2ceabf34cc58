// What a padmin command works with. `cfg` is a working copy: ViosOs commits it only when the command
// returns normally and set `changed`, so a refused command (a thrown ViosError) changes nothing.
import type { DeviceTree, Device } from '../device-tree.ts';
import type { AttrCtx } from '../device-attributes.ts';
import type { ViosEnvironment } from '../environment.ts';
import type { ViosConfig } from '../vios-config.ts';
import type { ViosSettings } from '../vios-settings.ts';

export interface Ctx {
  env: ViosEnvironment;
  cfg: ViosConfig;
  /** The devices as they were when the command started. */
  tree: DeviceTree;
  settings: ViosSettings;
  changed: boolean;
}

/** A command returns its stdout; it refuses by throwing a ViosError. */
export type Command = (ctx: Ctx, args: string[]) => string;

export const attrCtx = (ctx: Ctx, dev: Device): AttrCtx => ({ dev, cfg: ctx.cfg, env: ctx.env, settings: ctx.settings });

/** Lines to command output: each line ends with a newline; no lines, no output. */
export const out = (lines: string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
