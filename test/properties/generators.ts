// Shared generators for the property tests: a small lab in which over-allocation is reachable (4 cores,
// 8 GB, 4 slots on one S824), fast-check arbitraries for HMC command lines against it, and fuzz text for
// `-i` records and `--filter` values. Commands are argv arrays (no shell quoting to get wrong); many are
// deliberately invalid.
import fc from 'fast-check';
import { parseScript, type Lab } from '../../src/sim/lab.ts';

export const SYS = 'Server-8286-42A-SN21AB34C';
export const DRCS = ['21010200', '21010201', '21010202', '21010203'] as const;
export const NAMES = ['lp1', 'lp2', 'lp3', 'lp4', 'lp5'] as const;
export const POOLS = ['DefaultPool', 'P1', 'SharedPool02'] as const;

const LAB_SCRIPT = `
mksysconn -ip 10.10.0.11 --passwd Hmc4ccess
chhwres -r procpool -m ${SYS} -o s --poolname SharedPool01 -a "new_name=P1,max_pool_proc_units=2,reserved_pool_proc_units=0.5"
mksyscfg -r lpar -m ${SYS} -i 'name=lp1,lpar_env=aixlinux,profile_name=default_profile,min_mem=512,desired_mem=3072,max_mem=4096,proc_mode=ded,min_procs=1,desired_procs=2,max_procs=3,io_slots=21010200/none/1'
mksyscfg -r lpar -m ${SYS} -i 'name=lp2,lpar_env=aixlinux,profile_name=default_profile,min_mem=256,desired_mem=4096,max_mem=4096,proc_mode=shared,min_proc_units=0.1,desired_proc_units=0.2,max_proc_units=2.0,min_procs=1,desired_procs=3,max_procs=4,sharing_mode=cap,"io_slots=21010201/none/0,21010202/none/0"'
mksyscfg -r lpar -m ${SYS} -i 'name=lp3,lpar_env=aixlinux,profile_name=default_profile,min_mem=512,desired_mem=3072,max_mem=6144,proc_mode=shared,min_proc_units=0.2,desired_proc_units=1.0,max_proc_units=2.0,min_procs=1,desired_procs=2,max_procs=4,sharing_mode=uncap,shared_proc_pool_name=P1,io_slots=21010203/none/1'
chsysstate -r lpar -m ${SYS} -o on -n lp1 -f default_profile
chsysstate -r lpar -m ${SYS} -o on -n lp2 -f default_profile
`;

/**
 * Simulator configuration for the small lab: TCE memory of 32 MB per virtual adapter (default 0.5, an
 * UNCERTAIN value of platform.md §5.2) so that the hypervisor's own memory moves by whole LMBs when a few
 * adapters come and go, and its accounting is exercised by short sequences.
 */
export const SMALL_CONFIG = { hypervisor: { firmwareMBPerVirtualAdapter: 32 } };

/** One S824 cut down to 4 cores, 8 GB (256 MB LMB) and 4 slots; a configured pool P1, three partitions, two running. */
export function smallLab(): Lab {
  return {
    file: {
      name: 'small',
      systems: [{
        mtm: '8286-42A', serial: '21AB34C', fspIp: '10.10.0.11', cores: 4, memoryGB: 8, lmbMB: 256,
        fspPasswords: { access: 'Hmc4ccess', admin: 'Asm1admin', general: 'Asm1general' },
        units: [{ type: '78C9', model: '001', serial: 'WZS0A1B', slots: [
          { loc: 'C2', adapter: 'eth-4port-1gb' }, { loc: 'C3', adapter: 'fc-8gb-2port' },
          { loc: 'C4', adapter: 'eth-2port-10gb' }, { loc: 'C5', adapter: 'usb' },
        ] }],
      }],
    },
    script: parseScript(LAB_SCRIPT),
  };
}

