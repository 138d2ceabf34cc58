// The lab's LAN directives (the network administrator's side, like `@san` for the storage one):
//   @lan-switch NAME
//   @lan-cable SYS SLOT PORT SWITCH [native=VLAN] [vlans=all|V1,V2,…] [group=NAME]
//   @lan-host SWITCH NAME IP/PREFIX VLAN [mac=HEX12]
// A cabled switch port defaults to an 802.1Q trunk with native VLAN 1 carrying every VLAN tagged.
import type { EthernetLan } from './ethernet-lan.ts';
import { LanError } from './lan-error.ts';

const opts = (words: string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const w of words) {
    const m = /^([a-z]+)=(.*)$/.exec(w);
    if (!m) throw new LanError(`${w} is not an option of the form key=value.`);
    out[m[1]] = m[2];
  }
  return out;
};

const int = (s: string | undefined, what: string): number => {
  if (s === undefined || !/^\d+$/.test(s)) throw new LanError(`${what} must be a number, not ${s ?? 'nothing'}.`);
  return Number(s);
};

/**
 * Apply one directive (its words without the `@`); false when the directive is not a LAN one.
 * `portLocation(sys, slot, port)` resolves a physical Ethernet port's location code (or throws).
 */
export function lanDirective(lan: EthernetLan, w: string[], portLocation: (sys: string, slot: string, port: number) => string): boolean {
  const need = (i: number, what: string): string => {
    if (w[i] === undefined) throw new LanError(`@${w[0]}: ${what} is missing.`);
    return w[i];
  };
  switch (w[0]) {
    case 'lan-switch':
      lan.mkswitch(need(1, 'the switch name'));
      return true;
    case 'lan-cable': {
      const location = portLocation(need(1, 'the managed system'), need(2, 'the slot'), int(need(3, 'the port number'), 'The port number'));
      const o = opts(w.slice(5));
      const unknown = Object.keys(o).filter((k) => !['native', 'vlans', 'group'].includes(k));
      if (unknown.length) throw new LanError(`@lan-cable does not know the option ${unknown[0]} (native, vlans, group).`);
      const vlans = o.vlans === undefined || o.vlans === 'all' ? 'all' as const : o.vlans.split(',').map((v) => int(v, 'A VLAN id'));
      lan.cable({ switch: need(4, 'the switch name'), location, native: o.native === undefined ? 1 : int(o.native, 'The native VLAN'), vlans, ...(o.group ? { group: o.group } : {}) });
      return true;
    }
    case 'lan-host': {
      const [ip, prefix] = need(3, 'IP/PREFIX').split('/');
      const o = opts(w.slice(5));
      lan.addHost({ switch: need(1, 'the switch name'), name: need(2, 'the host name'), ip, prefix: int(prefix, 'The prefix length'), vlan: int(need(4, 'the VLAN'), 'The VLAN'), ...(o.mac ? { mac: o.mac } : {}) });
      return true;
    }
    default:
      return false;
  }
}
