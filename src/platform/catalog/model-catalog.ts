// Managed-system model catalog: validated data (models.json) plus the derived rules that depend on it.
// Facts come from /work/shared/reference/platform.md §1, §5.1 and §6.1. Values that the reference marks
// UNCERTAIN stay in the JSON and are named in each entry's `uncertain` list, so they can be corrected
// without code changes; the rules below are the only code that interprets them.
import { z } from 'zod';
import catalogJson from './models.json' with { type: 'json' };

export const GENERATIONS = ['POWER5', 'POWER6', 'POWER7', 'POWER8', 'POWER9', 'POWER10', 'POWER11'] as const;
export type Generation = (typeof GENERATIONS)[number];

// "+" families (POWER6+, POWER7+) belong to their base generation but may differ in limits (§1.1: min PU/VP).
const PROCESSOR_FAMILIES = [...GENERATIONS, 'POWER6+', 'POWER7+'] as const;

// CLI spellings of lpar_proc_compat_mode (§1.2). POWER9_base etc. are VERIFIED, the rest by analogy.
export const COMPAT_MODES = [
  'default', 'POWER5', 'POWER6', 'POWER6_enhanced', 'POWER6_plus', 'POWER6_plus_enhanced', 'POWER7',
  'POWER8', 'POWER8_enhanced', 'POWER9_base', 'POWER9', 'POWER9_enhanced', 'POWER10', 'POWER10_enhanced',
  'POWER11', 'POWER11_enhanced',
] as const;

const COMPAT_MODE_SET: ReadonlySet<string> = new Set(COMPAT_MODES);

const unitCode = (length: number) => z.string().regex(new RegExp(`^[0-9A-Z]{${length}}$`));

const capabilitiesShape = {
  ibmi: z.boolean(),
  ams: z.boolean(),
  ame: z.boolean(),
  lpm: z.boolean(),
  virtualFc: z.boolean(),
  sharedIdleProcsActive: z.boolean(),
  hardwareAme: z.boolean(),
};

const modelShape = {
  mtm: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{3}$/),
  machineType: unitCode(4),
  model: unitCode(3),
  name: z.string().min(1),
  generation: z.enum(GENERATIONS),
  processorFamily: z.enum(PROCESSOR_FAMILIES),
  maxCores: z.int().positive(),
  defaultCores: z.int().positive(),
  maxMemoryMB: z.int().positive(),
  defaultMemoryMB: z.int().positive(),
  ghz: z.number().positive(),
  // Internal I/O slots of the default configuration (one node/drawer on node-based systems).
  internalSlots: z.int().nonnegative(),
  minProcUnitsPerVirtualProc: z.number().positive().max(1),
  maxVirtualProcsPerLpar: z.int().positive(),
  platformLparCap: z.int().positive(),
  observedMaxLpars: z.int().positive().optional(),
  observedMaxLparsAtCores: z.int().positive().optional(),
  lmbSizesMB: z.array(z.int().positive()).min(1).readonly(),
  maxSharedProcPools: z.int().positive(),
  // Checked against COMPAT_MODES but typed as string so callers can test user input with includes().
  compatModes: z.array(z.string().refine((mode) => COMPAT_MODE_SET.has(mode), 'unknown compat mode')).min(1).readonly(),
  capabilities: z.strictObject(capabilitiesShape).readonly(),
  // Unit type/model of the CEC enclosure in physical location codes, e.g. U78C9.001.<serial> (§2.1).
  cecUnitType: unitCode(4),
  cecUnitModel: unitCode(3),
  enterprise: z.boolean(),
  uncertain: z.array(z.string()).readonly(),
  notes: z.string().optional(),
};

/** Field names that may appear in `uncertain` ("capabilities.x" for nested flags). */
export const UNCERTAIN_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(modelShape),
  ...Object.keys(capabilitiesShape).map((key) => `capabilities.${key}`),
]);

