// Error entries of the users, roles and password-policy commands, in the catalog's ErrorDef shape, to be
// merged into src/errors/catalog.ts (`...USER_ERRORS` inside ERRORS). Pure data: this file imports only
// the ErrorDef type, so the catalog can import it without an import cycle.
//
// Codes: HSCL3653 is a real code (platform.md §15.1: HMC-to-HMC authentication missing; text
// UNCERTAIN). No real code is known for the other conditions, so they use SIMULATED codes HSCLSIM40…
// (platform.md §15.2), one per condition.
import type { ErrorDef } from '../../errors/catalog.ts';

const def = (code: string, source: ErrorDef['source'], text: ErrorDef['text'], http = 400, exit = 1): ErrorDef =>
  ({ code, text, exit, http, source });

export const USER_ERRORS = {
  NO_HMC_TRUST: def('HSCL3653', 'real-code', (p) =>
    `The SSH authentication between this management console and the management console ${p.host} has not been set up. Run mkauthkeys with the -g option to set it up, then retry the operation.`, 409),
  USER_NOT_FOUND: def('HSCLSIM40', 'simulated', (p) =>
    `The user ${p.name} was not found on this management console. Check the user name and retry the command.`, 404),
  USER_EXISTS: def('HSCLSIM41', 'simulated', (p) =>
    `A user named ${p.name} already exists on this management console. Choose a different name and retry the command.`, 409),
  USER_PROTECTED: def('HSCLSIM42', 'simulated', (p) =>
    `The user ${p.name} cannot be ${p.action}: ${p.why}.`, 409),
  PASSWORD_RULE: def('HSCLSIM43', 'simulated', (p) =>
    `The password does not meet the password rules: ${p.why}. Choose a different password and retry the command.`),
  ROLE_NOT_FOUND: def('HSCLSIM44', 'simulated', (p) =>
    `The ${p.kind} ${p.name} was not found on this management console. Check the name and retry the command.`, 404),
  ROLE_EXISTS: def('HSCLSIM45', 'simulated', (p) =>
    `A task role named ${p.name} already exists. Choose a different name and retry the command.`, 409),
  ROLE_PROTECTED: def('HSCLSIM46', 'simulated', (p) =>
    `The task role ${p.name} cannot be ${p.action}: ${p.why}.`, 409),
  POLICY_NOT_FOUND: def('HSCLSIM47', 'simulated', (p) =>
    `The password policy ${p.name} was not found. Check the policy name and retry the command.`, 404),
  POLICY_EXISTS: def('HSCLSIM48', 'simulated', (p) =>
    `A password policy named ${p.name} already exists. Choose a different name and retry the command.`, 409),
  POLICY_PROTECTED: def('HSCLSIM49', 'simulated', (p) =>
    `The password policy ${p.name} cannot be ${p.action}: ${p.why}.`, 409),
  AUTHKEY_INVALID: def('HSCLSIM50', 'simulated', (p) =>
    `The SSH public key is not valid: ${p.why}. Specify a key in OpenSSH format ("<type> <base64 key> [comment]") and retry the command.`),
} as const satisfies Record<string, ErrorDef>;

export type UserErrorKey = keyof typeof USER_ERRORS;
