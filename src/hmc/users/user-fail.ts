// The users module's refusals are ordinary catalog errors (USER_ERRORS is merged into the catalog).
import { fail } from '../../errors/hmc-error.ts';
import type { UserErrorKey } from './user-errors.ts';

export const userFail = (key: UserErrorKey, params: Record<string, string | number> = {}): never => fail(key, params);
