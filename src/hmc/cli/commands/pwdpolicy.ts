// lspwdpolicy, mkpwdpolicy, chpwdpolicy, rmpwdpolicy (hmc-cli.md §6.1; client: Ansible hmc_pwdpolicy,
// which lists with `-t s` / `-t p`, creates with `-i`, modifies with `-o m -i "name=…[,new_name=…]"`,
// activates with `-o a -n NAME`, deactivates with `-o d` and removes with `-n NAME`).
import { fail } from '../../../errors/hmc-error.ts';
import { need, oneOf, type ParsedArgs } from '../args.ts';
import type { CommandDef } from '../command.ts';
import { renderListing } from '../fields.ts';
import { filters } from '../filters.ts';
import type { PolicyChanges, PolicyInput } from '../../users/policy-store.ts';
import { parseAttrs, POLICY_ATTRS, required } from '../../users/user-attributes.ts';
import { POLICY_FIELDS, POLICY_STATUS_FIELDS } from '../../users/user-fields.ts';
import { authorized } from '../../users/users-of.ts';

const noFile = (args: ParsedArgs): void => {
  if (args.values.has('-f')) fail('NOT_IMPLEMENTED', { what: 'configuration file option -f' });
};

export const lspwdpolicy: CommandDef = {
  flags: { '-t': 'value', '--filter': 'value', '-F': 'optvalue', '--header': 'bool' },
  run(ctx, args) {
    const store = authorized(ctx, 'lspwdpolicy');
    const t = oneOf(need(args, '-t', 'lspwdpolicy'), ['s', 'p'] as const, 'type');
    if (t === 's') {
      filters(args, []);
      const active = store.policies.active();
      return renderListing(ctx.out, [{ active: active ? 1 : 0, active_policy_name: active?.name ?? '' }], POLICY_STATUS_FIELDS, args);
    }
    // Filter name UNCERTAIN.
    const names = filters(args, ['names']).get('names');
    renderListing(ctx.out, store.policies.list().filter((p) => !names || names.includes(p.name)), POLICY_FIELDS, args);
  },
};

const POLICY_CREATE_ATTRS = Object.keys(POLICY_ATTRS).filter((a) => a !== 'new_name');

export const mkpwdpolicy: CommandDef = {
  flags: { '-i': 'value', '-f': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'mkpwdpolicy', { admin: true });
    noFile(args);
    const attrs = parseAttrs(need(args, '-i', 'mkpwdpolicy'), POLICY_ATTRS, POLICY_CREATE_ATTRS);
    store.policies.create({ ...attrs, name: required(attrs, 'name') } as PolicyInput);
  },
};

export const chpwdpolicy: CommandDef = {
  flags: { '-o': 'value', '-i': 'value', '-f': 'value', '-n': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'chpwdpolicy', { admin: true });
    const o = oneOf(need(args, '-o', 'chpwdpolicy'), ['a', 'd', 'm'] as const, 'operation');
    if (o === 'a') return store.policies.activate(need(args, '-n', 'chpwdpolicy'));
    if (o === 'd') return store.policies.deactivate();
    noFile(args);
    const { name, ...changes } = parseAttrs(need(args, '-i', 'chpwdpolicy'), POLICY_ATTRS);
    store.policies.modify(required({ name }, 'name'), changes as PolicyChanges);
  },
};

export const rmpwdpolicy: CommandDef = {
  flags: { '-n': 'value' },
  run(ctx, args) {
    const store = authorized(ctx, 'rmpwdpolicy', { admin: true });
    store.policies.remove(need(args, '-n', 'rmpwdpolicy'));
  },
};
