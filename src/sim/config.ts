// Every value the reference marks UNCERTAIN lives here, not in code (reference/README.md rule 3).
// The defaults are sensible choices; `--config <file.json>` overrides any of them. Unknown keys are
// rejected so that a typo in a config file is not silently ignored.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Timings = z.strictObject({
  /** Power On → Initializing → Operating/Standby (platform.md §3: duration UNCERTAIN). */
  systemPowerOnMs: z.number().nonnegative().default(3000),
  /** Power Off In Progress → Power Off for a normal power off. */
  systemPowerOffMs: z.number().nonnegative().default(2000),
  /**
   * Activation → the OS's login prompt: firmware, boot codes, OS boot (boot-sequence.ts). A real AIX
   * partition takes minutes; we keep the shape and compress the time (UNCERTAIN). 0: at once.
   */
  partitionBootMs: z.number().nonnegative().default(30_000),
  /** Shutting Down → Not Activated for a delayed (OS) shutdown. */
  partitionShutdownMs: z.number().nonnegative().default(10_000),
  /** Running → RMC active (the RMC daemon connects to the HMC some time after boot). */
  rmcActiveDelayMs: z.number().nonnegative().default(15_000),
}).prefault({});

const Hypervisor = z.strictObject({
  /** Hypervisor memory: base + percent of installed memory (platform.md §5.2 SIM-RULE). */
  firmwareBaseMB: z.number().nonnegative().default(512),
  firmwarePercentOfInstalled: z.number().nonnegative().default(1.5),
  /** Memory per virtual adapter (TCE tables); only slots in use count. */
  firmwareMBPerVirtualAdapter: z.number().nonnegative().default(0.5),
  /** Floor for min_mem (platform.md §5.1: pypowervm MEM_LOW_BOUND). */
  minMemFloorMB: z.number().positive().default(128),
  /** Logical serial numbers above id 35: 'hex2' (two hex digits, as one sample showed) or 'base36'. */
  logicalSerialStrategy: z.enum(['hex2', 'base36']).default('hex2'),
}).prefault({});

/** The hypervisor's runtime: how partitions' demand turns into processor time (issue "Runtime" items 2, 3). */
const Runtime = z.strictObject({
  /** Timebase of the cycle counters (lslparutil time_cycles per second; UNCERTAIN, 512 MHz as on POWER). */
  procCyclesPerSecond: z.number().positive().default(512_000_000),
  /** Long-horizon step: intervals are integrated in steps of this length on each step's mean demand. */
  longHorizonStepMs: z.number().positive().default(60_000),
  /** Intervals up to this length are dispatched window by window (10 ms) instead. */
  windowModeMaxMs: z.number().nonnegative().default(1_000),
  /** A partition with no workload set: an idle OS (UNCERTAIN). */
  idleDemandPU: z.number().nonnegative().default(0.02),
  idleMemInUsePercent: z.number().min(0).max(100).default(40),
  /** How well an unspecified workload's memory compresses for AME (fraction saved; UNCERTAIN). */
  defaultCompressibility: z.number().positive().max(1).default(0.5),
}).prefault({});

/**
 * Active Memory Sharing (platform.md §5.4): the amounts the reference leaves UNCERTAIN, and the constants of
 * the hypervisor paging model (src/platform/hypervisor/memory/ams-paging.ts).
 */
const Ams = z.strictObject({
  /** Hypervisor memory reserved in the pool ("reserved firmware memory comes out of it"): base + percent of the maximum pool size, plus the page tables of active shared-memory partitions. */
  poolFirmwareBaseMB: z.number().nonnegative().default(256),
  poolFirmwarePercentOfMax: z.number().nonnegative().default(1),
  /** I/O entitled memory when a profile says `auto`: base + per virtual adapter, by adapter type. */
  ioEntitledBaseMB: z.number().nonnegative().default(64),
  ioEntitledPerEthMB: z.number().nonnegative().default(16),
  ioEntitledPerScsiMB: z.number().nonnegative().default(16),
  ioEntitledPerFcMB: z.number().nonnegative().default(128),
  /** IBM i needs a paging device larger than its maximum memory (formula UNCERTAIN): size ≥ max_mem × this. */
  ibmiPagingDeviceFactor: z.number().min(1).default(1),
  /** Whether a shared-memory partition may also use Active Memory Expansion ("not combinable on some levels"). */
  ameWithAms: z.boolean().default(true),
  /** Paging model: the hypervisor pages in units of this size. */
  pageSizeKB: z.number().positive().default(4),
  /** How much more a workload touches its resident pages than its paged-out (cold) ones: miss ratio = paged fraction ^ this. */
  localityExponent: z.number().min(1).default(2),
  /** Time one page-in from the paging VIOS's device takes (µs). */
  pageInLatencyUs: z.number().nonnegative().default(4000),
  /** Page-ins per second one paging device can serve (the fault rate is capped there). */
  maxPageInsPerSec: z.number().positive().default(25_000),
  /** Memory access intensity of a workload that does not give one: the fraction of its in-use memory it touches per second. */
  defaultAccessIntensity: z.number().nonnegative().default(0.05),
}).prefault({});

