// ioslevel, license, chkdev and oem_setup_env (vios.md §1, §2.1).
import { naturalCompare } from '../device-names.ts';
import { usersOf } from '../device-usage.ts';
import { fail, VIOS_MSG } from '../vios-errors.ts';
import { out, type Command } from './context.ts';
import { parseArgs } from './args.ts';
import { delimited } from '../format/columns.ts';

/** §1: the level as a single line, e.g. `3.1.4.10`. */
export const ioslevel: Command = (ctx, argv) => {
  parseArgs('ioslevel', argv, {});
  return out([ctx.env.ioslevel]);
};

// SIMULATED text: the real license text is IBM's and is not reproduced.
const LICENSE_TEXT = [
  'International Program License Agreement',
  '',
  'This is the simulated Virtual I/O Server. The text of the IBM license agreement is not reproduced here.',
  'Accept it with: license -accept',
];

/** §1: `license -accept` once after install (Ansible and the HMC send it); `-view` shows the text. */
export const license: Command = (ctx, argv) => {
  const a = parseArgs('license', argv, { '-accept': 'bool', '-view': 'bool', '-lang': 'value' });
  if (a.has('-accept') && a.has('-view')) fail(VIOS_MSG.usage('license', '-accept and -view cannot be used together.'));
  if (a.has('-accept')) {
    ctx.changed = !ctx.cfg.licenseAccepted;
    ctx.cfg.licenseAccepted = true;
    return '';
  }
  if (a.has('-view')) return out(LICENSE_TEXT);
  return out([ctx.cfg.licenseAccepted ? 'The license has been accepted.' : 'The license has not been accepted.']);
};

const CHKDEV_FIELDS = ['name', 'identifier', 'pvid', 'phys2virt_capable', 'virt2nphys_capable', 'virt2phys_capable'] as const;

/**
 * chkdev (§1, HMC Scanner sends `chkdev -fmt : -field name identifier` and reads `hdisk5:<identifier>`).
 * The identifier is the disk's unique id. PHYS2VIRT is YES for a disk not yet virtualized; the VIRT2*
 * fields are YES for a disk that backs a VTD (UNCERTAIN beyond the name and identifier fields).
 */
export const chkdev: Command = (ctx, argv) => {
  const a = parseArgs('chkdev', argv, { '-dev': 'value', '-fmt': 'value', '-field': 'multi', '-verbose': 'bool' });
  const one = a.value('-dev');
  const disks = one !== undefined
    ? [ctx.tree.get(one) ?? fail(VIOS_MSG.noDevice(one))]
    : ctx.tree.list.filter((d) => d.cls === 'hdisk').sort((x, y) => naturalCompare(x.name, y.name));
  for (const d of disks) if (d.cls !== 'hdisk') fail(VIOS_MSG.wrongType(d.name, 'a disk'));
  const fields = a.list('-field').length > 0 ? a.list('-field') : [...CHKDEV_FIELDS];
  for (const f of fields) if (!(CHKDEV_FIELDS as readonly string[]).includes(f)) fail(VIOS_MSG.usage('chkdev', `"${f}" is not a valid field (${CHKDEV_FIELDS.join(', ')}).`));
  const rows = disks.map((d) => {
    const uses = usersOf(ctx.cfg, d.name, ctx.env);
    const mapped = uses.some((u) => u.kind === 'vtd');
    // A paging space device of the shared memory pool cannot be virtualized either (paging-device.ts).
    const claimed = mapped || uses.some((u) => u.kind === 'paging');
    const v: Record<string, string> = {
      name: d.name, identifier: d.disk?.uid ?? '', pvid: ctx.cfg.pvids[d.disk?.uid ?? ''] ?? 'none',
      phys2virt_capable: claimed ? 'NA' : 'YES', virt2nphys_capable: mapped ? 'YES' : 'NA', virt2phys_capable: mapped ? 'YES' : 'NA',
    };
    return fields.map((f) => v[f]);
  });
  const fmt = a.value('-fmt');
  if (fmt !== undefined) return out(delimited(rows, fmt));
  return out(rows.flatMap((r, i) => [...(i > 0 ? [''] : []), ...r.map((v, j) => `${`${fields[j].toUpperCase()}:`.padEnd(21)}${v}`)]));
};

/** §1: the root shell is not simulated; refuse clearly rather than pretend. */
export const oemSetupEnv: Command = () => fail(VIOS_MSG.oemSetupEnv());
