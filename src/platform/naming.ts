// Names and identifiers derived from machine type, model and serial (platform.md §2 and §2.1).
// Pure functions. Formatters are strict (they throw on malformed parts, because real clients parse these
// strings with regular expressions); parsers are lenient about case and surrounding blanks.

const MACHINE_TYPE = /^[0-9A-Z]{4}$/;
const MODEL = /^[0-9A-Z]{3}$/; // also unit models such as 001, ND0, SC1 (§2.1)
const SERIAL = /^[0-9A-Z]{7}$/; // "The serial number is 7 alphanumeric characters" (§1.1)
const MTM = /^[0-9A-Z]{4}-[0-9A-Z]{3}$/;
const MTMS = /^([0-9A-Z]{4})-([0-9A-Z]{3})\*([0-9A-Z]{7})$/;
// A location-code segment: one letter (P, C, T, W, L, V, D, S, …) followed by its value (§2.1).
const SEGMENT = /^[A-Z][0-9A-Z]+$/;

function check(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new RangeError(`Invalid ${what}: "${value}"`);
  return value;
}

function checkInt(value: number, min: number, what: string): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`Invalid ${what}: ${value}`);
  return value;
}

/** Default managed-system name, e.g. `Server-8286-42A-SN21AB34C` (§2). */
export function systemName(mtm: string, serial: string): string {
  return `Server-${check(mtm, MTM, 'machine type-model')}-SN${check(serial, SERIAL, 'serial')}`;
}

/** MTMS form `tttt-mmm*sssssss`, e.g. `9009-42A*7812ABC` (§2; accepted by `-m`). */
export function mtms(machineType: string, model: string, serial: string): string {
  check(machineType, MACHINE_TYPE, 'machine type');
  return `${machineType}-${check(model, MODEL, 'model')}*${check(serial, SERIAL, 'serial')}`;
}

export interface ParsedMtms {
  readonly machineType: string;
  readonly model: string;
  readonly serial: string;
}

/**
 * Parses `tttt-mmm*sssssss` (case-insensitive, returned upper-case). The no-connection form
 * `0-0*<ip>` that the REST API prints (§2) names no real system and yields undefined.
 */
export function parseMtms(text: string): ParsedMtms | undefined {
  const match = MTMS.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  return { machineType: match[1], model: match[2], serial: match[3] };
}

/** Suffix appended to the system serial for partition ids that one base-36 digit cannot hold (≥ 36). */
export type LparIdSuffixStrategy = (lparId: number) => string;

/** Hex digits, at least two: id 38 → "26", as in the one real sample (UNCERTAIN, §2). */
export const hexLparIdSuffix: LparIdSuffixStrategy = (lparId) => lparId.toString(16).toUpperCase().padStart(2, '0');

/** Base 36 continued past one digit: id 36 → "10". An alternative if better evidence appears. */
export const base36LparIdSuffix: LparIdSuffixStrategy = (lparId) => lparId.toString(36).toUpperCase();

export const DEFAULT_LPAR_ID_SUFFIX_STRATEGY: LparIdSuffixStrategy = hexLparIdSuffix;

const MAX_SINGLE_DIGIT_ID = 35; // "Z" in base 36

/**
 * `logical_serial_num` / REST `LogicalSerialNumber` = system serial + partition id as one base-36 digit
 * (VERIFIED for ids 1–23: 5 → 7812ABC5, 10 → …A, 16 → …G, 23 → …N; §2). The rule above one digit is
 * UNCERTAIN, hence the strategy parameter. The same sample shows id 32 as "20"; we still use one
 * base-36 digit up to 35 (the natural extension of the verified pattern) and treat it as an anomaly.
 */
export function logicalSerialNum(
  systemSerial: string,
  lparId: number,
  highIdStrategy: LparIdSuffixStrategy = DEFAULT_LPAR_ID_SUFFIX_STRATEGY,
): string {
  check(systemSerial, SERIAL, 'serial');
  checkInt(lparId, 1, 'partition id');
  const suffix = lparId <= MAX_SINGLE_DIGIT_ID ? lparId.toString(36).toUpperCase() : highIdStrategy(lparId);
  return systemSerial + suffix;
}

/**
 * Virtual device location code `U<type>.<model>.<serial>-V<lpar id>-C<slot>[-T<port>]`, e.g.
 * `U9009.42A.7812ABC-V6-C30-T1` (§2.1).
 */
export function virtualLocationCode(
  machineType: string,
  model: string,
  serial: string,
  lparId: number,
  slot: number,
  port?: number,
): string {
  const unit = unitPrefix(machineType, model, serial, 'machine type');
  const base = `${unit}-V${checkInt(lparId, 1, 'partition id')}-C${checkInt(slot, 0, 'virtual slot')}`;
  return port === undefined ? base : `${base}-T${checkInt(port, 1, 'port')}`;
}

/**
 * Physical location code `U<unit type>.<unit model>.<unit serial>[-<segment>…]`, e.g.
 * `U78C9.001.WZS01AB-P1-C6-T1` (§2.1). With no segments it names the enclosure itself.
 */
export function physicalLocationCode(
  unitType: string,
  unitModel: string,
  unitSerial: string,
  ...segments: string[]
): string {
  const unit = unitPrefix(unitType, unitModel, unitSerial, 'unit type');
  return [unit, ...segments.map((s) => check(s, SEGMENT, 'location code segment'))].join('-');
}

function unitPrefix(type: string, model: string, serial: string, typeLabel: string): string {
  check(type, MACHINE_TYPE, typeLabel);
  return `U${type}.${check(model, MODEL, 'unit model')}.${check(serial, SERIAL, 'serial')}`;
}