/** Active Memory Expansion CPU cost (platform.md §5.5; the model in src/platform/hypervisor/memory/ame-cost.ts, UNCERTAIN). */
const Ame = z.strictObject({
  /** Extra processing units per busy processing unit when all of the partition's memory is held compressed. */
  cpuPerCompressedFraction: z.number().nonnegative().default(0.25),
  /** A factor the data's compressibility cannot reach: extra PU per busy PU per unit by which the needed compressed fraction exceeds 1. */
  overshootPenalty: z.number().nonnegative().default(2),
  /** With the POWER8+/POWER9 compression accelerator (hardware_mem_expansion) the cost is multiplied by this. */
  hardwareCostFactor: z.number().min(0).max(1).default(0.2),
}).prefault({});

/**
 * Ethernet data path (src/platform/hypervisor/ethernet/, src/os/network/): the latency model behind ping
 * times, AIX-side choices and queue limits. Every latency is UNCERTAIN (vios.md §7 says only "memory-copy
 * speed" inside the box); the defaults give sub-millisecond round trips, more through an SEA.
 */
const Network = z.strictObject({
  /** One hop through the hypervisor's virtual switch: fixed cost and per byte (memory copy). */
  vswitchHopUs: z.number().nonnegative().default(12),
  vswitchNsPerByte: z.number().nonnegative().default(0.2),
  /** The SEA's bridging in the VIOS, per frame, each way. */
  seaBridgeUs: z.number().nonnegative().default(45),
  /** Serialization on a physical link (8 ns per byte = 1 Gb/s) and the external switch's forwarding. */
  wireNsPerByte: z.number().nonnegative().default(8),
  lanSwitchUs: z.number().nonnegative().default(4),
  /** An OS's network stack, per packet it answers or receives. */
  stackUs: z.number().nonnegative().default(15),
  /** Loopback round trip (ping to an own address). */
  loopbackUs: z.number().nonnegative().default(20),
  /** AIX prints ping times in whole milliseconds (UNCERTAIN for newer levels, which may print decimals). */
  pingTimeDecimals: z.number().int().min(0).max(3).default(0),
  /** Echo requests `ping HOST` sends without -c (AIX pings until interrupted; a command here must end). */
  pingDefaultCount: z.number().int().positive().default(5),
  /** TTL in packets a partition sends (AIX 255, Linux 64; UNCERTAIN). */
  aixTtl: z.number().int().min(1).max(255).default(255),
  linuxTtl: z.number().int().min(1).max(255).default(64),
  /** TTL of the external LAN's hosts' packets. */
  lanHostTtl: z.number().int().min(1).max(255).default(64),
  /** ARP cache entry lifetime (AIX arpt_killc: 20 minutes). */
  arpTimeoutMs: z.number().positive().default(20 * 60_000),
  /** Prefix length given to the address from `@os` (SIM choice: a /24). */
  initialPrefixLength: z.number().int().min(1).max(32).default(24),
  /** Frame queue slots, and frames one delivery may carry before a cabling loop is cut off. */
  queueCapacity: z.number().int().positive().default(4096),
  maxFramesPerDrain: z.number().int().positive().default(1_000_000),
}).prefault({});

const ProfileDefaults = z.strictObject({
  max_virtual_slots: z.number().int().default(20),
  hpt_ratio: z.string().default('1:64'),
  dedicatedSharingMode: z.string().default('share_idle_procs'),
  uncap_weight: z.number().int().default(128),
  mem_weight: z.number().int().default(128),
  lpar_avail_priority_client: z.number().int().default(127),
  lpar_avail_priority_vios: z.number().int().default(191),
}).prefault({});

