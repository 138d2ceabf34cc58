// lsaccfg, mkaccfg, chaccfg, rmaccfg -t taskrole | resourcerole (hmc-cli.md §6.1): custom task roles.
// Custom managed resource roles are not modelled: listing them gives the VERIFIED empty-result text
// (hmc-cli.md §4.4) and creating one is refused as not supported, never silently accepted.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf, type ParsedArgs } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { parseRecord } from '../attributes/record.ts';
import { renderListing } from '../fields.ts';
import { filters } from '../filters.ts';
import { listValue } from '../../users/user-attributes.ts';
import { RESOURCEROLE_FIELDS, TASKROLE_FIELDS, type TaskRoleRow } from '../../users/user-fields.ts';
import { parseTaskResources, type TaskGroup } from '../../users/role-store.ts';
import { isPredefinedTaskRole, PREDEFINED_TASK_ROLES } from '../../users/task-roles.ts';
import { userFail } from '../../users/user-fail.ts';
import { authorized } from '../../users/users-of.ts';

const TYPES = ['taskrole', 'resourcerole'] as const;
const typeOf = (args: ParsedArgs, command: string) => oneOf(need(args, '-t', command), TYPES, 'access control type');
const noFile = (args: ParsedArgs): void => {
  if (args.values.has('-f')) fail('NOT_IMPLEMENTED', { what: 'configuration file option -f' });
};
const noResourceRoles = (): never => fail('NOT_IMPLEMENTED', { what: 'custom managed resource role' });

export const lsaccfg: CommandDef = {
  flags: { '-t': 'value', '--filter': 'value', '-F': 'optvalue', '--header': 'bool' },
  run(ctx, args) {
    const store = authorized(ctx, 'lsaccfg');
    if (typeOf(args, 'lsaccfg') === 'resourcerole') {
      filters(args, ['resourceroles']);
      return renderListing(ctx.out, [], RESOURCEROLE_FIELDS, args);
    }
    // Filter name UNCERTAIN (taskroles, after the resource type).
    const names = filters(args, ['taskroles']).get('taskroles');
    const rows: TaskRoleRow[] = [
      ...PREDEFINED_TASK_ROLES.map((predefined) => ({ predefined })),
      ...store.roles.list().map((custom) => ({ custom })),
    ];
    const nameOf = (r: TaskRoleRow): string => ('predefined' in r ? r.predefined : r.custom.name);
    renderListing(ctx.out, rows.filter((r) => !names || names.includes(nameOf(r))), TASKROLE_FIELDS, args);
  },
};

export const mkaccfg: CommandDef = {
  flags: { '-t': 'value', '-i': 'value', '-f': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'mkaccfg', { admin: true });
    if (typeOf(args, 'mkaccfg') === 'resourcerole') noResourceRoles();
    noFile(args);
    const attrs = new Map<string, string>();
    for (const p of parseRecord(need(args, '-i', 'mkaccfg'))) {
      if (!['name', 'parent', 'resources'].includes(p.name)) fail('INVALID_ATTRIBUTE', { name: p.name });
      if (p.op !== '=') fail('INVALID_VALUE', { attr: p.name, value: p.op, hint: 'Use = when creating a task role.' });
      attrs.set(p.name, p.value);
    }
    const get = (a: string): string => attrs.get(a) ?? fail('MISSING_ATTRIBUTE', { attr: a });
    const name = get('name');
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) fail('INVALID_VALUE', { attr: 'name', value: name, hint: 'Use letters, digits, _ . and - only.' });
    store.roles.create({ name, parent: get('parent'), resources: parseTaskResources(listValue(get('resources'), 'resources')) });
  },
};

export const chaccfg: CommandDef = {
  flags: { '-t': 'value', '-i': 'value', '-f': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'chaccfg', { admin: true });
    if (typeOf(args, 'chaccfg') === 'resourcerole') noResourceRoles();
    noFile(args);
    const pairs = parseRecord(need(args, '-i', 'chaccfg'));
    const namePair = pairs.find((p) => p.name === 'name') ?? fail('MISSING_ATTRIBUTE', { attr: 'name' });
    const name = namePair.value;
    if (isPredefinedTaskRole(name)) userFail('ROLE_PROTECTED', { name, action: 'changed', why: 'it is a predefined task role' });
    const role = store.roles.get(name) ?? userFail('ROLE_NOT_FOUND', { kind: 'task role', name });
    let groups: TaskGroup[] = role.resources;
    for (const p of pairs) {
      if (p.name === 'name') continue;
      if (p.name === 'parent') fail('ATTRIBUTE_NOT_ALLOWED', { attr: 'parent', where: 'when changing a task role (the role it is based on cannot change)' });
      if (p.name !== 'resources') fail('INVALID_ATTRIBUTE', { name: p.name });
      const given = parseTaskResources(listValue(p.value, 'resources'));
      groups = p.op === '=' ? given : p.op === '+=' ? addGroups(groups, given) : removeGroups(groups, given);
    }
    store.roles.setResources(name, groups);
  },
};

function addGroups(a: TaskGroup[], b: TaskGroup[]): TaskGroup[] {
  const out = a.map((g) => ({ group: g.group, commands: [...g.commands] }));
  for (const g of b) {
    const into = out.find((x) => x.group === g.group);
    if (into) into.commands.push(...g.commands.filter((c) => !into.commands.includes(c)));
    else out.push({ group: g.group, commands: [...g.commands] });
  }
  return out;
}

/** `resources-=lshwres` removes the command from every group; `cec:lshwres` only from that group. */
function removeGroups(a: TaskGroup[], b: TaskGroup[]): TaskGroup[] {
  return a.map((g) => ({
    group: g.group,
    commands: g.commands.filter((c) => !b.some((x) => (x.group === '' || x.group === g.group) && x.commands.includes(c))),
  })).filter((g) => g.commands.length > 0);
}

export const rmaccfg: CommandDef = {
  flags: { '-t': 'value', '-n': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'rmaccfg', { admin: true });
    const t = typeOf(args, 'rmaccfg');
    const name = need(args, '-n', 'rmaccfg');
    if (t === 'resourcerole') userFail('ROLE_NOT_FOUND', { kind: 'managed resource role', name });
    store.roles.remove(name, store.listUsers().filter((u) => u.taskrole === name).map((u) => u.name));
  },
};
