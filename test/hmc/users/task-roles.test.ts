// The task-role table (platform.md §11): every HMC command is classified, and each predefined role is
// allowed or refused on representative commands, through the store as the command runner will ask it.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS } from '../../../src/hmc/cli/registry.ts';
import { COMMAND_CATEGORY, PREDEFINED_TASK_ROLES, type PredefinedTaskRole } from '../../../src/hmc/users/task-roles.ts';
import type { UserStore } from '../../../src/hmc/users/user-store.ts';
import { memoryStore, USER_COMMANDS } from './harness.ts';

/** Commands announced for the registry that are not there yet. */
const ARRIVING = [
  'viosvrcmd', 'mkvterm', 'rmvterm', 'lslparutil', 'chlparutil', 'mkauthkeys', 'chsyspwd', 'lssvcevents',
  'lpar_netboot', 'migrlpar', 'lslparmigr', 'lscomgmt', 'lslic',
];

describe('task role table', () => {
  it('classifies every command of the registry, of this module and of the announced list', () => {
    const names = new Set([...Object.keys(COMMANDS), ...Object.keys(USER_COMMANDS), ...ARRIVING]);
    const missing = [...names].filter((n) => !Object.hasOwn(COMMAND_CATEGORY, n));
    assert.deepEqual(missing, []);
  });

  it('gives hmcviewer only listing commands besides its own account', () => {
    for (const [cmd, cat] of Object.entries(COMMAND_CATEGORY)) {
      if (cat === 'view') assert.match(cmd, /^ls/, `${cmd} is classified view but does not list`);
    }
  });
});

// [command, superadmin, operator, viewer, pe, servicerep]
const EXPECT: [string, ...boolean[]][] = [
  ['lssyscfg', true, true, true, true, true],
  ['lshmcusr', true, true, true, true, true],
  ['chsysstate', true, true, false, true, false],
  ['chhwres', true, true, false, true, false],
  ['mksyscfg', true, true, false, true, false],
  ['bkprofdata', true, true, false, true, false],
  ['chsyspwd', true, false, false, true, true],
  ['mkhmcusr', true, false, false, false, false],
  ['rmhmcusr', true, false, false, false, false],
  ['mkpwdpolicy', true, false, false, false, false],
  ['mkaccfg', true, false, false, false, false],
  ['chhmcusr', true, true, true, true, true],
  ['mkauthkeys', true, true, true, true, true],
  ['nosuchcommand', true, false, false, false, false],
];

describe('predefined roles allowed and refused', () => {
  let store: UserStore;
  before(() => {
    store = memoryStore();
    for (const role of PREDEFINED_TASK_ROLES) store.createUser({ name: `u_${role}`, taskrole: role, password: 'Passw0rd1' }, 0);
  });

  for (const [cmd, ...allowed] of EXPECT) {
    it(`${cmd}: ${PREDEFINED_TASK_ROLES.filter((_, i) => allowed[i]).join(', ')}`, () => {
      const got = PREDEFINED_TASK_ROLES.map((role: PredefinedTaskRole) => store.mayRun(`u_${role}`, cmd));
      assert.deepEqual(got, allowed);
    });
  }

  it('only hmcsuperadmin administers other users', () => {
    assert.deepEqual(PREDEFINED_TASK_ROLES.map((r) => store.isUserAdmin(`u_${r}`)), [true, false, false, false, false]);
  });

  it('unknown and disabled users may run nothing', () => {
    assert.equal(store.mayRun('ghost', 'lssyscfg'), false);
    store.setDisabled('u_hmcsuperadmin', true);
    assert.equal(store.mayRun('u_hmcsuperadmin', 'lssyscfg'), false);
  });
});
