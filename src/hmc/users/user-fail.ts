// Throwing the users module's errors. Once USER_ERRORS is merged into the catalog this throws the
// ordinary HmcError (so the command runner renders it like every other refusal); until then it throws
// a UserError carrying the same code, text and exit status. Both render the same message.
import { ERRORS, type ErrorKey } from '../../errors/catalog.ts';
import { HmcError } from '../../errors/hmc-error.ts';
import { USER_ERRORS, type UserErrorKey } from './user-errors.ts';

export class UserError extends Error {
  readonly key: UserErrorKey;
  readonly params: Record<string, string | number>;
  readonly code: string;
  readonly exit: number;
  constructor(key: UserErrorKey, params: Record<string, string | number>) {
    const d = USER_ERRORS[key];
    super(`${d.code} ${d.text(params)}`);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
    this.code = d.code;
    this.exit = d.exit;
  }
}

export const userFail = (key: UserErrorKey, params: Record<string, string | number> = {}): never => {
  if (Object.hasOwn(ERRORS, key)) throw new HmcError(key as string as ErrorKey, params);
  throw new UserError(key, params);
};
