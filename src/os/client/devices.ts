// Device names a client partition's AIX-like OS gives its virtual adapters and disks (configuration order:
// adapters by virtual slot within each kind, disks by label). Shared by every client command so that
// ent0/en0, vscsi0, fcs0/fscsi0 and hdisk0 mean the same thing in lsdev, ifconfig, lspath and dd.
import type { ManagedSystem, Partition } from '../../platform/managed-system.ts';
import type { PartitionOses } from '../partition-oses.ts';
import { clientDisks, type ClientDisk, type VisibilityContext } from './visibility.ts';

export interface ClientAdapter {
  /** ent0, vscsi0, fcs0 */
  name: string;
  kind: 'eth' | 'scsi' | 'fc';
  /** Virtual slot number of the adapter in this partition. */
  slot: number;
  description: string;
}

export interface NamedDisk extends ClientDisk { name: string }

export function clientAdapters(p: Partition): ClientAdapter[] {
  const io = p.run.alloc?.virtual_io ?? { eth: [], scsi: [], fc: [] };
  const out: ClientAdapter[] = [];
  io.eth.slice().sort((a, b) => a.slot - b.slot).forEach((a, i) => out.push({ name: `ent${i}`, kind: 'eth', slot: a.slot, description: 'Virtual I/O Ethernet Adapter (l-lan)' }));
  io.scsi.filter((a) => a.adapter_type === 'client').sort((a, b) => a.slot - b.slot).forEach((a, i) => out.push({ name: `vscsi${i}`, kind: 'scsi', slot: a.slot, description: 'Virtual SCSI Client Adapter' }));
  io.fc.filter((a) => a.adapter_type === 'client').sort((a, b) => a.slot - b.slot).forEach((a, i) => out.push({ name: `fcs${i}`, kind: 'fc', slot: a.slot, description: 'Virtual Fibre Channel Client Adapter' }));
  return out;
}

/** The disks the client sees now, named hdisk0.. in label order. */
export function namedDisks(sys: ManagedSystem, oses: PartitionOses, p: Partition, ctx?: VisibilityContext): NamedDisk[] {
  return clientDisks(sys, oses, p, ctx).map((d, i) => ({ ...d, name: `hdisk${i}` }));
}
