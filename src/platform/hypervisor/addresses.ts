// Addresses the hypervisor hands out (vios.md §4, §7): MAC addresses of virtual Ethernet adapters from the
// system's 6-hex-digit prefix, unique within the system (the older-level pattern: prefix + LPAR id in 3 hex
// digits + slot in 3 hex digits, VERIFIED on POWER5 data); WWPN pairs of virtual FC client adapters from
// the system's WWPN prefix (c0507…), consecutive, never reused (UNCERTAIN but widely stated).
import { createHash } from 'node:crypto';

/** A locally administered unicast prefix derived from the serial, e.g. `A6F4C2`. */
export function macPrefix(serial: string): string {
  const h = createHash('sha1').update(`mac/${serial}`).digest();
  const first = (h[0] & 0xfc) | 0x02; // locally administered, unicast
  return [first, h[1], h[2]].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

export function generatedMac(prefix: string, lparId: number, slot: number): string {
  return `${prefix}${(lparId & 0xfff).toString(16).padStart(3, '0')}${(slot & 0xfff).toString(16).padStart(3, '0')}`.toUpperCase();
}

/** `c050760` + 5 hex digits from the serial: each system has its own 16 M WWPN space (AvailableWWPNs 65536 in use). */
export function wwpnPrefix(serial: string): string {
  const h = createHash('sha1').update(`wwpn/${serial}`).digest('hex');
  return `c050760${h.slice(0, 5)}`;
}

export function wwpnPair(prefix: string, counter: number): [string, string] {
  const w = (n: number): string => `${prefix}${n.toString(16).padStart(16 - prefix.length, '0')}`;
  return [w(counter), w(counter + 1)];
}

/** A physical FC port's own WWPN (burned into the adapter; Emulex-style `10000090fa…`), stable per slot and port. */
export function physicalFcWwpn(serial: string, drcIndex: string, port: number): string {
  const h = createHash('sha1').update(`pfc/${serial}/${drcIndex}/${port}`).digest('hex');
  return `10000090fa${h.slice(0, 6)}`;
}
