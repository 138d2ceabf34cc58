// What the client's AIX says about each kind of device: ODM class, subclass and type (lsdev -c/-s/-t and
// -F), the description lsdev and lscfg print, and the devices every AIX partition has whatever its virtual
// adapters (sys0, sysplanar0, vio0, vsa0, vty0, mem0, inet0, lo0). The disk and adapter descriptions are the
// ones vios.md §1.1 names ("Virtual SCSI Disk Drive"; "MPIO FC 2145" as the VIOS shows SAN disks); the rest
// of the wording and every class/subclass/type value are AIX as we know it, not in reference/ (UNCERTAIN).

export interface DeviceType { cls: string; subclass: string; type: string; description: string }

export const DEVICE_TYPES = {
  ent: { cls: 'adapter', subclass: 'vdevice', type: 'IBM,l-lan', description: 'Virtual I/O Ethernet Adapter (l-lan)' },
  vscsi: { cls: 'adapter', subclass: 'vdevice', type: 'IBM,v-scsi', description: 'Virtual SCSI Client Adapter' },
  fcs: { cls: 'adapter', subclass: 'vdevice', type: 'IBM,vfc-client', description: 'Virtual Fibre Channel Client Adapter' },
  fscsi: { cls: 'driver', subclass: 'vio', type: 'efscsi', description: 'FC SCSI I/O Controller Protocol Device' },
  hdiskVscsi: { cls: 'disk', subclass: 'vscsi', type: 'vdisk', description: 'Virtual SCSI Disk Drive' },
  hdiskVfc: { cls: 'disk', subclass: 'fcp', type: 'mpioosdisk', description: 'MPIO FC 2145' },
  en: { cls: 'if', subclass: 'EN', type: 'en', description: 'Standard Ethernet Network Interface' },
  et: { cls: 'if', subclass: 'EN', type: 'ie3', description: 'IEEE 802.3 Ethernet Network Interface' },
  lo: { cls: 'if', subclass: 'LO', type: 'lo', description: 'Loopback Network Interface' },
  inet: { cls: 'tcpip', subclass: 'TCPIP', type: 'inet', description: 'Internet Network Extension' },
  sys: { cls: 'sys', subclass: 'node', type: 'chrp', description: 'System Object' },
  sysplanar: { cls: 'planar', subclass: 'sys', type: 'sysplanar_rspc', description: 'System Planar' },
  vio: { cls: 'bus', subclass: 'chrp', type: 'vdevice', description: 'Virtual I/O Bus' },
  vsa: { cls: 'adapter', subclass: 'vdevice', type: 'hvterm1', description: 'LPAR Virtual Serial Adapter' },
  vty: { cls: 'tty', subclass: 'vcon', type: 'tty', description: 'Asynchronous Terminal' },
  mem: { cls: 'memory', subclass: 'sys', type: 'totmem', description: 'Memory' },
  proc: { cls: 'processor', subclass: 'sys', type: 'proc_rspc', description: 'Processor' },
} as const satisfies Record<string, DeviceType>;

/**
 * Processors are named by their first logical CPU: procN with N stepping by the SMT threads per core
 * (proc0, proc4, proc8 … in SMT4; UNCERTAIN which SMT mode a partition boots in, so configurable here).
 */
export const PROC_NAME_STEP = 4;

/** Virtual slot of the virtual serial adapter (the console) of every partition: slot 0 (platform.md). */
export const VSA_SLOT = 0;

/**
 * Column widths of the listings (UNCERTAIN: AIX pads to the longest name; these keep the formats the
 * earlier client model printed and the tests pin): lsdev name column, lspv NAME and PVID columns.
 */
export const WIDTHS = { lsdevName: 8, lsdevStatus: 10, lspvName: 16, lspvPvid: 36, lspvVg: 16, lscfgName: 17, lscfgLocation: 45 } as const;
