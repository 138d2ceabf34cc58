// The SAN's refusals are ordinary catalog errors (SAN_ERRORS is merged into the catalog).
export { fail as sanFail, HmcError as SanError } from '../../errors/hmc-error.ts';