// --- value arbitraries: mostly valid, sometimes not ------------------------------------------------
const VALID_MEM = [256, 512, 1024, 1536, 2048, 3072, 4096, 6144, 8192];
const mem = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VALID_MEM) }, { weight: 1, arbitrary: fc.constantFrom(0, 100, 300, 9000, 16384) });
const procN = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 5, 6) });
const UNITS = ['0.05', '0.1', '0.2', '0.3', '0.5', '0.75', '1.0', '1.5', '2.0', '3.0'];
const units = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...UNITS) }, { weight: 1, arbitrary: fc.constantFrom('0.01', '0.123', '4.5', '-1', 'x') });
const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.constant('nosuch') });
const drc = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...DRCS) }, { weight: 1, arbitrary: fc.constant('FFFFFFFF') });
const pool = fc.constantFrom(...POOLS);
/** Three values, usually in min <= desired <= max order, sometimes not. */
const triple = <T>(a: fc.Arbitrary<T>, key: (v: T) => number): fc.Arbitrary<[T, T, T]> =>
  fc.tuple(a, a, a, fc.integer({ min: 0, max: 7 })).map(([x, y, z, k]) => (k === 0 ? [x, y, z] : ([x, y, z].sort((p, q) => key(p) - key(q)) as [T, T, T])));
/** A record pair, IBM style: the whole pair quoted when the value holds commas. */
const pair = (k: string, v: string | number): string => (String(v).includes(',') ? `"${k}=${v}"` : `${k}=${v}`);
const fmtUnits = (c: number): string => (c % 100 === 0 ? `${c / 100}.0` : String(c / 100));
const between = (lo: number, hi: number) => fc.integer({ min: lo, max: Math.max(lo, hi) });

const memAttrs = triple(mem, Number).map(([a, b, c]) => [pair('min_mem', a), pair('desired_mem', b), pair('max_mem', c)]);
/** Virtual processors and processing units; valid by construction (units within [VPs x 0.05, VPs]) unless spoiled. */
const sharedProcs = fc.tuple(triple(procN, Number), fc.integer({ min: 0, max: 9 })).chain(([[a, b, c], spoil]) =>
  between(a * 5, a * 100).chain((u1) => between(Math.max(u1, b * 5), b * 100).chain((u2) => between(Math.max(u2, c * 5), c * 100).chain((u3) =>
    (spoil === 0 ? triple(units, Number) : fc.constant([u1, u2, u3].map(fmtUnits))).map((u) => [
      pair('min_procs', a), pair('desired_procs', b), pair('max_procs', c),
      pair('min_proc_units', u[0]), pair('desired_proc_units', u[1]), pair('max_proc_units', u[2])])))));
const dedProcs = triple(procN, Number).map(([a, b, c]) => [pair('min_procs', a), pair('desired_procs', b), pair('max_procs', c)]);
const ioSlots = fc.subarray([...DRCS], { maxLength: 2 }).chain((ds) =>
  fc.array(fc.constantFrom(0, 0, 1), { minLength: ds.length, maxLength: ds.length }).map((req) => (ds.length ? [pair('io_slots', ds.map((d, i) => `${d}/none/${req[i]}`).join(','))] : [])));
/** Virtual Ethernet adapters for a profile (each one costs the hypervisor TCE memory, platform.md §5.2). */
const vethChange = fc.integer({ min: 0, max: 16 })
  .map((n) => pair('virtual_eth_adapters', n === 0 ? 'none' : Array.from({ length: n }, (_, i) => `${i + 2}/0/1//0/0`).join(',')));

/** Processor part of a profile: dedicated or shared (with pool), occasionally mixed up. */
const procPart = fc.oneof(
  fc.tuple(dedProcs, fc.constantFrom('share_idle_procs', 'keep_idle_procs', 'share_idle_procs', 'uncap')).map(([p, s]) => ['proc_mode=ded', ...p, pair('sharing_mode', s)]),
  fc.tuple(sharedProcs, fc.constantFrom('cap', 'uncap'), fc.option(pool)).map(([p, s, pl]) =>
    ['proc_mode=shared', ...p, pair('sharing_mode', s), ...(pl ? [pair('shared_proc_pool_name', pl)] : [])]),
);

