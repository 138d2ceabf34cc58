// lshmc -V | -v | -n | -r (hmc-cli.md §6.1). The V9 quoted multi-line version form is the default (it
// satisfies every client, SIM-RULE); the V10 plain form is selectable in SimConfig.hmc.versionForm.
import { fail } from '../../../errors/hmc-error.ts';
import type { CommandDef } from '../command.ts';
import { formatKeyValueRecord } from '../grammar/output.ts';
import type { SimConfig } from '../../../sim/config.ts';

function versionLines(h: SimConfig['hmc']): string[] {
  if (h.versionForm === 'v10') {
    return [`Version: ${h.version}`, `Release: ${h.release}`, `Service Pack: ${h.servicePack}`, `Build level: ${h.buildLevel}`];
  }
  const text = ` Version: ${h.version}\n Release: ${h.release}\n Service Pack: ${h.servicePack}\nHMC Build level ${h.buildLevel}\n${h.fixes.map((f) => `${f}\n`).join('')}`;
  return formatKeyValueRecord([['version', text], ['base_version', `V${h.version}R${h.release}\n`]]).split('\n');
}

export const lshmc: CommandDef = {
  flags: { '-V': 'bool', '-v': 'bool', '-n': 'bool', '-r': 'bool', '-b': 'bool', '-F': 'optvalue' },
  run(ctx, args) {
    const h = ctx.hmc.config.hmc;
    const chosen = ['-V', '-v', '-n', '-r', '-b'].filter((f) => args.bools.has(f));
    if (chosen.length !== 1) fail('USAGE', { why: 'Specify exactly one of -V, -v, -n, -r or -b.' });
    switch (chosen[0]) {
      case '-V': ctx.out.push(...versionLines(h)); return;
      case '-v':
        // VPD-style lines as HMC Scanner reads them (format UNCERTAIN).
        ctx.out.push('vpd=*FC ????????', '*VC 5.0', '*N2 Wed Nov 25 00:00:00 UTC 2026', '*FC ????????', '*DS Hardware Management Console',
          `*TM ${h.model}`, `*SE ${h.serial}`, `*MN IBM`, `*PN N/A`, `*SZ 16GB`, `*OS Embedded Operating Systems`, `*NA ${h.ipaddr}`,
          '*FC ????????', '*DS Platform Firmware', `*RM V${h.version}R${h.release}.${h.servicePack}`);
        return;
      case '-b': ctx.out.push(`bios=${h.model} firmware level 1.00`); return;
      case '-r':
        ctx.out.push('ssh=enable,sshprotocol=,remotewebui=enable,xntp=disable,xntpserver=127.127.1.0,syslogserver=,syslogtcpserver=,syslogtlsserver=,netboot=disable,altdiskboot=disable,ldap=disable,kerberos=disable,kerberos_default_realm=,kerberos_realm_kdc=,kerberos_clockskew=,kerberos_ticket_lifetime=,kpasswd_admin=,trace=,kerberos_keyfile_present=,legacyhmccomm=disable,sol=disabled');
        return;
      default:
        ctx.out.push(formatKeyValueRecord([
          ['hostname', h.hostname], ['domain', h.domain], ['ipaddr', [h.ipaddr, '192.168.128.1']], ['networkmask', ['255.255.255.0', '255.255.255.0']],
          ['gateway', h.ipaddr.replace(/\.\d+$/, '.1')], ['nameserver', ''], ['domainsuffix', ''], ['slipipaddr', '10.253.0.1'], ['slipnetmask', '255.255.0.0'],
          ['ipaddrlpar', [h.ipaddr, '192.168.128.1']], ['ipv4addr_eth0', h.ipaddr], ['ipv4netmask_eth0', '255.255.255.0'], ['ipv4dhcp_eth0', 'off'],
          ['ipv6addr_eth0', ''], ['ipv6auto_eth0', 'off'], ['jumboframe_eth0', 'off'], ['speed_eth0', 'auto'], ['duplex_eth0', 'auto'], ['tso_eth0', 'off'],
          ['ipv4addr_eth1', '192.168.128.1'], ['ipv4netmask_eth1', '255.255.255.0'], ['ipv4dhcp_eth1', 'off'],
        ]));
    }
  },
};
