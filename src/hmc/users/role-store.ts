// Custom task roles (mkaccfg / chaccfg / rmaccfg / lsaccfg -t taskrole). A custom role is based on a
// parent role and "cannot have more authority than the one on which it is based" (IBM HMC help). Its
// resources are written `<group>:<task>+<task>,…`; IBM's own example is
// `mkaccfg -t taskrole -i name=r1,parent=hmcoperator,resources=cec:lshwres+lssyscfg`, where the tasks
// are command names. SIM-RULE: tasks are command names from COMMAND_CATEGORY; the group before `:` is
// kept for display and not checked (the real group names are UNCERTAIN).
import type Database from 'better-sqlite3';
import { fail } from '../../errors/hmc-error.ts';
import { COMMAND_CATEGORY, isPredefinedTaskRole, predefinedAllows, type PredefinedTaskRole } from './task-roles.ts';
import { userFail } from './user-fail.ts';

export interface TaskGroup { group: string; commands: string[] }
export interface CustomTaskRole { name: string; parent: string; resources: TaskGroup[] }

/** `["cec:lshwres+lssyscfg", "lpar:chsysstate"]` → groups; a group without `:` has the group name ''. */
export function parseTaskResources(elements: readonly string[]): TaskGroup[] {
  const groups: TaskGroup[] = [];
  for (const el of elements) {
    const colon = el.indexOf(':');
    const group = colon < 0 ? '' : el.slice(0, colon);
    const commands = (colon < 0 ? el : el.slice(colon + 1)).split('+');
    for (const c of commands) if (!Object.hasOwn(COMMAND_CATEGORY, c)) fail('INVALID_VALUE', { attr: 'resources', value: c, hint: 'Specify the tasks as HMC command names.' });
    const g = groups.find((x) => x.group === group);
    if (g) g.commands.push(...commands.filter((c) => !g.commands.includes(c)));
    else groups.push({ group, commands: [...new Set(commands)] });
  }
  return groups;
}

export function formatTaskResources(groups: readonly TaskGroup[]): string[] {
  return groups.filter((g) => g.commands.length).map((g) => (g.group ? `${g.group}:` : '') + g.commands.join('+'));
}

const commandsOf = (r: CustomTaskRole): string[] => r.resources.flatMap((g) => g.commands);

export class TaskRoleStore {
  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS hmc_task_roles (name TEXT PRIMARY KEY, parent TEXT NOT NULL, resources TEXT NOT NULL)');
  }

  list(): CustomTaskRole[] {
    const rows = this.db.prepare('SELECT name, parent, resources FROM hmc_task_roles ORDER BY name').all() as { name: string; parent: string; resources: string }[];
    return rows.map((r) => ({ ...r, resources: JSON.parse(r.resources) as TaskGroup[] }));
  }
  get(name: string): CustomTaskRole | undefined {
    return this.list().find((r) => r.name === name);
  }
  exists(name: string): boolean {
    return isPredefinedTaskRole(name) || this.get(name) !== undefined;
  }

  /** Whether the role (predefined or custom) allows the command; custom roles are capped by their parent. */
  allows(role: string, command: string): boolean {
    if (isPredefinedTaskRole(role)) return predefinedAllows(role, command);
    const r = this.get(role);
    return r !== undefined && commandsOf(r).includes(command) && this.allows(r.parent, command);
  }

  /** The predefined role at the root of a role's parent chain. */
  rootOf(role: string): PredefinedTaskRole | undefined {
    for (let name = role, depth = 0; depth < 32; depth++) {
      if (isPredefinedTaskRole(name)) return name;
      const r = this.get(name);
      if (!r) return undefined;
      name = r.parent;
    }
    return undefined;
  }

  create(role: CustomTaskRole): void {
    if (this.exists(role.name)) userFail('ROLE_EXISTS', { name: role.name });
    if (!this.exists(role.parent)) userFail('ROLE_NOT_FOUND', { kind: 'task role', name: role.parent });
    this.checkWithinParent(role);
    this.db.prepare('INSERT INTO hmc_task_roles (name, parent, resources) VALUES (?, ?, ?)').run(role.name, role.parent, JSON.stringify(role.resources));
  }

  setResources(name: string, resources: TaskGroup[]): void {
    const r = this.mustGetCustom(name, 'changed');
    this.checkWithinParent({ ...r, resources });
    this.db.prepare('UPDATE hmc_task_roles SET resources = ? WHERE name = ?').run(JSON.stringify(resources), name);
  }

  /** `usedBy` names the users holding the role, so a role in use is not removed from under them. */
  remove(name: string, usedBy: readonly string[]): void {
    this.mustGetCustom(name, 'removed');
    if (usedBy.length) userFail('ROLE_PROTECTED', { name, action: 'removed', why: `it is assigned to user(s) ${usedBy.join(', ')}` });
    const children = this.list().filter((r) => r.parent === name).map((r) => r.name);
    if (children.length) userFail('ROLE_PROTECTED', { name, action: 'removed', why: `task role(s) ${children.join(', ')} are based on it` });
    this.db.prepare('DELETE FROM hmc_task_roles WHERE name = ?').run(name);
  }

  private mustGetCustom(name: string, action: string): CustomTaskRole {
    if (isPredefinedTaskRole(name)) userFail('ROLE_PROTECTED', { name, action, why: 'it is a predefined task role' });
    return this.get(name) ?? userFail('ROLE_NOT_FOUND', { kind: 'task role', name });
  }

  private checkWithinParent(role: CustomTaskRole): void {
    for (const c of commandsOf(role)) {
      if (!this.allows(role.parent, c)) {
        fail('INVALID_VALUE', { attr: 'resources', value: c, hint: `A task role cannot have more authority than the role ${role.parent} it is based on.` });
      }
    }
  }
}
