// lshmc -V | -r | -n | -v | -b (hmc-cli.md §6.1). The V9 quoted multi-line `lshmc -V` form is VERIFIED
// (V7R7.9 capture, IBM readme MH01876) and is the default; the V10 plain form is a configuration choice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lab, lines, refused } from './cli-support.ts';

const V9 = [
  '"version= Version: 9',
  ' Release: 2',
  ' Service Pack: 950',
  'HMC Build level 2109150411',
  'MH01890 - HMC V9R2 M950',
  '","base_version=V9R2',
  '"',
].join('\n') + '\n';

describe('lshmc -V', () => {
  it('prints the V9 form exactly', async () => {
    const t = await lab();
    const r = await t.run('lshmc -V');
    assert.deepEqual([r.stdout, r.stderr, r.exit], [V9, '', 0]);
  });

  it('what Ansible reads from it: version, release, service pack, build level, fix packs, base version', async () => {
    const t = await lab();
    const out = lines(await t.ok('lshmc -V'));
    const after = (l: string | undefined) => l!.slice(l!.indexOf(':') + 1).trim();
    assert.equal(after(out.find((l) => l.includes('Version'))), '9');
    assert.equal(after(out.find((l) => l.includes('Release:'))), '2');
    assert.equal(Number(after(out.find((l) => l.includes('Service Pack:')))), 950);
    const build = out.find((l) => l.includes('HMC Build level'))!;
    assert.equal(build.slice(build.indexOf('l ') + 2), '2109150411');
    assert.deepEqual(out.filter((l) => / - /.test(l)), ['MH01890 - HMC V9R2 M950']);
    assert.match(out.join('\n'), /base_version=V9R2/);
  });

  it('HMC Scanner recognises an HMC by a line starting with HMC', async () => {
    const t = await lab();
    assert.ok(lines(await t.ok('lshmc -V')).some((l) => l.startsWith('HMC')));
  });

  it('the V10 plain form is selectable in the configuration', async () => {
    const t = await lab({ hmc: { versionForm: 'v10', version: 10, release: 3, servicePack: 1060, buildLevel: '2409010101' } });
    assert.equal(await t.ok('lshmc -V'), 'Version: 10\nRelease: 3\nService Pack: 1060\nBuild level: 2409010101\n');
  });
});

describe('lshmc -r, -n, -v, -b', () => {
  it('-r prints the VERIFIED remote-access line', async () => {
    const t = await lab();
    assert.equal(await t.ok('lshmc -r'),
      'ssh=enable,sshprotocol=,remotewebui=enable,xntp=disable,xntpserver=127.127.1.0,syslogserver=,syslogtcpserver=,syslogtlsserver=,netboot=disable,altdiskboot=disable,ldap=disable,kerberos=disable,kerberos_default_realm=,kerberos_realm_kdc=,kerberos_clockskew=,kerberos_ticket_lifetime=,kpasswd_admin=,trace=,kerberos_keyfile_present=,legacyhmccomm=disable,sol=disabled\n');
  });

  it('-n starts with the VERIFIED network fields; lists of addresses are quoted pairs', async () => {
    const t = await lab();
    const out = await t.ok('lshmc -n');
    assert.ok(out.startsWith('hostname=hmc01,domain=example.com,"ipaddr=10.1.2.34,'), out);
    assert.ok(out.includes(',"networkmask=255.255.255.0,255.255.255.0",gateway=10.1.2.1,nameserver=,domainsuffix=,slipipaddr=10.253.0.1,slipnetmask=255.255.0.0,"ipaddrlpar=10.1.2.34,'), out);
    assert.ok(out.includes(',ipv4addr_eth0=10.1.2.34,ipv4netmask_eth0=255.255.255.0,ipv4dhcp_eth0=off,'), out);
    assert.equal(lines(out).length, 1);
  });

  it('-n follows the configured host name and address', async () => {
    const t = await lab({ hmc: { hostname: 'hmc02', ipaddr: '10.9.8.7' } });
    assert.ok((await t.ok('lshmc -n')).startsWith('hostname=hmc02,domain=example.com,"ipaddr=10.9.8.7,'));
  });

  it('-v gives VPD lines with the machine type and serial (HMC Scanner)', async () => {
    const t = await lab();
    const out = lines(await t.ok('lshmc -v'));
    assert.ok(out.includes('*TM 7063-CR2'), out.join('\n'));
    assert.ok(out.includes('*SE 2130A8X'), out.join('\n'));
  });

  it('exactly one of -V -v -n -r -b is required', async () => {
    const t = await lab();
    await refused(t, 'lshmc', 'HSCLSIM28');
    await refused(t, 'lshmc -V -n', 'HSCLSIM28');
    await refused(t, 'lshmc -x', 'HSCLSIM28');
  });
});
