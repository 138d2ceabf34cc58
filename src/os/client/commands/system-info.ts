// What the OS says about itself and its partition: `hostname`, `oslevel` (from the partition's os_version,
// `AIX 7.2 7200-05-03-2148`: `7.2.0.0`, `-r` 7200-05, `-s` 7200-05-03-2148), `uname` (-a -s -n -r -v -m -p
// -L -M), `prtconf` (a few lines: model, serial, processor type, processors, clock, memory, LPAR). Numbers
// come from the running allocation (procs, mem) and the model catalog (generation, GHz). The machine id
// (uname -m) is derived from the system serial and partition id (SIM: AIX derives it from the firmware's
// system id; the form `00XXXXXXXX4C00` is AIX's as we know it, UNCERTAIN).
// Linux partitions run the same shell (SIM: documented difference); only uname answers like Linux there.
import { createHash } from 'node:crypto';
import { findModel } from '../../../platform/catalog/model-catalog.ts';
import { formatDate } from '../../../hmc/shell/date-format.ts';
import { err, ok, type ClientCommand, type ClientCtx } from '../shell/client-command.ts';
import { getopt, isResult } from './getopt.ts';
import { netStack } from './net/net-context.ts';
import { chdevNetwork } from './net/index.ts';

export const machineId = (ctx: Pick<ClientCtx, 'sys' | 'p'>): string =>
  `00${createHash('sha1').update(`${ctx.sys.hw.serial}/${ctx.p.def.lpar_id}`).digest('hex').slice(0, 6).toUpperCase()}4C00`;

/** The host name: inet0's (chdev -l inet0 -a hostname=…), the partition name until one is set. */
export function hostName(ctx: ClientCtx): string {
  try { return netStack(ctx, false).odm().hostname || ctx.p.def.name; } catch { return ctx.p.def.name; }
}

const isLinux = (ctx: ClientCtx): boolean => ctx.p.def.os_version.startsWith('Linux');

/** `AIX 7.2 7200-05-03-2148` → version 7, release 2, service pack level 7200-05-03-2148. */
function aixLevel(osVersion: string): { version: string; release: string; sp: string } {
  const m = /^AIX\s+(\d+)\.(\d+)(?:\s+(\S+))?/.exec(osVersion);
  const version = m?.[1] ?? '7';
  const release = m?.[2] ?? '2';
  return { version, release, sp: m?.[3] ?? `${version}${release}00-00-00-0000` };
}

/** `hostname` prints the name; `hostname NAME` (root) sets it, through inet0 as chdev would. */
export const hostname: ClientCommand = (ctx, argv) => {
  if (argv.length > 1) return err('Usage: hostname [-s] [HostName]');
  if (argv.length === 1 && argv[0] !== '-s') {
    const r = chdevNetwork(ctx, 'inet0', { hostname: argv[0] });
    return r.exit === 0 ? ok() : r;
  }
  const name = hostName(ctx);
  return ok(`${argv[0] === '-s' ? name.split('.')[0] : name}\n`);
};

export const oslevel: ClientCommand = (ctx, argv) => {
  if (isLinux(ctx)) return err('ksh: oslevel: not found.', 127);
  const { version, release, sp } = aixLevel(ctx.p.def.os_version);
  const opt = argv.join(' ');
  if (opt === '') return ok(`${version}.${release}.0.0\n`);
  if (opt === '-r') return ok(`${sp.split('-').slice(0, 2).join('-')}\n`);
  if (opt === '-s') return ok(`${sp}\n`);
  return err('Usage: oslevel [-l Level | -g Level | -q] [-r | -s] [-f]');
};

