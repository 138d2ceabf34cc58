// The storage administrator's command set, for `powervm-sim san <command>` (DESIGN.md: fabric/ holds
// switches, zoning, arrays and LUN masking; STYLE.md: one typed registry of operations per face). Each
// entry declares its flags and usage; parsing is complete before anything changes, and every change is
// one SanFabric.apply, so a refused command changes nothing.
// Output: listings in the column form of san-args.ts `columns`; change commands print nothing on success,
// except those that generate identifiers (mkarray: the target WWPNs; mklun: the id and uid), which print
// them as `key=value` so scripts can read them. Errors: `HSCLSIMnn <text>` on stderr, non-zero exit.
import { isHmcError } from '../../errors/hmc-error.ts';
import { type FlagSpec, parseSanArgs, type SanArgs } from './san-args.ts';
import { sanFail, SanError } from './san-fail.ts';
import type { FabricOp, SanFabric } from './san-fabric.ts';
import { lsarray, lshostmap, lslogin, lslun, lsport, lsswitch, lszone, lszoneset } from './san-listings.ts';

export interface SanCommandResult { stdout: string; stderr: string; exit: number }

export interface SanCommandDef {
  usage: string;
  flags: FlagSpec;
  /** stdout lines */
  run(f: SanFabric, a: SanArgs): string[];
}

/** A change command: build the operation from the arguments, apply it, print nothing. */
const change = (usage: string, flags: FlagSpec, op: (a: SanArgs) => FabricOp): SanCommandDef =>
  ({ usage, flags, run: (f, a) => { f.apply(op(a)); return []; } });

