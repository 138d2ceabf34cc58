// Hypervisor paging of Active Memory Sharing (platform.md §5.4): the shared-memory partitions' logical memory
// may overcommit the shared memory pool; when what they use does not fit, the hypervisor pages the excess to
// their paging devices on the paging VIOS, favouring partitions with a higher memory weight. Pure functions,
// called by the runtime engine every simulated step; the core works on plain or typed arrays.
//
// The model (the reference gives no formula: UNCERTAIN, documented here):
//   capacity C = pool − sys_firmware_pool_mem − Σ I/O entitled memory      (never below 0)
//   demand  d_i = min(in-use_i, logical_i)                                  (a partition uses at most its logical memory)
//   Σ d ≤ C  → every partition fully resident, nothing paged.
//   Σ d > C  → the shortfall S = Σ d − C is paged out. Partitions of weight 0 lose first (in proportion to
//              their demand). The rest is water-filled: partition i loses  L_i = min(d_i, λ · d_i / w_i),
//              with λ chosen so that Σ L_i = S. The paged-out fraction L_i / d_i = min(1, λ / w_i) falls as
//              the weight rises, so a higher-weight partition keeps more of its in-use memory resident, and no
//              partition loses more than it uses.
// Page faults: a workload that touches `intensity` × its in-use memory per second misses on a paged-out page
// with probability (paged / in-use)^localityExponent (cold pages are paged out first, so misses are rarer
// than the paged fraction); each miss is one page-in of pageSizeKB taking pageInLatencyUs; a paging device
// serves at most maxPageInsPerSec. Constants: SimConfig.ams.
import { defaultConfig, type SimConfig } from '../../../sim/config.ts';

export interface AmsPartitionDemand { logicalMB: number; inUseMB: number; weight: number; ioEntitledMB: number }
export interface AmsPartitionShare { residentMB: number; pagedOutMB: number }

export interface AmsTotals {
  /** Memory of the pool that can hold logical pages: pool − firmware − Σ I/O entitled (≥ 0). */
  capacityMB: number;
  /** Σ in-use memory (each capped at its logical memory). */
  demandMB: number;
  residentMB: number;
  pagedOutMB: number;
  /** True when the in-use memory did not fit and the hypervisor pages. */
  overcommitted: boolean;
}

export interface AmsAllocation extends AmsTotals { parts: AmsPartitionShare[] }

type Num = ArrayLike<number>;
type Out = { [i: number]: number; length: number };

const demandOf = (inUse: number, logical: number): number => (inUse > 0 ? Math.min(inUse, Math.max(0, logical)) : 0);

/**
 * The core on parallel arrays (structure of arrays): writes resident and paged-out MB per partition into
 * `resident` and `paged` (length ≥ n) and returns the totals. Allocates only a small index array.
 */
export function amsAllocateInto(
  poolMB: number, firmwareMB: number, logical: Num, inUse: Num, weight: Num, ioEntitled: Num, resident: Out, paged: Out,
): AmsTotals {
  const n = logical.length;
  let io = 0, demand = 0, zeroDemand = 0;
  for (let i = 0; i < n; i++) {
    io += Math.max(0, ioEntitled[i]);
    const d = demandOf(inUse[i], logical[i]);
    resident[i] = d;
    paged[i] = 0;
    demand += d;
    if (!(weight[i] > 0)) zeroDemand += d;
  }
  const capacity = Math.max(0, poolMB - firmwareMB - io);
  if (demand <= capacity) return { capacityMB: capacity, demandMB: demand, residentMB: demand, pagedOutMB: 0, overcommitted: false };
  let short = demand - capacity;
  // Weight 0 is the lowest priority: those partitions are paged first.
  if (zeroDemand > 0) {
    const f = Math.min(1, short / zeroDemand);
    for (let i = 0; i < n; i++) if (!(weight[i] > 0)) { paged[i] = resident[i] * f; resident[i] -= paged[i]; }
    short -= zeroDemand * f;
  }
  if (short > 0) waterFill(n, weight, resident, paged, short);
  let res = 0;
  for (let i = 0; i < n; i++) res += resident[i];
  return { capacityMB: capacity, demandMB: demand, residentMB: res, pagedOutMB: demand - res, overcommitted: true };
}

/** Loss L_i = min(d_i, λ d_i / w_i) over the positive-weight partitions, Σ L = short. */
function waterFill(n: number, weight: Num, resident: Out, paged: Out, short: number): void {
  const order: number[] = [];
  let sumDW = 0;
  for (let i = 0; i < n; i++) if (weight[i] > 0 && resident[i] > 0) { order.push(i); sumDW += resident[i] / weight[i]; }
  order.sort((a, b) => weight[a] - weight[b]);
  // Lowest weights first: a partition whose weight is ≤ λ loses all it uses; then λ is recomputed. When the
  // remaining d/w sum vanishes (nothing left, or values too small for a double), λ is infinite: all goes.
  let k = 0, rest = short, lambda = 0;
  while (k < order.length) {
    lambda = sumDW > 0 ? rest / sumDW : Infinity;
    const i = order[k];
    if (weight[i] > lambda) break;
    rest -= resident[i];
    sumDW -= resident[i] / weight[i];
    paged[i] += resident[i];
    resident[i] = 0;
    k++;
  }
  for (let j = k; j < order.length; j++) {
    const i = order[j];
    const loss = resident[i] * Math.min(1, Math.max(0, lambda / weight[i]));
    paged[i] += loss;
    resident[i] -= loss;
  }
}

/** amsAllocate(pool, firmware, partitions) → per partition resident and paged-out MB, plus totals. */
export function amsAllocate(poolMB: number, firmwareMB: number, parts: readonly AmsPartitionDemand[]): AmsAllocation {
  const n = parts.length;
  const resident = new Array<number>(n), paged = new Array<number>(n);
  const t = amsAllocateInto(
    poolMB, firmwareMB, parts.map((p) => p.logicalMB), parts.map((p) => p.inUseMB), parts.map((p) => p.weight), parts.map((p) => p.ioEntitledMB),
    resident, paged,
  );
  return { ...t, parts: resident.map((r, i) => ({ residentMB: r, pagedOutMB: paged[i] })) };
}

export type AmsPagingConstants = Pick<SimConfig['ams'], 'pageSizeKB' | 'localityExponent' | 'pageInLatencyUs' | 'maxPageInsPerSec'>;
const DEFAULTS: AmsPagingConstants = defaultConfig().ams;

export interface AmsPagingRate {
  /** Hypervisor page faults (page-ins) per second. */
  pageFaultsPerSec: number;
  /** Time the partition's threads wait for page-ins, in µs per second. */
  pageInDelayUsPerSec: number;
}

/**
 * Page faults and page-in delay per second of a partition with `pagedOutMB` of its `inUseMB` paged out, whose
 * workload touches `accessIntensity` × its in-use memory per second (0 = idle, 1 = all of it every second).
 */
export function amsPagingRate(pagedOutMB: number, inUseMB: number, accessIntensity: number, c: AmsPagingConstants = DEFAULTS): AmsPagingRate {
  if (!(pagedOutMB > 0 && inUseMB > 0 && accessIntensity > 0)) return { pageFaultsPerSec: 0, pageInDelayUsPerSec: 0 };
  const pagesTouched = accessIntensity * inUseMB * (1024 / c.pageSizeKB);
  const miss = Math.min(1, pagedOutMB / inUseMB) ** c.localityExponent;
  const faults = Math.min(pagesTouched * miss, c.maxPageInsPerSec);
  return { pageFaultsPerSec: faults, pageInDelayUsPerSec: faults * c.pageInLatencyUs };
}