export const uname: ClientCommand = (ctx, argv) => {
  const o = getopt('uname', argv, 'asnrvmpLMuxlF', 'Usage: uname [-snlrvmapFMLux]');
  if (isResult(o)) return o;
  const model = findModel(ctx.sys.hw.mtm);
  if (isLinux(ctx)) {
    const kernel = /\s(\d+\.\d+\.\d+\S*)/.exec(ctx.p.def.os_version)?.[1] ?? ''; // `Linux/Red Hat 4.18.0-477… 8.8`
    const f = { s: 'Linux', n: hostName(ctx), r: kernel, v: '#1 SMP', m: 'ppc64le', p: 'ppc64le' };
    const keys = o.has('a') ? ['s', 'n', 'r', 'v', 'm', 'p'] : (['s', 'n', 'r', 'v', 'm', 'p'] as const).filter((k) => o.has(k));
    return ok(`${(keys.length ? keys : ['s']).map((k) => f[k as keyof typeof f]).join(' ')}${o.has('a') ? ' GNU/Linux' : ''}\n`);
  }
  const { version, release } = aixLevel(ctx.p.def.os_version);
  const f: Record<string, string> = {
    s: 'AIX', n: hostName(ctx), r: release, v: version, m: machineId(ctx), p: 'powerpc',
    L: `${ctx.p.def.lpar_id} ${ctx.p.def.name}`, M: `IBM,${ctx.sys.hw.mtm}`, u: `IBM,02${ctx.sys.hw.serial}`,
    x: `AIX ${hostName(ctx)} ${machineId(ctx)} ${release} ${version}`, l: machineId(ctx).slice(2, 8), F: (model?.machineType ?? '') + ctx.sys.hw.serial,
  };
  const order = ['s', 'n', 'r', 'v', 'm', 'p', 'L', 'M', 'u', 'x', 'l', 'F'];
  const keys = o.has('a') ? ['s', 'n', 'r', 'v', 'm'] : order.filter((k) => o.has(k));
  return ok(`${(keys.length ? keys : ['s']).map((k) => f[k]).join(' ')}\n`);
};

export const prtconf: ClientCommand = (ctx, argv) => {
  const alloc = ctx.p.run.alloc;
  const model = findModel(ctx.sys.hw.mtm);
  const mem = `${alloc?.mem ?? 0} MB`;
  if (argv[0] === '-m') return ok(`Memory Size: ${mem}\n`);
  if (argv[0] === '-s') return ok(`Processor Clock Speed: ${Math.round((model?.ghz ?? 0) * 1000)} MHz\n`);
  if (argv.length > 0) return err('Usage: prtconf [-c] [-k] [-L] [-m] [-s] [-v]');
  const gen = model?.generation ?? 'POWER8';
  const lines = [
    `System Model: IBM,${ctx.sys.hw.mtm}`,
    `Machine Serial Number: ${ctx.sys.hw.serial}`,
    `Processor Type: PowerPC_${gen}`,
    `Processor Implementation Mode: ${(alloc?.compat_mode && alloc.compat_mode !== 'default' ? alloc.compat_mode : gen).replace(/^POWER(\d+).*/, 'POWER $1')}`,
    `Number Of Processors: ${alloc?.procs ?? 0}`,
    `Processor Clock Speed: ${Math.round((model?.ghz ?? 0) * 1000)} MHz`,
    'CPU Type: 64-bit',
    'Kernel Type: 64-bit',
    `LPAR Info: ${ctx.p.def.lpar_id} ${ctx.p.def.name}`,
    `Memory Size: ${mem}`,
    `Good Memory Size: ${mem}`,
    `Processor Mode: ${alloc?.proc_mode === 'ded' ? 'Dedicated' : `Shared ${alloc?.sharing_mode === 'uncap' ? 'Uncapped' : 'Capped'}`}`,
    `Entitled Capacity: ${(alloc?.proc_mode === 'ded' ? alloc.procs : alloc?.proc_units ?? 0).toFixed(2)}`,
    `Boot Time: ${formatDate(alloc?.activated_at ?? 0, '%a %b %e %H:%M:%S %Z %Y')}`,
    'Console Login: enable',
    'Auto Restart: true',
    'Full Core: false',
  ];
  return ok(lines.map((l) => `${l}\n`).join(''));
};
