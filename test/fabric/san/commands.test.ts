// The storage administrator's commands (san-commands.ts), as an administrator would see them: a command
// and its exact output. Refused commands print `HSCLSIMnn …` on stderr, exit non-zero and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SanFabric } from '../../../src/fabric/san/san-fabric.ts';
import { runSanCommand, SAN_COMMANDS } from '../../../src/fabric/san/san-commands.ts';

const PFC = '10000090fa1b2c01';

/** A two-fabric lab built through the commands, with one VIOS port and one client logged in on fab_a. */
function lab(): { f: SanFabric; sh: (line: string) => ReturnType<typeof runSanCommand> } {
  const f = new SanFabric({ seed: 'lab' });
  const sh = (line: string) => runSanCommand(f, line.split(' '));
  const ok = (line: string): string => {
    const r = sh(line);
    assert.equal(r.exit, 0, `${line}: ${r.stderr}`);
    return r.stdout;
  };
  ok('mkswitch -n fab_a --ports 8');
  ok('mkswitch -n fab_b --npiv no --ports 8');
  assert.equal(ok('mkarray -n v7k -s fab_a,fab_b --ports 4'), 'target_wwpns=500507680a8f0f55,500507680cf8a68e,500507680e0d482a,500507680e827bbb\n');
  f.connectHostPort({ switch: 'fab_a', hostPortLocation: 'U78D2.001.WZS01AB-P1-C6-T1', hostPortWwpn: PFC, npivCapableAdapter: true });
  f.login(PFC, PFC);
  assert.equal(ok('mklun -a v7k -n vios1_rootvg --size 51200'), 'id=0 uid=6005076A7843450F0CA0E3CDFE35F3EA\n');
  assert.equal(ok('mklun -a v7k -n aix01_datavg --size 102400 --id 30'), 'id=30 uid=60050769E4EE9D657F225A763F16825E\n');
  assert.equal(ok('mkhostmap -a v7k -l vios1_rootvg -w 10:00:00:90:FA:1B:2C:01'), '');
  ok('mkhostmap -a v7k -l 30 -w c050760a1b2c0010,c050760a1b2c0011');
  f.login('c050760a1b2c0010', PFC);
  ok('mkzone -s fab_a -n aix01 -w c050760a1b2c0010,c050760a1b2c0011,500507680a8f0f55');
  return { f, sh };
}

const out = (...lines: string[]): string => `${lines.join('\n')}\n`;

test('listings: aligned columns, one header, stable order', () => {
  const { sh } = lab();
  assert.equal(sh('lsswitch').stdout, out(
    'name   npiv  ports  free  zones  active_zoneset',
    'fab_a  yes   8      5     1      -',
    'fab_b  no    8      6     0      -'));
  assert.equal(sh('lslun').stdout, out(
    'array  id  name          size_mb  uid                               hosts',
    'v7k    0   vios1_rootvg  51200    6005076A7843450F0CA0E3CDFE35F3EA  1',
    'v7k    30  aix01_datavg  102400   60050769E4EE9D657F225A763F16825E  2'));
  // The VIOS port is not in a zone on a zoned switch, so its mapped LUN is not visible to it.
  assert.equal(sh('lshostmap -a v7k').stdout, out(
    'array  lun_id  lun_name      wwpn              visible',
    'v7k    0       vios1_rootvg  10000090fa1b2c01  no',
    'v7k    30      aix01_datavg  c050760a1b2c0010  yes',
    'v7k    30      aix01_datavg  c050760a1b2c0011  no'));
  assert.equal(sh('lszone').stdout, out(
    'switch  zone   in_force  members',
    'fab_a   aix01  yes       500507680a8f0f55,c050760a1b2c0010,c050760a1b2c0011'));
  assert.equal(sh('lslogin').stdout, out(
    'switch  port  host_port                   via_wwpn          initiator         type',
    'fab_a   2     U78D2.001.WZS01AB-P1-C6-T1  10000090fa1b2c01  10000090fa1b2c01  physical',
    'fab_a   2     U78D2.001.WZS01AB-P1-C6-T1  10000090fa1b2c01  c050760a1b2c0010  npiv'));
  assert.equal(sh('lslogin -s fab_b').stdout, '', 'an empty listing prints nothing');
  assert.equal(sh('lsport -s fab_a').stdout.split('\n').slice(0, 4).join('\n'), [
    'port  type   wwpn              attached                    logged_in  npiv_logins',
    '0     array  500507680a8f0f55  v7k:0                       -          -',
    '1     array  500507680e0d482a  v7k:2                       -          -',
    '2     host   10000090fa1b2c01  U78D2.001.WZS01AB-P1-C6-T1  yes        1/64'].join('\n'));
  assert.equal(sh('lsarray').stdout, out(
    'name  ports  luns  capacity_mb  target_wwpns',
    'v7k   4      2     153600       500507680a8f0f55,500507680cf8a68e,500507680e0d482a,500507680e827bbb'));
});

test('zone sets through the commands', () => {
  const { sh } = lab();
  assert.equal(sh('mkzoneset -s fab_a -n cfg1 -z aix01').exit, 0);
  assert.equal(sh('actzoneset -s fab_a -n cfg1').exit, 0);
  assert.equal(sh('lszoneset').stdout, out('switch  zoneset  active  zones', 'fab_a   cfg1     yes     aix01'));
  assert.equal(sh('actzoneset -s fab_a --none').exit, 0);
  assert.equal(sh('rmzoneset -s fab_a -n cfg1').exit, 0);
  assert.equal(sh('chzone -s fab_a -n aix01 --add 10000090fa1b2c01').exit, 0);
  assert.equal(sh('lshostmap').stdout.split('\n')[1], 'v7k    0       vios1_rootvg  10000090fa1b2c01  yes');
});

