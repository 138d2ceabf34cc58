// Fabric logins (vios.md §4, §2.7). A physical host port logs in with its own WWPN (FLOGI); a virtual FC
// client's WWPN logs in through a physical port (FDISC, N_Port ID Virtualization), which needs an
// NPIV-capable adapter AND an NPIV-capable switch, the physical port logged in first, and a free login
// on the port (tports, 64 by default). A WWPN is logged in at most once in the whole SAN: this is why the
// second WWPN of a client pair exists (LPM: the destination logs in with it while the source still uses
// the first, vios.md §4).
import { hostConnection, npivLoginsVia } from './fc-switch.ts';
import { sanFail } from './san-fail.ts';
import type { SanDoc } from './san-schema.ts';
import { type OpTable, wwpnArg, wwpnOwner } from './san-values.ts';

export type LoginOp =
  | { op: 'login'; initiator: string; via: string }
  | { op: 'logout'; initiator: string }
  /** Make the NPIV logins through `via` exactly `initiators` (the VIOS's vfcmap configuration). */
  | { op: 'syncNpivLogins'; via: string; initiators: string[] };

function login(d: SanDoc, initiatorText: string, viaText: string): void {
  const initiator = wwpnArg(initiatorText, 'the initiator WWPN');
  const via = wwpnArg(viaText, 'the host port WWPN');
  const hc = hostConnection(d, via);
  if (!hc) sanFail('SAN_NOT_CONNECTED', { wwpn: via });
  const { sw, conn } = hc!;
  const current = d.logins.find((l) => l.initiator === initiator);
  if (current) sanFail('SAN_LOGGED_IN', { wwpn: initiator, via: current.via });
  if (initiator !== via) {
    const owner = wwpnOwner(d, initiator);
    if (owner) sanFail('SAN_WWPN_IN_USE', { wwpn: initiator, by: owner });
    if (!conn.npivCapable) sanFail('SAN_NPIV_ADAPTER', { wwpn: initiator, location: conn.location });
    if (!sw.npiv) sanFail('SAN_NPIV_SWITCH', { wwpn: initiator, location: conn.location, switch: sw.name });
    if (!d.logins.some((l) => l.initiator === via)) {
      sanFail('SAN_NOT_LOGGED_IN', { wwpn: via, why: `the physical port ${conn.location} must log in before NPIV logins through it` });
    }
    if (npivLoginsVia(d, via) >= conn.npivLimit) sanFail('SAN_NPIV_LIMIT', { location: conn.location, limit: conn.npivLimit });
  }
  d.logins.push({ initiator, via });
}

function logout(d: SanDoc, initiatorText: string): void {
  const initiator = wwpnArg(initiatorText, 'the initiator WWPN');
  const l = d.logins.find((x) => x.initiator === initiator);
  if (!l) sanFail('SAN_NOT_LOGGED_IN', { wwpn: initiator, why: '' });
  // A physical port logging out takes the NPIV logins through it along (they ride on its link).
  d.logins = l!.initiator === l!.via ? d.logins.filter((x) => x.via !== initiator) : d.logins.filter((x) => x !== l);
}

export const LOGIN_OPS: OpTable<LoginOp> = {
  login(d, op) { login(d, op.initiator, op.via); },
  logout(d, op) { logout(d, op.initiator); },
  syncNpivLogins(d, op) {
    const via = wwpnArg(op.via, 'the host port WWPN');
    const want = new Set(op.initiators.map((w) => wwpnArg(w, 'the initiator WWPNs')));
    want.delete(via);
    if (!d.logins.some((l) => l.initiator === via)) login(d, via, via);
    for (const l of d.logins.filter((x) => x.via === via && x.initiator !== via && !want.has(x.initiator))) logout(d, l.initiator);
    for (const w of want) if (!d.logins.some((l) => l.initiator === w && l.via === via)) login(d, w, via);
  },
};
