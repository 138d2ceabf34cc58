// The padmin shell's refusals (vios.md §10: exact VIOS texts are UNCERTAIN; these follow the ioscli style
// of naming the device in double quotes). Kept in one table so the wording can be tuned in one place.
// A refusal is thrown as a ViosError; ViosOs.run turns it into stderr and a non-zero exit (§10 SIM-RULE).

export class ViosError extends Error {
  constructor(message: string, readonly exit = 1) { super(message); }
}

const q = (s: string): string => `"${s}"`;

export const VIOS_MSG = {
  usage: (cmd: string, why: string) => `${cmd}: ${why}\nUsage error. Check the command syntax (help ${cmd}) and retry the command.`,
  noDevice: (d: string) => `Device ${q(d)} is not in AVAILABLE state.`,
  wrongType: (d: string, what: string) => `Device ${q(d)} is not ${what}.`,
  notVhost: (d: string) => `Device ${q(d)} is not a Server Virtual SCSI Adapter (SVSA).`,
  notVfchost: (d: string) => `Device ${q(d)} is not a Virtual FC Server Adapter.`,
  nameInUse: (n: string) => `The name ${q(n)} is already used by a device, a volume group or a logical volume on this Virtual I/O Server.`,
  badName: (n: string) => `The name ${q(n)} is not valid: use 1 to 15 letters, digits, _ . or -, starting with a letter.`,
  diskInUse: (d: string, by: string) =>
    `${q(d)} is already being used as ${by}. Specify the -f flag to force this device to be used anyway.`,
  sameVhostTwice: (d: string, vhost: string, vtd: string) =>
    `${q(d)} is already mapped to ${q(vhost)} as ${q(vtd)}; a backing device can be mapped only once to the same adapter.`,
  inVolumeGroup: (d: string, vg: string) => `${q(d)} belongs to volume group ${q(vg)} and cannot be used.`,
  vtdLimit: (vhost: string, max: number) => `${q(vhost)} already has the maximum of ${max} virtual target devices.`,
  notMapped: (d: string) => `${q(d)} is not the backing device of any virtual target device.`,
  busy: (d: string, by: string) => `Method error (/usr/lib/methods/ucfgdevice):\n\t0514-062 Cannot perform the requested function because ${q(d)} is busy (used by ${by}). Use -recursive to remove the devices that depend on it.`,
  busyAttr: (d: string, by: string) => `Method error (/usr/lib/methods/chgdevice):\n\t0514-062 Cannot perform the requested function because ${q(d)} is busy (used by ${by}). Use -perm to change the attribute in the database only.`,
  vgBusy: (d: string, vg: string) => `${q(d)} belongs to volume group ${q(vg)}; remove it from the volume group first.`,
  // Active Memory Sharing (platform.md §5.4). UNCERTAIN: the real VIOS texts are not in the reference; these
  // follow the messages above. Neither -f nor -recursive overrides them: the device is the hypervisor's.
  pagingDevice: (d: string, by: string) =>
    `${q(d)} is used by ${by}. It cannot be mapped, put in a volume group or removed; remove the paging space device from the shared memory pool on the management console first.`,
  // §2.9 SIM-RULES for -sea
  notTrunk: (d: string) => `${q(d)} is not a trunk virtual Ethernet adapter ("Use this adapter for Ethernet bridging") of this Virtual I/O Server.`,
  trunkCount: (n: number) => `A Shared Ethernet Adapter needs 1 to 16 trunk virtual Ethernet adapters (${n} given).`,
  defaultNotListed: (d: string) => `The default adapter ${q(d)} must be one of the adapters given with -vadapter.`,
  wrongDefaultId: (id: string, d: string, pvid: number) => `The default PVID ${id} does not match the PVID ${pvid} of the default adapter ${q(d)}.`,
  badRealAdapter: (d: string) => `${q(d)} cannot back a Shared Ethernet Adapter: it must be a physical Ethernet adapter or a link aggregation.`,
  adapterUsed: (d: string, by: string) => `${q(d)} is already used by ${by}.`,
  vlanOverlap: (vlan: number, a: string, b: string) => `VLAN ${vlan} is bridged by both ${q(a)} and ${q(b)}; the trunk adapters of one Shared Ethernet Adapter must carry different VLANs.`,
  vlanExists: (base: string, tag: number, dev: string) => `VLAN ${tag} on ${q(base)} already exists as ${q(dev)}.`,
  vswitchMix: (a: string, b: string) => `${q(a)} and ${q(b)} are on different virtual switches; the trunk adapters of one Shared Ethernet Adapter must be on the same virtual switch.`,
  badCtlChan: (d: string) => `${q(d)} cannot be the control channel: it must be a non-trunk virtual Ethernet adapter not used by another Shared Ethernet Adapter.`,
  sharingNeedsTwo: () => 'ha_mode=sharing needs at least two trunk adapters.',
  // attributes
  badAttr: (d: string, a: string) => `Attribute ${q(a)} is not valid for device ${q(d)}.`,
  attrNotSettable: (d: string, a: string) => `Attribute ${q(a)} of device ${q(d)} cannot be changed.`,
  badValue: (a: string, v: string, why: string) => `The value ${q(v)} is not valid for attribute ${q(a)}: ${why}.`,
  rrSinglePath: (d: string) => `${q(d)}: algorithm=round_robin cannot be used with reserve_policy=single_path.`,
  // NPIV (§2.7, §4)
  notNpiv: (p: string) => `${q(p)} is not an NPIV-capable physical Fibre Channel port logged in to an NPIV-capable switch (fabric=0).`,
  noNpivPorts: (p: string) => `${q(p)} has no available NPIV ports (aports=0).`,
  vfcMapped: (v: string, p: string) => `${q(v)} is already mapped to ${q(p)}; unmap it first with vfcmap -vadapter ${v} -fcp.`,
  // LVM
  vgExists: (vg: string) => `Volume group ${q(vg)} does not exist.`,
  noSpace: (vg: string, need: number, free: number) => `Volume group ${q(vg)} has ${free} free partitions; ${need} are needed.`,
  lvUnplaced: (vg: string, lv: string) => `The physical partitions of logical volume ${q(lv)} cannot be located: a physical volume of volume group ${q(vg)} is missing.`,
  badSize: (s: string) => `The size ${q(s)} is not valid. Give megabytes (512M) or gigabytes (2G).`,
  restricted: (c: string) => `rksh: ${c}: restricted`,
  oemSetupEnv: () => 'oem_setup_env: the simulated Virtual I/O Server has no root shell; only the restricted padmin (ioscli) commands are available.',
  unsupported: (what: string) => `${what} is not supported by the simulated Virtual I/O Server.`,
  shellSyntax: () => 'rksh: the padmin shell of the simulated Virtual I/O Server runs one command per line: pipes, command lists, background jobs and command substitution are not supported.',
} as const;

export function fail(message: string, exit = 1): never {
  throw new ViosError(message, exit);
}
