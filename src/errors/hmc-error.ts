import { ERRORS, type ErrorKey } from './catalog.ts';

/** A refusal from the platform or the HMC, rendered from the catalog by every face. */
export class HmcError extends Error {
  readonly key: ErrorKey;
  readonly params: Record<string, string | number>;
  constructor(key: ErrorKey, params: Record<string, string | number> = {}) {
    super(renderError(key, params));
    this.key = key;
    this.params = params;
    this.name = 'HmcError';
  }
  get exit(): number { return ERRORS[this.key].exit; }
  get http(): number { return ERRORS[this.key].http; }
  get code(): string { return ERRORS[this.key].code; }
  /** Plain data for the HMC link (errors cross the link as values, then are rebuilt). */
  toWire(): { key: ErrorKey; params: Record<string, string | number> } {
    return { key: this.key, params: this.params };
  }
}

export function renderError(key: ErrorKey, params: Record<string, string | number>): string {
  const d = ERRORS[key];
  const text = d.text(params);
  return d.code ? `${d.code} ${text}` : text;
}

export const fail = (key: ErrorKey, params: Record<string, string | number> = {}): never => {
  throw new HmcError(key, params);
};

export function isHmcError(e: unknown): e is HmcError {
  return e instanceof HmcError;
}
