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
  /** Starting → Running. Until the runtime issue gives partitions a boot sequence, 0: at once. */
  partitionBootMs: z.number().nonnegative().default(0),
  /** Shutting Down → Not Activated for a delayed (OS) shutdown. */
  partitionShutdownMs: z.number().nonnegative().default(0),
  /** Running → RMC active. */
  rmcActiveDelayMs: z.number().nonnegative().default(0),
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
}).prefault({});

export const SimConfigSchema = z.strictObject({
  timings: Timings,
  hypervisor: Hypervisor,
  profileDefaults: ProfileDefaults,
  hmc: Hmc,
  /** Seed for deterministic UUIDs (DESIGN.md "IDs are deterministic"). */
  seed: z.string().default('powervm-sim'),
});

export type SimConfig = z.infer<typeof SimConfigSchema>;
export type Timings = SimConfig['timings'];

export function defaultConfig(overrides: unknown = {}): SimConfig {
  return SimConfigSchema.parse(overrides);
}

export function loadConfigFile(path: string): SimConfig {
  return SimConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
