// lshmcusr, mkhmcusr, chhmcusr, rmhmcusr, mkauthkeys (hmc-cli.md §6.1, §6.8; platform.md §11).
// User administration is hmcsuperadmin's; every user may change their own password and SSH keys.
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf, type ParsedArgs } from '../args.ts';
import type { CommandContext, CommandDef } from '../command.ts';
import { renderListing } from '../fields.ts';
import { filters } from '../filters.ts';
import { parseAttrs, printable, PWAGE, required, USER_ATTRS, USER_CHANGE_ATTRS, USER_DEFAULT_ATTRS, type Value } from '../../users/user-attributes.ts';
import { USER_DEFAULT_FIELDS, USER_FIELDS } from '../../users/user-fields.ts';
import { userFail } from '../../users/user-fail.ts';
import { DEFAULT_USER, type UserStore } from '../../users/user-store.ts';
import { authorized } from '../../users/users-of.ts';
import type { NewUser, UserDefaults, UserSettings } from '../../users/user-types.ts';

const AUTH_TYPES = ['all', 'local', 'kerberos', 'ldap', 'automanage'] as const;

export const lshmcusr: CommandDef = {
  flags: { '-t': 'value', '--filter': 'value', '-F': 'optvalue', '--header': 'bool' },
  run(ctx, args) {
    const store = authorized(ctx, 'lshmcusr');
    const t = args.values.has('-t') ? oneOf(args.values.get('-t')!, ['default', 'user'] as const, 'type') : 'user';
    if (t === 'default') {
      filters(args, []);
      return renderListing(ctx.out, [store.userDefaults()], USER_DEFAULT_FIELDS, args);
    }
    const names = filters(args, ['names']).get('names');
    // UNCERTAIN: a user without user administration sees only their own account.
    const all = store.isUserAdmin(ctx.session.user);
    const rows = store.listUsers().filter((u) => (all || u.name === ctx.session.user) && (!names || names.includes(u.name)));
    renderListing(ctx.out, rows, USER_FIELDS, args);
  },
};

export const mkhmcusr: CommandDef = {
  flags: { '-i': 'value', '-f': 'value', '-u': 'value', '-a': 'value', '-d': 'value', '--passwd': 'value', '-M': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'mkhmcusr', { admin: true });
    if (args.values.has('-f')) fail('NOT_IMPLEMENTED', { what: 'configuration file option -f' });
    const attrs = args.values.has('-i') ? recordOnly(args, 'mkhmcusr', ['-u', '-a', '-d', '--passwd', '-M'], USER_ATTRS) : flagStyle(args);
    const { name, passwd, ...rest } = attrs;
    const u = { ...rest, name: required(attrs, 'name'), taskrole: required(attrs, 'taskrole') } as NewUser;
    if (passwd !== undefined) u.password = String(passwd);
    store.createUser(u, ctx.hmc.clock.now());
  },
};

/** `mkhmcusr -u NAME -a TASKROLE [-d DESC] [--passwd PW] [-M PWAGE]` (public cheat sheets). */
function flagStyle(args: ParsedArgs): Record<string, Value> {
  const v = args.values;
  const out: Record<string, Value> = { name: need(args, '-u', 'mkhmcusr'), taskrole: need(args, '-a', 'mkhmcusr') };
  if (v.has('-d')) out.description = printable(v.get('-d')!, 'description');
  if (v.has('--passwd')) out.passwd = v.get('--passwd')!;
  if (v.has('-M')) out.pwage = PWAGE(v.get('-M')!, 'pwage');
  return out;
}

function recordOnly(args: ParsedArgs, command: string, others: string[], table: typeof USER_ATTRS): Record<string, Value> {
  for (const f of others) if (args.values.has(f)) fail('USAGE', { why: `The ${f} option cannot be used with the -i option of ${command}.` });
  return parseAttrs(args.values.get('-i')!, table);
}

/** chhmcusr -t values → the attribute they change (UNCERTAIN beyond passwd, taskrole, desc, pwage). */
const CH_TYPES: Record<string, string> = {
  passwd: 'passwd', taskrole: 'taskrole', desc: 'description', pwage: 'pwage', min_pwage: 'min_pwage',
  name: 'new_name', resourcerole: 'resourcerole',
};

