// Managed-system and partition states, spelled as the HMC CLI prints them (reference/platform.md §3, §7.4).
// REST uses the same words in lower case.

export const SystemState = {
  Operating: 'Operating',
  Standby: 'Standby',
  PowerOff: 'Power Off',
  PowerOffInProgress: 'Power Off In Progress',
  Initializing: 'Initializing',
  Error: 'Error',
  NoConnection: 'No Connection',
  Incomplete: 'Incomplete',
  Recovery: 'Recovery',
  PendingAuthentication: 'Pending Authentication - Password Updates Required',
  FailedAuthentication: 'Failed Authentication',
} as const;
export type SystemState = (typeof SystemState)[keyof typeof SystemState];

export const PartitionState = {
  NotActivated: 'Not Activated',
  Starting: 'Starting',
  Running: 'Running',
  OpenFirmware: 'Open Firmware',
  ShuttingDown: 'Shutting Down',
  Error: 'Error',
  NotAvailable: 'Not Available',
  HardwareDiscovery: 'Hardware Discovery',
} as const;
export type PartitionState = (typeof PartitionState)[keyof typeof PartitionState];

/** States in which a partition holds resources (fence_lpar treats these as "on"). */
export const ACTIVE_STATES: ReadonlySet<PartitionState> = new Set([
  PartitionState.Starting, PartitionState.Running, PartitionState.OpenFirmware, PartitionState.ShuttingDown,
  PartitionState.Error,
]);

export type RmcState = 'active' | 'inactive' | 'none';