export const SAN_COMMANDS: Record<string, SanCommandDef> = {
  lsswitch: { usage: 'lsswitch', flags: {}, run: (f) => lsswitch(f) },
  mkswitch: change('mkswitch -n NAME [--npiv yes|no] [--ports N]', { '-n': 'value', '--npiv': 'value', '--ports': 'value' },
    (a) => ({ op: 'mkswitch', name: a.need('-n'), npiv: a.yesNo('--npiv'), ports: a.int('--ports') })),
  rmswitch: change('rmswitch -n NAME', { '-n': 'value' }, (a) => ({ op: 'rmswitch', name: a.need('-n') })),
  lsport: { usage: 'lsport -s SWITCH', flags: { '-s': 'value' }, run: (f, a) => { a.need('-s'); return lsport(f, a); } },

  mkarray: {
    usage: 'mkarray -n NAME -s SWITCH[,SWITCH...] [--ports N]', flags: { '-n': 'value', '-s': 'value', '--ports': 'value' },
    run(f, a) {
      const name = a.need('-n');
      f.apply({ op: 'mkarray', name, switches: a.needList('-s'), ports: a.int('--ports') });
      return [`target_wwpns=${f.state.arrays.find((x) => x.name === name)!.ports.join(',')}`];
    },
  },
  rmarray: change('rmarray -n NAME', { '-n': 'value' }, (a) => ({ op: 'rmarray', name: a.need('-n') })),
  lsarray: { usage: 'lsarray', flags: {}, run: (f) => lsarray(f) },

  mklun: {
    usage: 'mklun -a ARRAY -n NAME --size MB [--id N]', flags: { '-a': 'value', '-n': 'value', '--size': 'value', '--id': 'value' },
    run(f, a) {
      const array = a.need('-a'), name = a.need('-n');
      a.need('--size');
      f.apply({ op: 'mklun', array, name, sizeMB: a.int('--size')!, id: a.int('--id') });
      const lun = f.state.arrays.find((x) => x.name === array)!.luns.find((l) => l.name === name)!;
      return [`id=${lun.id} uid=${lun.uid}`];
    },
  },
  rmlun: change('rmlun -a ARRAY -l LUN', { '-a': 'value', '-l': 'value' }, (a) => ({ op: 'rmlun', array: a.need('-a'), lun: a.need('-l') })),
  lslun: { usage: 'lslun [-a ARRAY]', flags: { '-a': 'value' }, run: (f, a) => lslun(f, a) },

  mkhostmap: change('mkhostmap -a ARRAY -l LUN -w WWPN[,WWPN...]', { '-a': 'value', '-l': 'value', '-w': 'value' },
    (a) => ({ op: 'mkhostmap', array: a.need('-a'), lun: a.need('-l'), wwpns: a.needList('-w') })),
  rmhostmap: change('rmhostmap -a ARRAY -l LUN -w WWPN[,WWPN...]', { '-a': 'value', '-l': 'value', '-w': 'value' },
    (a) => ({ op: 'rmhostmap', array: a.need('-a'), lun: a.need('-l'), wwpns: a.needList('-w') })),
  lshostmap: { usage: 'lshostmap [-a ARRAY]', flags: { '-a': 'value' }, run: (f, a) => lshostmap(f, a) },

  mkzone: change('mkzone -s SWITCH -n ZONE -w WWPN[,WWPN...]', { '-s': 'value', '-n': 'value', '-w': 'value' },
    (a) => ({ op: 'mkzone', switch: a.need('-s'), name: a.need('-n'), wwpns: a.needList('-w') })),
  chzone: change('chzone -s SWITCH -n ZONE [--add WWPN[,WWPN...]] [--remove WWPN[,WWPN...]]',
    { '-s': 'value', '-n': 'value', '--add': 'value', '--remove': 'value' },
    (a) => ({ op: 'chzone', switch: a.need('-s'), name: a.need('-n'), add: a.list('--add'), remove: a.list('--remove') })),
  rmzone: change('rmzone -s SWITCH -n ZONE', { '-s': 'value', '-n': 'value' }, (a) => ({ op: 'rmzone', switch: a.need('-s'), name: a.need('-n') })),
  lszone: { usage: 'lszone [-s SWITCH]', flags: { '-s': 'value' }, run: (f, a) => lszone(f, a) },

  mkzoneset: change('mkzoneset -s SWITCH -n ZONESET -z ZONE[,ZONE...]', { '-s': 'value', '-n': 'value', '-z': 'value' },
    (a) => ({ op: 'mkzoneset', switch: a.need('-s'), name: a.need('-n'), zones: a.needList('-z') })),
  rmzoneset: change('rmzoneset -s SWITCH -n ZONESET', { '-s': 'value', '-n': 'value' }, (a) => ({ op: 'rmzoneset', switch: a.need('-s'), name: a.need('-n') })),
  actzoneset: change('actzoneset -s SWITCH (-n ZONESET | --none)', { '-s': 'value', '-n': 'value', '--none': 'bool' }, (a) => {
    if (a.has('-n') === a.has('--none')) sanFail('SAN_USAGE', { why: 'Give either -n ZONESET or --none.' });
    return { op: 'actzoneset', switch: a.need('-s'), name: a.has('--none') ? null : a.need('-n') };
  }),
  lszoneset: { usage: 'lszoneset [-s SWITCH]', flags: { '-s': 'value' }, run: (f, a) => lszoneset(f, a) },

  lslogin: { usage: 'lslogin [-s SWITCH]', flags: { '-s': 'value' }, run: (f, a) => lslogin(f, a) },
  help: { usage: 'help', flags: {}, run: () => Object.values(SAN_COMMANDS).map((c) => c.usage) },
};

/** Run `argv` = [command, ...arguments] against the fabric. */
export function runSanCommand(fabric: SanFabric, argv: readonly string[]): SanCommandResult {
  try {
    const [name, ...rest] = argv;
    const def = name === undefined ? undefined : Object.hasOwn(SAN_COMMANDS, name) ? SAN_COMMANDS[name] : undefined;
    if (!def) {
      sanFail('SAN_USAGE', { why: name === undefined ? 'No SAN command was given.' : `${name} is not a SAN command. Run help for the list of commands.` });
    }
    const lines = def!.run(fabric, parseSanArgs(name!, rest, def!.flags));
    return { stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr: '', exit: 0 };
  } catch (e) {
    // Refusals from the SAN's own entries, or from the catalog once they are merged (HmcError).
    if (e instanceof SanError || isHmcError(e)) return { stdout: '', stderr: `${e.message}\n`, exit: e.exit };
    throw e;
  }
}
