import type { PartitionSnapshot } from './types/partition.ts';
import type { ProcPoolSnapshot, SysProfSnapshot, SystemSnapshot } from './types/system.ts';

/**
 * What a managed system tells the HMCs connected to it after every committed change (DESIGN.md "How a
 * change flows": the HMC cache, REST event feed and audit log all listen to this one stream).
 * Each event carries the whole new state of the entity it names, so a listener never needs to ask back.
 */
export type SystemEvent =
  | { kind: 'system'; data: SystemSnapshot }
  | { kind: 'partition'; data: PartitionSnapshot }
  | { kind: 'partition-removed'; lpar_id: number }
  | { kind: 'pool'; data: ProcPoolSnapshot }
  | { kind: 'sysprof'; data: SysProfSnapshot }
  | { kind: 'sysprof-removed'; name: string }
  /** Partition data was replaced wholesale (restore, recovery): listeners should resynchronize. */
  | { kind: 'resync' };

export interface EventBatch {
  mtms: string;
  seq: number;
  events: SystemEvent[];
}
