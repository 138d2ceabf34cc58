// Error entries of the SAN fabric and its administrator commands, in the catalog's ErrorDef shape, to be
// merged into src/errors/catalog.ts (`...SAN_ERRORS` inside ERRORS). No real IBM code exists for a
// simulated storage administrator, so every entry uses a SIMULATED code HSCLSIM60… (platform.md §15.2),
// one per condition. Pure data: this file imports only the ErrorDef type, so the catalog can import it
// without an import cycle. Until the merge, san-fail.ts throws a local SanError rendered like HmcError.
import type { ErrorDef } from '../../errors/catalog.ts';

const def = (code: string, text: ErrorDef['text'], http = 400, exit = 1): ErrorDef =>
  ({ code, text, exit, http, source: 'simulated' });

export const SAN_ERRORS = {
  SAN_NOT_FOUND: def('HSCLSIM60', (p) =>
    `The ${p.what} ${p.name} cannot be found in the SAN. Check the name and retry the command.`, 404),
  SAN_EXISTS: def('HSCLSIM61', (p) =>
    `A ${p.what} named ${p.name} already exists${p.where ? ` ${p.where}` : ' in the SAN'}. Choose a different name and retry the command.`, 409),
  SAN_INVALID_VALUE: def('HSCLSIM62', (p) =>
    `The value ${p.value} is not valid for ${p.attr}. ${p.hint}`),
  SAN_PORT_BUSY: def('HSCLSIM63', (p) =>
    `Port ${p.port} of switch ${p.switch} is already connected to ${p.to}. Choose a free port and retry the operation.`, 409),
  SAN_NO_FREE_PORT: def('HSCLSIM64', (p) =>
    `Switch ${p.switch} has no free port for ${p.what} (${p.needed} needed, ${p.free} free). Free a port or use another switch.`, 409),
  SAN_WWPN_IN_USE: def('HSCLSIM65', (p) =>
    `The WWPN ${p.wwpn} is already used in the SAN by ${p.by}. A WWPN must be unique in the fabric.`, 409),
  SAN_NOT_CONNECTED: def('HSCLSIM66', (p) =>
    `The FC port with WWPN ${p.wwpn} is not connected to any switch. Connect the port to a switch and retry the operation.`, 409),
  SAN_NPIV_ADAPTER: def('HSCLSIM67', (p) =>
    `The virtual WWPN ${p.wwpn} cannot log in through FC port ${p.location} because its adapter does not support NPIV. Map the virtual adapter to a port of an NPIV-capable adapter.`, 409),
  SAN_NPIV_SWITCH: def('HSCLSIM68', (p) =>
    `The virtual WWPN ${p.wwpn} cannot log in through FC port ${p.location} because switch ${p.switch} does not support NPIV. Connect the port to an NPIV-capable switch.`, 409),
  SAN_NPIV_LIMIT: def('HSCLSIM69', (p) =>
    `FC port ${p.location} already has ${p.limit} NPIV logins, the maximum for the port. Log out a virtual WWPN from the port or use another port.`, 409),
  SAN_LOGGED_IN: def('HSCLSIM70', (p) =>
    `The WWPN ${p.wwpn} is already logged in to the fabric through FC port ${p.via}. Log it out first.`, 409),
  SAN_NOT_LOGGED_IN: def('HSCLSIM71', (p) =>
    `The WWPN ${p.wwpn} is not logged in to the fabric${p.why ? `: ${p.why}` : ''}.`, 409),
  SAN_IN_USE: def('HSCLSIM72', (p) =>
    `The ${p.what} ${p.name} cannot be ${p.action} because ${p.why}. ${p.hint}`, 409),
  SAN_USAGE: def('HSCLSIM73', (p) => `${p.why} Check the command syntax and retry the command.`),
  SAN_STORE: def('HSCLSIM74', (p) => `The SAN configuration in ${p.path} cannot be ${p.action}: ${p.why}`, 500),
} as const satisfies Record<string, ErrorDef>;

export type SanErrorKey = keyof typeof SAN_ERRORS;