export const chhmcusr: CommandDef = {
  flags: { '-u': 'value', '-t': 'value', '-v': 'value', '-i': 'value', '-o': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'chhmcusr');
    const me = ctx.session.user;
    const admin = (): void => { if (!store.isUserAdmin(me)) fail('NO_AUTHORITY'); };
    const t = args.values.get('-t');
    if (args.values.has('-o')) {
      const o = oneOf(args.values.get('-o')!, ['e', 'd'] as const, 'operation');
      const name = need(args, '-u', 'chhmcusr');
      admin();
      if (o === 'd' && name === me) userFail('USER_PROTECTED', { name, action: 'disabled', why: 'a user cannot disable their own account' });
      return store.setDisabled(name, o === 'd');
    }
    if (t === 'default') {
      admin();
      return store.setUserDefaults(parseAttrs(need(args, '-i', 'chhmcusr'), USER_DEFAULT_ATTRS) as Partial<UserDefaults>);
    }
    let name: string;
    let attrs: Record<string, Value>;
    if (args.values.has('-i')) {
      if (t !== undefined || args.values.has('-u') || args.values.has('-v')) fail('USAGE', { why: 'The -u, -t and -v options cannot be used with the -i option of chhmcusr.' });
      attrs = parseAttrs(args.values.get('-i')!, USER_CHANGE_ATTRS);
      name = required(attrs, 'name');
      delete attrs.name;
    } else {
      name = need(args, '-u', 'chhmcusr');
      const attr = CH_TYPES[oneOf(need(args, '-t', 'chhmcusr'), Object.keys(CH_TYPES), 'change type')];
      // The real command prompts for a missing password; the simulator's commands are not interactive.
      attrs = { [attr]: USER_CHANGE_ATTRS[attr](need(args, '-v', 'chhmcusr'), attr) };
    }
    const ownPassword = name === me && Object.keys(attrs).every((k) => k === 'passwd');
    if (!ownPassword) admin();
    changeUser(ctx, store, name, attrs);
  },
};

function changeUser(ctx: CommandContext, store: UserStore, name: string, attrs: Record<string, Value>): void {
  const { passwd, ...rest } = attrs;
  const now = ctx.hmc.clock.now();
  store.atomically(() => {
    if (!store.getUser(name)) userFail('USER_NOT_FOUND', { name });
    if (passwd !== undefined) store.setPassword(name, String(passwd), now, { self: name === ctx.session.user });
    if (Object.keys(rest).length) store.updateUser(name, rest as Partial<UserSettings> & { new_name?: string });
  });
}

export const rmhmcusr: CommandDef = {
  flags: { '-u': 'value', '-t': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'rmhmcusr', { admin: true });
    const me = ctx.session.user;
    const u = args.values.get('-u');
    const t = args.values.get('-t');
    if ((u === undefined) === (t === undefined)) fail('USAGE', { why: 'The rmhmcusr command needs either the -u or the -t option.' });
    if (u !== undefined) {
      if (u === me) userFail('USER_PROTECTED', { name: u, action: 'removed', why: 'a user cannot remove their own account' });
      return store.removeUser(u);
    }
    // -t: every user of that kind except hscroot and the caller (automanage: LDAP auto-managed users, none here).
    const kind = oneOf(t!, AUTH_TYPES, 'user type');
    store.atomically(() => {
      for (const x of store.listUsers()) {
        if (x.name === DEFAULT_USER || x.name === me || kind === 'automanage') continue;
        if (kind === 'all' || x.authentication_type === kind) store.removeUser(x.name);
      }
    });
  },
};

export const mkauthkeys: CommandDef = {
  flags: {
    '-a': 'value', '--add': 'value', '-r': 'value', '--remove': 'value', '-u': 'value',
    '--ip': 'value', '--test': 'bool', '-g': 'bool', '--passwd': 'value', '-t': 'value',
  },
  run(ctx, args) {
    const store = authorized(ctx, 'mkauthkeys');
    const v = args.values;
    const ip = v.get('--ip');
    if (args.bools.has('--test')) {
      if (ip === undefined) fail('USAGE', { why: 'The --test option needs the --ip option.' });
      // No remote management console trusts this one (HMC-to-HMC key exchange is not simulated).
      return userFail('NO_HMC_TRUST', { host: ip! });
    }
    if (ip !== undefined || args.bools.has('-g')) fail('NOT_IMPLEMENTED', { what: 'key exchange with another management console' });
    const add = v.get('-a') ?? v.get('--add');
    const remove = v.get('-r') ?? v.get('--remove');
    if ((add === undefined) === (remove === undefined)) fail('USAGE', { why: 'The mkauthkeys command needs exactly one of the -a and -r options.' });
    const user = v.get('-u') ?? ctx.session.user;
    if (user !== ctx.session.user && !store.isUserAdmin(ctx.session.user)) fail('NO_AUTHORITY');
    if (!store.getUser(user)) userFail('USER_NOT_FOUND', { name: user });
    if (add !== undefined) return store.addAuthorizedKey(user, add);
    // UNCERTAIN: removing a key that is not there is taken as success (nothing to do), like a file edit.
    store.removeAuthorizedKeys(user, remove!);
  },
};
