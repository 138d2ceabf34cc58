// HMC task roles (platform.md §11) as data: every HMC command has one category, and each predefined
// task role is the set of categories it may use. A command missing from COMMAND_CATEGORY may be run only
// by hmcsuperadmin ("everything"); a test keeps the table complete against the command registry.
//
// The exact task lists of the real predefined roles are not in our references. Beyond what platform.md
// §11 states (superadmin: everything incl. user management; operator: operations, not user
// administration; viewer: read-only) the assignments below are UNCERTAIN:
// * hmcpe (product engineer) = viewer + operations + service, without user administration (IBM: "cannot
//   access HMC user management functions").
// * hmcservicerep (hardware service) = viewer + service tasks; no partition operations.
// * chsyspwd (FSP/ASMI passwords) is a service/security task, so hmcoperator may not run it.
// * `self-service` is a fifth category, beyond the four of the design: commands every user may run on
//   their own account (IBM: every role may change its own password with chhmcusr and manage its own SSH
//   keys). The commands themselves require user administration for anything that touches another user.

export type Category = 'view' | 'operate' | 'service' | 'administer-users' | 'self-service';

export const PREDEFINED_TASK_ROLES = ['hmcsuperadmin', 'hmcoperator', 'hmcviewer', 'hmcpe', 'hmcservicerep'] as const;
export type PredefinedTaskRole = (typeof PREDEFINED_TASK_ROLES)[number];

export const ROLE_CATEGORIES: Readonly<Record<PredefinedTaskRole, readonly Category[]>> = {
  hmcsuperadmin: ['view', 'operate', 'service', 'administer-users', 'self-service'],
  hmcoperator: ['view', 'operate', 'self-service'],
  hmcviewer: ['view', 'self-service'],
  hmcpe: ['view', 'operate', 'service', 'self-service'],
  hmcservicerep: ['view', 'service', 'self-service'],
};

/** Command name → the category a role needs to run it. */
export const COMMAND_CATEGORY: Readonly<Record<string, Category>> = {
  // listings (hmcviewer: "only listing commands")
  lssyscfg: 'view', lshwres: 'view', lsrefcode: 'view', lshmc: 'view', lssysconn: 'view',
  lslparutil: 'view', lssvcevents: 'view', lslparmigr: 'view', lscomgmt: 'view', lslic: 'view',
  lshmcusr: 'view', lspwdpolicy: 'view', lsaccfg: 'view',
  // operations: power, DLPAR, activation, profile changes, connections, backups, consoles, mobility
  mksyscfg: 'operate', chsyscfg: 'operate', rmsyscfg: 'operate', chsysstate: 'operate', chhwres: 'operate',
  mksysconn: 'operate', rmsysconn: 'operate', bkprofdata: 'operate', rstprofdata: 'operate',
  viosvrcmd: 'operate', mkvterm: 'operate', rmvterm: 'operate', chlparutil: 'operate',
  lpar_netboot: 'operate', migrlpar: 'operate',
  // service and security of the managed systems
  chsyspwd: 'service',
  // user, role and password-policy administration: hmcsuperadmin only
  mkhmcusr: 'administer-users', rmhmcusr: 'administer-users',
  mkpwdpolicy: 'administer-users', chpwdpolicy: 'administer-users', rmpwdpolicy: 'administer-users',
  mkaccfg: 'administer-users', chaccfg: 'administer-users', rmaccfg: 'administer-users',
  // every user, for their own account
  chhmcusr: 'self-service', mkauthkeys: 'self-service',
};

export function isPredefinedTaskRole(name: string): name is PredefinedTaskRole {
  return (PREDEFINED_TASK_ROLES as readonly string[]).includes(name);
}

export function predefinedAllows(role: PredefinedTaskRole, command: string): boolean {
  if (role === 'hmcsuperadmin') return true;
  const c = Object.hasOwn(COMMAND_CATEGORY, command) ? COMMAND_CATEGORY[command] : undefined;
  return c !== undefined && ROLE_CATEGORIES[role].includes(c);
}

/** The classified commands a predefined role may run, grouped by category in table order, names sorted. */
export function predefinedResources(role: PredefinedTaskRole): { category: Category; commands: string[] }[] {
  return ROLE_CATEGORIES[role].map((category) => ({
    category,
    commands: Object.keys(COMMAND_CATEGORY).filter((c) => COMMAND_CATEGORY[c] === category).sort(),
  }));
}