const profileBody = fc.tuple(memAttrs, procPart, ioSlots).map(([m, p, io]) => [...m, ...p, ...io]);

export type Cmd = string[];
const hw = (...rest: string[]): Cmd => ['chhwres', '-m', SYS, ...rest];

const newName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('lp4', 'lp5') }, { weight: 1, arbitrary: name });
const mkLpar = fc.tuple(newName, fc.constantFrom('aixlinux', 'aixlinux', 'vioserver', 'os400'), profileBody)
  .map(([n, env, body]): Cmd => ['mksyscfg', '-r', 'lpar', '-m', SYS, '-i', [`name=${n}`, `lpar_env=${env}`, 'profile_name=default_profile', ...body].join(',')]);
const mkProf = fc.tuple(name, profileBody)
  .map(([n, body]): Cmd => ['mksyscfg', '-r', 'prof', '-m', SYS, '-i', ['name=alt', `lpar_name=${n}`, ...body].join(',')]);
const activate = fc.tuple(name, fc.constantFrom([], [], ['-f', 'default_profile'], ['-f', 'alt'], ['-b', 'sms']))
  .map(([n, extra]): Cmd => ['chsysstate', '-r', 'lpar', '-m', SYS, '-o', 'on', '-n', n, ...extra]);
const shutdown = fc.tuple(name, fc.constantFrom(['--immed'], ['--immed'], [], ['--immed', '--restart']))
  .map(([n, extra]): Cmd => ['chsysstate', '-r', 'lpar', '-m', SYS, '-o', 'shutdown', '-n', n, ...extra]);
/** DLPAR targets: mostly the lab's partitions, which exist from the start. */
const dlName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('lp1', 'lp2', 'lp3') }, { weight: 1, arbitrary: name });
const moveTarget = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('lp1', 'lp2') }, { weight: 1, arbitrary: name });
const opAndTarget = fc.tuple(fc.constantFrom('a', 'r', 'm'), dlName, moveTarget).map(([op, p, t]) => ['-o', op, '-p', p, ...(op === 'm' ? ['-t', t] : [])]);
const dlparProc = fc.tuple(opAndTarget, fc.option(fc.integer({ min: 0, max: 3 })), fc.option(fc.constantFrom('0.05', '0.1', '0.25', '0.5', '1.0', '1.5')))
  .map(([o, n, u]): Cmd => hw('-r', 'proc', ...o, ...(n !== null ? ['--procs', String(n)] : []), ...(u !== null || n === null ? ['--procunits', u ?? '0.1'] : [])));
const dlparMem = fc.tuple(opAndTarget, fc.constantFrom(256, 512, 1024, 2048, 100))
  .map(([o, q]): Cmd => hw('-r', 'mem', ...o, '-q', String(q)));
const dlparIo = fc.tuple(opAndTarget, drc).map(([o, d]): Cmd => hw('-r', 'io', ...o, '-l', d));
const poolSet = fc.tuple(fc.constantFrom('P1', 'P1', 'SharedPool02', 'DefaultPool'), fc.option(fc.integer({ min: 0, max: 5 })), fc.option(fc.constantFrom('0', '0.5', '1.0', '1.5', '2.5')))
  .map(([p, m, r]): Cmd => hw('-r', 'procpool', '-o', 's', '--poolname', p, '-a',
    [...(m !== null ? [`max_pool_proc_units=${m}`] : []), ...(r !== null || m === null ? [`reserved_pool_proc_units=${r ?? '0'}`] : [])].join(',')));
const poolMove = fc.tuple(name, pool).map(([n, p]): Cmd => hw('-r', 'procpool', '-o', 's', '-p', n, '-a', `shared_proc_pool_name=${p}`));
const rmLpar = name.map((n): Cmd => ['rmsyscfg', '-r', 'lpar', '-m', SYS, '-n', n]);
/** Virtual Ethernet DLPAR (platform.md §9): each adapter in use costs hypervisor memory (§5.2). */
const dlparVeth = fc.tuple(fc.constantFrom('a', 'a', 'r'), dlName, fc.integer({ min: 2, max: 12 }), fc.constantFrom(1, 10, 0))
  .map(([op, n, slot, vlan]): Cmd => hw('-r', 'virtualio', '--rsubtype', 'eth', '-o', op, '-p', n, '-s', String(slot), ...(op === 'a' ? ['-a', `port_vlan_id=${vlan}`] : [])));

