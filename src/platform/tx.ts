/**
 * The record of what one change touched. Operations validate everything first, then mutate the
 * system and mark what they changed here; ManagedSystem.change() then persists exactly those entities
 * to NVRAM and emits one event batch (the one path every state change takes).
 */
export class Tx {
  readonly partitions = new Set<number>();
  readonly removedPartitions = new Set<number>();
  readonly pools = new Set<number>();
  readonly sysprofs = new Set<string>();
  readonly removedSysprofs = new Set<string>();
  system = false;
  resync = false;
  /** Undo actions for changes that mutate in several steps (e.g. a system profile activating many partitions). */
  readonly undo = new Map<object, () => void>();
  /** Remember how to put `key` back if the change fails later; only the first registration counts. */
  guard(key: object, restore: () => void): void { if (!this.undo.has(key)) this.undo.set(key, restore); }
  touchPartition(id: number): void { this.partitions.add(id); this.removedPartitions.delete(id); }
  removePartition(id: number): void { this.partitions.delete(id); this.removedPartitions.add(id); }
  touchPool(id: number): void { this.pools.add(id); }
  touchSysprof(name: string): void { this.sysprofs.add(name); this.removedSysprofs.delete(name); }
  removeSysprof(name: string): void { this.sysprofs.delete(name); this.removedSysprofs.add(name); }
  touchSystem(): void { this.system = true; }
  get empty(): boolean {
    return !this.system && !this.resync && this.partitions.size === 0 && this.removedPartitions.size === 0 &&
      this.pools.size === 0 && this.sysprofs.size === 0 && this.removedSysprofs.size === 0;
  }
}
