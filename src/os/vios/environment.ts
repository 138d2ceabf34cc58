// What a Virtual I/O Server's operating system sees of the machine it runs on (DESIGN.md: "a partition's
// OS reaches hardware only through the hypervisor's virtual or assigned adapters"). The platform computes
// this from the hypervisor (assigned slots, virtual adapters and their partners) and the SAN fabric
// (LUNs visible through the VIOS's own FC ports); the VIOS model only reads it.

export interface PhysicalPortView {
  kind: 'eth' | 'fc';
  /** Port location code, e.g. U78C9.001.WZS0A1B-P1-C3-T1 */
  location: string;
  description: string;
  /** FC ports: the port's own WWPN (16 lower-case hex digits). */
  wwpn?: string;
  /** FC ports: NPIV-capable adapter AND logged in to an NPIV-capable switch (lsnports fabric=1). */
  fabric?: boolean;
  /** FC ports that support NPIV: total and available virtual N_Port logins (tports/aports). */
  npivTotal?: number;
  npivAvailable?: number;
}

export interface DiskView {
  /** Stable identity across restarts and across VIOSes (the LUN's or internal disk's unique id). */
  uid: string;
  kind: 'sas' | 'san';
  /** Disk location code (SAS bay, or FC port + -W<target wwpn>-L<lun>). */
  location: string;
  sizeMB: number;
  description: string;
  /** Short label from the lab (A, B, C… or a LUN name), for humans and tests. */
  label: string;
}

export interface PhysicalAdapterView {
  /** Slot location code (drc_name), e.g. U78C9.001.WZS0A1B-P1-C2 */
  location: string;
  description: string;
  kind: 'eth' | 'fc' | 'sas' | 'other';
  ports: PhysicalPortView[];
  /** Internal disks behind a SAS controller. */
  disks: DiskView[];
}

export interface VirtualAdapterView {
  type: 'scsi' | 'fc' | 'eth' | 'serial';
  /** Virtual slot number on this VIOS. */
  slot: number;
  /** U<type>.<model>.<serial>-V<lpar id>-C<slot> */
  location: string;
  /** scsi/fc server adapters: the configured client (null = any). */
  remoteLparId: number | null;
  remoteSlot: number | null;
  /** The client partition when it exists and its adapter points back here. */
  client?: { lparId: number; name: string; running: boolean; os: 'AIX' | 'Linux' | 'IBM i' | 'VIOS'; slot: number; location: string; wwpns?: [string, string] };
  /** eth only */
  pvid?: number;
  addlVlans?: number[];
  ieee?: boolean;
  trunkPriority?: number; // 0 = not a trunk
  vswitch?: string;
  mac?: string; // 12 upper-case hex digits
}

/**
 * A disk or logical volume of this VIOS that is a paging space device of the shared memory pool (Active
 * Memory Sharing, platform.md §5.4), by its device name on this VIOS, with the shared-memory partition that
 * pages to it now (null: none). The pool belongs to the hypervisor and the HMC; the VIOS learns which of its
 * devices it serves as paging devices from the platform (its paging service, reached through the VASI
 * adapter), and keeps its hands off them (device-usage.ts).
 */
export interface PagingSpaceView {
  device: string;
  client: { lparId: number; name: string } | null;
}

export interface ViosEnvironment {
  lparId: number;
  lparName: string;
  /** `3.1.4.21` */
  ioslevel: string;
  running: boolean;
  rmcActive: boolean;
  physicalAdapters: PhysicalAdapterView[];
  /** SAN LUNs visible through this VIOS's own physical FC port WWPNs (not through NPIV clients). */
  sanDisks: (DiskView & { viaPort: string })[];
  virtualAdapters: VirtualAdapterView[];
  /** Processor frequency in Hz (lsdev -dev proc0 -attr frequency). */
  procFrequencyHz: number;
  /** This VIOS's paging space devices of the shared memory pool (none when it is not a paging VIOS). */
  pagingDevices: PagingSpaceView[];
}