test('refused commands print HSCLSIMnn on stderr, exit non-zero, and change nothing', () => {
  const { f, sh } = lab();
  const cases: [string, string][] = [
    ['mkswitch -n fab_a', 'HSCLSIM61 A switch named fab_a already exists in the SAN.'],
    ['mkswitch -n bad/name', 'HSCLSIM62 The value "bad/name" is not valid for the switch name.'],
    ['mkswitch -n x --npiv maybe', 'HSCLSIM73 The value maybe of --npiv is not valid. Valid values are yes, no.'],
    ['mkswitch -n x y', 'HSCLSIM73 The mkswitch command does not accept the argument y.'],
    ['mkswitch -n x -n y', 'HSCLSIM73 The option -n was specified more than once.'],
    ['mkswitch -n', 'HSCLSIM73 The option -n needs a value.'],
    ['rmswitch -n fab_a', 'HSCLSIM72 The switch fab_a cannot be removed because port 0 is still connected to array v7k.'],
    ['rmswitch -n nosuch', 'HSCLSIM60 The switch nosuch cannot be found in the SAN.'],
    ['mkarray -n a2 -s fab_a,nosuch', 'HSCLSIM60 The switch nosuch cannot be found in the SAN.'],
    ['mkarray -n a2 -s fab_a --ports 6', 'HSCLSIM64 Switch fab_a has no free port for array a2 (6 needed, 5 free).'],
    ['rmarray -n v7k', 'HSCLSIM72 The storage array v7k cannot be removed because LUN vios1_rootvg is still mapped to hosts.'],
    ['mklun -a v7k -n x --size 0', 'HSCLSIM62 The value 0 is not valid for the LUN size in MB.'],
    ['mklun -a v7k -n x --size 10 --id 30', 'HSCLSIM62 The value 30 is not valid for the LUN id. LUN aix01_datavg on array v7k already has this id.'],
    ['mklun -a v7k -n x --size ten', 'HSCLSIM73 The value ten of --size is not a whole number.'],
    ['mklun -a v7k -n x', 'HSCLSIM73 The mklun command needs the --size option.'],
    ['rmlun -a v7k -l aix01_datavg', 'HSCLSIM72 The LUN aix01_datavg on array v7k cannot be removed because it is mapped to c050760a1b2c0010,c050760a1b2c0011.'],
    ['mkhostmap -a v7k -l 30 -w c050760a1b2c0012,c050760a1b2c0011', 'HSCLSIM62 The value c050760a1b2c0011 is not valid for the host WWPNs. LUN aix01_datavg is already mapped to it.'],
    ['mkhostmap -a v7k -l 31 -w c050760a1b2c0012', 'HSCLSIM60 The LUN 31 on array v7k cannot be found in the SAN.'],
    ['rmhostmap -a v7k -l 30 -w c050760a1b2c0012', 'HSCLSIM62 The value c050760a1b2c0012 is not valid for the host WWPNs. LUN aix01_datavg is not mapped to it.'],
    ['mkzone -s fab_a -n z2 -w 123', 'HSCLSIM62 The value "123" is not valid for the zone members.'],
    ['mkzone -s fab_a -n z2 -w c050760a1b2c0010,', 'HSCLSIM62 The value "" is not valid for the zone members.'],
    ['chzone -s fab_a -n aix01', 'HSCLSIM73 Give WWPNs to add or to remove.'],
    ['chzone -s fab_a -n aix01 --remove 500507680a8f0f55,c050760a1b2c0010,c050760a1b2c0011', 'HSCLSIM62 The value 500507680a8f0f55,c050760a1b2c0010,c050760a1b2c0011 is not valid for the WWPNs to remove.'],
    ['rmzone -s fab_b -n aix01', 'HSCLSIM60 The zone aix01 on switch fab_b cannot be found in the SAN.'],
    ['lsport -s nosuch', 'HSCLSIM60 The switch nosuch cannot be found in the SAN.'],
    ['lslun -a nosuch', 'HSCLSIM60 The storage array nosuch cannot be found in the SAN.'],
    ['lsswitch -x', 'HSCLSIM73 The lsswitch command does not accept the option -x.'],
    ['frobnicate', 'HSCLSIM73 frobnicate is not a SAN command. Run help for the list of commands.'],
    ['toString', 'HSCLSIM73 toString is not a SAN command.'],
  ];
  for (const [line, start] of cases) {
    const before = JSON.stringify(f.toJSON());
    const r = sh(line);
    assert.equal(r.exit, 1, line);
    assert.equal(r.stdout, '', line);
    assert.ok(r.stderr.startsWith(start) && r.stderr.endsWith('\n'), `${line}: ${r.stderr}`);
    assert.equal(JSON.stringify(f.toJSON()), before, `${line} changed the SAN`);
  }
  assert.equal(runSanCommand(f, []).stderr, 'HSCLSIM73 No SAN command was given. Check the command syntax and retry the command.\n');
});

test('help lists every command with its usage', () => {
  const { sh } = lab();
  const lines = sh('help').stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.split(' ')[0]), Object.keys(SAN_COMMANDS));
  assert.ok(lines.includes('mkhostmap -a ARRAY -l LUN -w WWPN[,WWPN...]'));
});