const ascendingUnique = (values: readonly number[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

export const modelSpecSchema = z
  .strictObject(modelShape)
  .superRefine((m, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.mtm !== `${m.machineType}-${m.model}`) fail('mtm', 'mtm must equal machineType-model');
    if (m.processorFamily !== m.generation && m.processorFamily !== `${m.generation}+`) {
      fail('processorFamily', `processorFamily ${m.processorFamily} does not belong to ${m.generation}`);
    }
    if (m.defaultCores > m.maxCores) fail('defaultCores', 'defaultCores exceeds maxCores');
    if (m.defaultMemoryMB > m.maxMemoryMB) fail('defaultMemoryMB', 'defaultMemoryMB exceeds maxMemoryMB');
    if (m.observedMaxLparsAtCores !== undefined) {
      if (m.observedMaxLpars === undefined) fail('observedMaxLparsAtCores', 'requires observedMaxLpars');
      if (m.observedMaxLparsAtCores > m.maxCores) fail('observedMaxLparsAtCores', 'exceeds maxCores');
    }
    if (!ascendingUnique(m.lmbSizesMB)) fail('lmbSizesMB', 'must be ascending and unique');
    if (!m.compatModes.includes('default')) fail('compatModes', 'must include "default"');
    if (new Set(m.compatModes).size !== m.compatModes.length) fail('compatModes', 'duplicate mode');
    if (new Set(m.uncertain).size !== m.uncertain.length) fail('uncertain', 'duplicate field name');
    for (const field of m.uncertain) {
      if (!UNCERTAIN_FIELD_NAMES.has(field)) fail('uncertain', `unknown field name "${field}"`);
    }
  })
  .readonly();

export type ModelSpec = z.infer<typeof modelSpecSchema>;

const catalogSchema = z
  .array(modelSpecSchema)
  .min(1)
  .superRefine((models, ctx) => {
    const seen = new Set<string>();
    for (const [index, m] of models.entries()) {
      if (seen.has(m.mtm)) ctx.addIssue({ code: 'custom', path: [index, 'mtm'], message: `duplicate ${m.mtm}` });
      seen.add(m.mtm);
    }
  })
  .readonly();

/** Validates catalog data (the bundled JSON or a replacement); throws with every problem listed. */
export function parseModelCatalog(data: unknown): readonly ModelSpec[] {
  const result = catalogSchema.safeParse(data);
  if (!result.success) throw new Error(`Invalid model catalog:\n${z.prettifyError(result.error)}`);
  return result.data;
}

// Validated once at module load so a bad edit to models.json fails fast.
const CATALOG = parseModelCatalog(catalogJson);
const BY_MTM = new Map(CATALOG.map((m) => [m.mtm, m]));

export function listModels(): readonly ModelSpec[] {
  return CATALOG;
}

/** Looks a model up by `tttt-mmm` (e.g. "8286-42A"); case and surrounding blanks are ignored. */
export function findModel(mtm: string): ModelSpec | undefined {
  return BY_MTM.get(mtm.trim().toUpperCase());
}

export function isUncertain(model: ModelSpec, field: string): boolean {
  return model.uncertain.includes(field);
}

/**
 * Minimum processing units per virtual processor (`min_proc_units_per_virtual_proc`): 0.10 on
 * POWER5/6/7, 0.05 on POWER7+ and later (platform.md §1.1, §6.1). Kept as a per-model data value.
 */
export function minProcUnitsPerVirtualProcFor(model: ModelSpec): number {
  return model.minProcUnitsPerVirtualProc;
}

/**
 * `max_lpars` / REST `MaximumPartitions`. SIM-RULE of platform.md §1.3:
 * min(platform cap, floor(configurable cores / min PU per VP)) = 10 × cores on POWER5–7, 20 × cores
 * on POWER7+ and later. Reproduces every real data point except the 8203-E4A sample (documented in its
 * `uncertain` list). Works in hundredths because 3 / 0.1 === 29.999999999999996 in floating point.
 */
export function maxPartitions(model: ModelSpec, configurableCores: number): number {
  if (!Number.isFinite(configurableCores) || configurableCores <= 0) {
    throw new RangeError(`configurableCores must be a positive number, got ${configurableCores}`);
  }
  const coreHundredths = Math.round(configurableCores * 100);
  const minPuHundredths = Math.round(minProcUnitsPerVirtualProcFor(model) * 100);
  return Math.min(model.platformLparCap, Math.floor(coreHundredths / minPuHundredths));
}

/**
 * Default LMB by configurable memory, IBM KC p9hat_lparmemory (platform.md §5.1), POWER6–POWER9; also
 * used for POWER5 because it matches the real p5-520 (32 GB → 128 MB). IBM's bands read "greater than
 * X up to Y", so each upper bound is inclusive; exactly 4 GB, which IBM leaves open, falls in the first.
 */
export const DEFAULT_LMB_BANDS: readonly { readonly upToMB: number; readonly lmbMB: number }[] = [
  { upToMB: 4 * 1024, lmbMB: 16 },
  { upToMB: 8 * 1024, lmbMB: 32 },
  { upToMB: 16 * 1024, lmbMB: 64 },
  { upToMB: 32 * 1024, lmbMB: 128 },
];
const LMB_ABOVE_BANDS_MB = 256;
// POWER10 offers 128/256 MB (1/2/4 GB on FW1050+); the reference uses 256 MB as its default (§1.1, §5.1).
const POWER10_DEFAULT_LMB_MB = 256;

export function defaultLmbMB(model: ModelSpec, configurableMemoryMB: number): number {
  if (!Number.isFinite(configurableMemoryMB) || configurableMemoryMB <= 0) {
    throw new RangeError(`configurableMemoryMB must be a positive number, got ${configurableMemoryMB}`);
  }
  if (GENERATIONS.indexOf(model.generation) >= GENERATIONS.indexOf('POWER10')) return POWER10_DEFAULT_LMB_MB;
  const band = DEFAULT_LMB_BANDS.find((b) => configurableMemoryMB <= b.upToMB);
  return band ? band.lmbMB : LMB_ABOVE_BANDS_MB;
}