/** One profile change; several are combined into a chsyscfg -r prof record. */
const profChange = fc.oneof(
  mem.map((m) => pair('desired_mem', m)), mem.map((m) => pair('max_mem', m)), mem.map((m) => pair('min_mem', m)),
  procN.map((n) => pair('desired_procs', n)), procN.map((n) => pair('max_procs', n)),
  units.map((u) => pair('desired_proc_units', u)), units.map((u) => pair('max_proc_units', u)),
  pool.map((p) => pair('shared_proc_pool_name', p)),
  fc.constantFrom('proc_mode=ded', 'sharing_mode=uncap', 'sharing_mode=cap'),
  drc.map((d) => `io_slots+=${d}/none/0`), drc.map((d) => `io_slots-=${d}/none/0`), fc.constant('io_slots=none'),
  vethChange, vethChange, vethChange, fc.constantFrom('new_name=alt', 'new_name=default_profile', 'new_name=p9'),
);
const chProf = fc.tuple(dlName, fc.constantFrom('default_profile', 'default_profile', 'alt'), fc.uniqueArray(profChange, { minLength: 1, maxLength: 3, selector: (c) => c.replace(/^"/, '').split(/[+-]?=/)[0] }))
  .map(([n, prof, ch]): Cmd => ['chsyscfg', '-r', 'prof', '-m', SYS, '-i', [`name=${prof}`, `lpar_name=${n}`, ...ch].join(',')]);

/** A random HMC command against the small lab, weighted so that partitions do get started and DLPARed. */
export const command: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: mkLpar }, { weight: 1, arbitrary: mkProf }, { weight: 6, arbitrary: activate },
  { weight: 2, arbitrary: shutdown }, { weight: 5, arbitrary: dlparProc }, { weight: 4, arbitrary: dlparMem },
  { weight: 4, arbitrary: dlparIo }, { weight: 5, arbitrary: chProf }, { weight: 2, arbitrary: poolSet },
  { weight: 1, arbitrary: poolMove }, { weight: 1, arbitrary: rmLpar }, { weight: 2, arbitrary: dlparVeth },
);

export const commands = (minLength: number, maxLength: number): fc.Arbitrary<Cmd[]> => fc.array(command, { minLength, maxLength });

// --- fuzz: attribute records and filters ---------------------------------------------------------------
const ATTR_WORDS = ['name', 'lpar_name', 'lpar_id', 'lpar_env', 'profile_name', 'new_name', 'description', 'min_mem', 'desired_mem',
  'max_mem', 'proc_mode', 'min_procs', 'desired_procs', 'max_procs', 'desired_proc_units', 'sharing_mode', 'io_slots',
  'virtual_eth_adapters', 'shared_proc_pool_name', 'lpar_names', 'lpar_ids', 'profile_names', 'work_groups', 'all_resources',
  'max_virtual_slots', 'default_profile', 'sync_curr_profile', 'msp', 'lpar_avail_priority', 'ppt_ratio', 'bogus', 'NAME',
  'lpar_io_pool_ids', 'virtual_scsi_adapters', 'power_ctrl_lpar_ids', 'power_ctrl_lpar_names', 'hpt_ratio', 'uncap_weight'];
const VALUE_WORDS = ['1', '0', '-1', '2048', '0.5', 'none', 'ded', 'shared', 'aixlinux', 'vioserver', 'lp1', 'lp2', 'lp9',
  'default_profile', 'alt', '21010200/none/1', '2/0/1//0/0', '2/0/1//0/0,3/0/1//0/0', 'a"b', '"x"', '""', 'P1', 'cap', 'uncap', ' ', 'x y', 'é', '\t', '1e3', '99999999999'];
const SEPARATORS = ['=', ',', '"', '""', '+=', '-=', ',,', '=,', '\\', "'"];

/** Token soup: a record-shaped jumble of real attribute names, values and record delimiters. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.oneof(fc.constantFrom(...ATTR_WORDS), fc.constantFrom(...VALUE_WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 })
  .map((ts) => ts.join(''));
/** A pair quoted the way the output grammar quotes it (hmc-cli.md §4.1): whole pair in `"…"`, inner `"` doubled. */
const csvPair = (k: string, v: string): string => (/[,"]/.test(v) ? `"${k}=${v.replaceAll('"', '""')}"` : `${k}=${v}`);
const fuzzValue = fc.oneof(fc.constantFrom(...VALUE_WORDS), fc.string({ maxLength: 8 }));
/** List attributes (platform.md §7.3) take comma lists whose elements may themselves be quoted. */
const LIST_ATTRS = ['io_slots', 'virtual_eth_adapters', 'virtual_scsi_adapters', 'lpar_io_pool_ids', 'power_ctrl_lpar_ids', 'lpar_names'];
const listValue = fc.array(fc.oneof(fuzzValue, fuzzValue.map((v) => `"${v.replaceAll('"', '""')}"`), fc.constantFrom('a"b', '"x"y', '"open', 'x"')),
  { minLength: 1, maxLength: 3 }).map((els) => els.join(','));
const fuzzPairs = fc.array(fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...ATTR_WORDS), fuzzValue) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LIST_ATTRS), listValue) },
).map(([k, v]) => csvPair(k, v)), { minLength: 1, maxLength: 3 });
/** Where fuzz text goes, each with records that get past the syntax (the command's required pairs). */
const FUZZ_TARGETS: [Cmd, string[]][] = [
  [['mksyscfg', '-r', 'lpar', '-m', SYS, '-i'], ['name=lp9,lpar_env=aixlinux,profile_name=p,min_mem=256,desired_mem=256,max_mem=256,min_procs=1,desired_procs=1,max_procs=1']],
  [['mksyscfg', '-r', 'prof', '-m', SYS, '-i'], ['name=alt,lpar_name=lp1,min_mem=256,desired_mem=256,max_mem=256,min_procs=1,desired_procs=1,max_procs=1']],
  [['chsyscfg', '-r', 'lpar', '-m', SYS, '-i'], ['name=lp1', 'lpar_id=3']],
  [['chsyscfg', '-r', 'prof', '-m', SYS, '-i'], ['name=default_profile,lpar_name=lp1', 'name=default_profile,lpar_id=3']],
  [['lssyscfg', '-r', 'lpar', '-m', SYS, '--filter'], ['lpar_names=lp1', 'lpar_ids=1']],
  [['lssyscfg', '-r', 'prof', '-m', SYS, '--filter'], ['lpar_names=lp1', 'profile_names=default_profile']],
  [['lshwres', '-r', 'proc', '-m', SYS, '--level', 'lpar', '--filter'], ['lpar_names=lp2']],
];
/** A near-valid record: a base, one to three random pairs, and now and then one character spoiled. */
const nearRecord = (bases: string[]): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...bases), fuzzPairs,
  fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('"', ',', '=', '', 'x')) }))
  .map(([base, ps, spoil]) => {
    const rec = [base, ...ps].join(',');
    if (!spoil) return rec;
    const at = spoil[0] % (rec.length + 1);
    return rec.slice(0, at) + spoil[1] + rec.slice(at + (spoil[1] === '' ? 1 : 0));
  });
const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(...'ab_=,"+-1 .\\/'.split('')), maxLength: 30 }), tokenSoup,
);

/** A fuzz command: an -i record for mksyscfg/chsyscfg or a --filter for lssyscfg/lshwres, random or near-valid. */
export const fuzzCommand: fc.Arbitrary<Cmd> = fc.constantFrom(...FUZZ_TARGETS).chain(([prefix, bases]) =>
  fc.oneof({ weight: 1, arbitrary: randomText }, { weight: 2, arbitrary: nearRecord(bases) }).map((text): Cmd => [...prefix, text]));
