// The hypervisor's utilization counters across a restart of the simulator: the partitions kept running,
// so their counters must not fall back to zero (a tool computing Δ between two samples would see negative
// use). Saved when the simulator stops cleanly; after a crash they start again from zero, as after an IPL.
import type { NvramStore } from '../platform/fsp/nvram.ts';
import type { ManagedSystem } from '../platform/managed-system.ts';
import type { CountersState } from '../platform/hypervisor/runtime/cycle-counters.ts';

const KEY = 'counters';

/** Restores the system's counters from the store; returns what saves them (call before closing). */
export function keepRuntimeCounters(sys: ManagedSystem, store: NvramStore): () => void {
  const loaded = store.load();
  const saved = loaded.kind === 'ok' ? loaded.entries.get(KEY) as CountersState | undefined : undefined;
  if (saved && typeof saved.elapsedMs === 'number' && Array.isArray(saved.lpars)) sys.runtime.importCounters(saved);
  return () => {
    store.replaceAll(new Map([[KEY, sys.runtime.exportCounters()]]));
    store.close();
  };
}
