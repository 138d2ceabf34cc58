// The fabric as hosts reach it: the SanAccess face that os/vios reads (os/san-access.ts). Hosts only
// read what their initiators see and keep their NPIV logins in step; they never change zoning or masking.
import type { SanAccess, SanLun } from '../../os/san-access.ts';
import type { SanFabric } from './san-fabric.ts';

export function sanAccess(fabric: SanFabric): SanAccess {
  return {
    visibleLuns: (initiatorWwpn, viaHostPortWwpn): SanLun[] =>
      fabric.visibleLuns(initiatorWwpn, viaHostPortWwpn).map((l) => ({ uid: l.uid, label: l.label, sizeMB: l.sizeMB, targetWwpn: l.targetWwpn, lunId: l.lunId })),
    portInfo: (hostPortWwpn) => {
      const i = fabric.npivPortInfo(hostPortWwpn);
      return i && { fabric: i.fabric === 1, npivTotal: i.tports, npivAvailable: i.aports };
    },
    syncNpivLogins: (hostPortWwpn, clientWwpns) => fabric.syncNpivLogins(hostPortWwpn, clientWwpns),
    lunLocation: (loc, targetWwpn, lunId) => fabric.lunLocation(loc, targetWwpn, lunId),
  };
}