const Hmc = z.strictObject({
  hostname: z.string().default('hmc01'),
  domain: z.string().default('example.com'),
  ipaddr: z.string().default('10.1.2.34'),
  /** hmc-cli.md §5: the only live capture shows errors on stdout. */
  errorStream: z.enum(['stdout', 'stderr']).default('stdout'),
  /** hmc-cli.md §6.1: the V9 form satisfies every client; V10 plain form is optional. */
  versionForm: z.enum(['v9', 'v10']).default('v9'),
  version: z.number().int().default(9),
  release: z.number().int().default(2),
  servicePack: z.number().int().default(950),
  buildLevel: z.string().default('2109150411'),
  fixes: z.array(z.string()).default(['MH01890 - HMC V9R2 M950']),
  model: z.string().default('7063-CR2'),
  /** scrypt cost for HMC user passwords (the real HMC's hashing is not public; UNCERTAIN). */
  passwordHashCost: z.number().int().min(2).default(4096),
  /** How often an HMC retries a lost link to a system (UNCERTAIN). */
  reconnectIntervalMs: z.number().positive().default(2000),
  serial: z.string().default('2130A8X'),
  /** chlparutil/lslparutil (hmc-cli.md §6.8): sample rates an HMC accepts, in seconds; 0 = disabled (UNCERTAIN). */
  utilSampleRates: z.array(z.number().int().nonnegative()).default([0, 30, 60, 300, 900, 1800, 3600]),
  /** Sample rate of a system no chlparutil has set (UNCERTAIN). */
  utilSampleRateSec: z.number().int().nonnegative().default(60),
  /** How long utilization data is kept: every sample, then the first sample of each hour, then of each day (UNCERTAIN). */
  utilRetention: z.strictObject({
    sampleHours: z.number().positive().default(24),
    hourlyDays: z.number().positive().default(61),
    dailyDays: z.number().positive().default(731),
  }).prefault({}),
}).refine((h) => h.utilSampleRates.includes(h.utilSampleRateSec), { message: 'utilSampleRateSec must be one of utilSampleRates', path: ['utilSampleRateSec'] }).prefault({});

/** Partition consoles: the virtual terminals the HMC opens with mkvterm (hmc-cli.md §6, platform.md §7.3 slot 0). */
const Consoles = z.strictObject({
  /** How often the HMC asks a system for new console output while a terminal is open (the link has no push; UNCERTAIN). */
  pollMs: z.number().positive().default(50),
  /** Console output the hypervisor keeps per partition, in characters (older output is dropped). */
  bufferChars: z.number().int().positive().default(65_536),
  /** Earlier output shown when a terminal opens; 0 shows only what the partition writes from then on (UNCERTAIN). */
  replayOnOpenChars: z.number().int().nonnegative().default(0),
  /** An open session no HMC has read for this long is abandoned (its HMC went away) and a new mkvterm may take over. */
  sessionLeaseMs: z.number().positive().default(60_000),
  /** Console logins (UNCERTAIN: a real partition has whatever the administrator set at install). */
  aixRootPassword: z.string().default('passw0rd'),
  linuxRootPassword: z.string().default('passw0rd'),
  viosPadminPassword: z.string().default('padmin'),
}).prefault({});

export const SimConfigSchema = z.strictObject({
  timings: Timings,
  hypervisor: Hypervisor,
  runtime: Runtime,
  ams: Ams,
  ame: Ame,
  profileDefaults: ProfileDefaults,
  network: Network,
  hmc: Hmc,
  consoles: Consoles,
  /** Seed for deterministic UUIDs (DESIGN.md "IDs are deterministic"). */
  seed: z.string().default('powervm-sim'),
});

export type SimConfig = z.infer<typeof SimConfigSchema>;

/** Partitions that boot, shut down and get RMC at once: what tests and benchmarks use unless they study timing. */
export const INSTANT_TIMINGS = { partitionBootMs: 0, partitionShutdownMs: 0, rmcActiveDelayMs: 0 } as const;
export type Timings = SimConfig['timings'];

export function defaultConfig(overrides: unknown = {}): SimConfig {
  return SimConfigSchema.parse(overrides);
}

export function loadConfigFile(path: string): SimConfig {
  return SimConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
