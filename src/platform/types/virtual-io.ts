// Virtual adapters as typed records (platform.md §7.3); parsing and printing live in hypervisor/virtual-adapters.ts.

export interface VirtualEthAdapter {
  slot: number; is_ieee: 0 | 1; port_vlan_id: number; addl_vlan_ids: number[]; trunk_priority: number; is_required: 0 | 1;
  vswitch: string; mac_addr: string; allowed_os_mac_addrs: string; qos_priority: string;
}
export interface VirtualScsiAdapter {
  slot: number; adapter_type: 'client' | 'server'; remote_lpar_id: number | null; remote_lpar_name: string; remote_slot_num: number | null; is_required: 0 | 1;
}
export interface VirtualFcAdapter extends VirtualScsiAdapter { wwpns: [string, string] | null }
export interface VirtualIo { eth: VirtualEthAdapter[]; scsi: VirtualScsiAdapter[]; fc: VirtualFcAdapter[] }

