// The texts a partition's console prints, as data (text/*.json): partition firmware, then AIX, Linux or the
// VIOS (an AIX boot with its own login). A template line ends with \r\n as a serial console's does, unless
// it ends with `\c` (a prompt, or a line the next step continues); `{name}` placeholders are filled from
// console-vars.ts.
import type { Partition } from '../../platform/managed-system.ts';
import firmwareJson from './text/firmware.json' with { type: 'json' };
import aixJson from './text/aix.json' with { type: 'json' };
import viosJson from './text/vios.json' with { type: 'json' };
import linuxJson from './text/linux.json' with { type: 'json' };

export type OsKind = 'aix' | 'linux' | 'vios';

export interface LoginText {
  user: string;
  herald: string[];
  again: string;
  password: string;
  failed: string[];
  motd: string[];
  prompt: string;
}

export interface OsText {
  sections: Record<string, string[] | undefined>;
  login: LoginText;
}

export const FIRMWARE = firmwareJson;
export const AIX = aixJson;
export const LINUX = linuxJson;

const TEXTS: Record<OsKind, OsText> = {
  aix: aixJson,
  linux: linuxJson,
  vios: { ...aixJson, login: viosJson.login },
};

/** What runs in the partition, as far as its console is concerned (an unknown OS boots as AIX, as elsewhere). */
export function osKind(p: Partition): OsKind {
  if (p.def.lpar_env === 'vioserver') return 'vios';
  return p.def.os_version.startsWith('Linux') ? 'linux' : 'aix';
}

export const osText = (kind: OsKind): OsText => TEXTS[kind];

export type Vars = Readonly<Record<string, string | number>>;

/** Fill the placeholders of one string; an unknown placeholder is left as it is (a test looks for those). */
export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}

/** Template lines as console output: each ends with \r\n unless it ends with \c. */
export function render(lines: readonly string[] | string | undefined, vars: Vars): string {
  if (lines === undefined) return '';
  const list = typeof lines === 'string' ? [lines] : lines;
  return list.map((l) => (l.endsWith('\\c') ? fill(l.slice(0, -2), vars) : `${fill(l, vars)}\r\n`)).join('');
}
