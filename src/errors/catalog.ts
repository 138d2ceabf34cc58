// The one error catalog (DESIGN.md "Errors come from one catalog"). Every refusal the simulator
// gives, on every face, is an entry here: its HSCL code, its English text, the CLI exit status and the
// HTTP status the REST face will use. Codes marked SIMULATED follow reference/platform.md §15.2: no real
// IBM code is known for the condition, so a clearly artificial `HSCLSIMn` code is used instead.

import { USER_ERRORS } from '../hmc/users/user-errors.ts';
import { SAN_ERRORS } from '../fabric/san/san-errors.ts';

export interface ErrorDef {
  /** HSCL code printed before the text; empty for the few real messages printed without a code. */
  readonly code: string;
  readonly text: (p: Record<string, string | number>) => string;
  readonly exit: number;
  readonly http: number;
  /** Where the code and (or) the text come from; 'simulated' means we invented the code. */
  readonly source: 'verified' | 'real-code' | 'simulated' | 'shell';
}

const def = (code: string, source: ErrorDef['source'], text: ErrorDef['text'], http = 400, exit = 1): ErrorDef =>
  ({ code, text, exit, http, source });

export const ERRORS = {
  // --- real codes (platform.md §15.1) -------------------------------------------------------------
  PARTITION_NOT_FOUND: def('HSCL8012', 'real-code', (p) => `The partition ${p.name} cannot be found.`, 404),
  SYSTEM_NOT_FOUND: def('HSCL8012', 'real-code', (p) => `The managed system ${p.name} cannot be found.`, 404),
  PROFILE_NOT_FOUND: def('HSCL8012', 'real-code', (p) => `The partition profile ${p.name} for partition ${p.lpar} cannot be found.`, 404),
  SYSPROF_NOT_FOUND: def('HSCL8012', 'real-code', (p) => `The system profile ${p.name} cannot be found.`, 404),
  POOL_NOT_FOUND: def('HSCL8012', 'real-code', (p) => `The shared processor pool ${p.name} cannot be found.`, 404),
  SLOT_NOT_FOUND: def('HSCL8012', 'real-code', (p) => `The I/O slot with DRC index ${p.drc} cannot be found.`, 404),
  WRONG_PARTITION_STATE: def('HSCL05DF', 'verified', () =>
    'The partition is not in a state under which this operation can be performed. Check the state of the partition.', 409),
  ALREADY_ACTIVATED: def('HSCL3681', 'real-code', (p) =>
    `Partition ${p.name} is already activated. The partition must be shut down before it can be activated.`, 409),
  ALREADY_OFF: def('HSCL1558', 'real-code', (p) => `Partition ${p.name} is not activated, so it cannot be shut down.`, 409),
  NO_RMC_OS_SHUTDOWN: def('HSCL0DB4', 'real-code', (p) =>
    `The operating system shutdown of partition ${p.name} cannot be performed because there is no active RMC connection to the partition. Use an immediate or delayed shutdown instead.`, 409),
  NO_RMC_DLPAR: def('HSCL2957', 'verified', (p) =>
    `Either there is currently no RMC connection between the management console and the partition ${p.name} or the partition does not support dynamic partitioning operations. Verify the network setup on the management console and the partition and ensure that any firewall authentication between the management console and the partition has occurred. Run the management console diagchk command to verify the management console network settings.`, 409),
  PU_VP_RATIO: def('HSCL1566', 'verified', (p) =>
    `The operation failed because the ratio of assigned processing units to assigned virtual processors for partition ${p.id} would have been less than the minimum ratio supported by the operating system on the partition.`),
  NO_VFC: def('HSCLA4C0', 'verified', () => 'The managed system does not support virtual fibre channel.'),
  VFC_MAPPING_INVALID: def('HSCLB022', 'verified', (p) =>
    `The mapping of virtual fibre channel client adapter ${p.client} to virtual fibre channel server adapter ${p.server} on Virtual I/O Server partition ${p.vios} is not valid.  Map the client and server adapters, then try the operation again.`),
  VFC_SERVER_MISSING: def('HSCLB023', 'verified', (p) =>
    `Virtual fibre channel server adapter ${p.server} for virtual fibre channel client adapter ${p.client} was not found on Virtual I/O Server partition ${p.vios}. Create and map the server adapter, then try the operation again.`),
  NOT_PRINTABLE: def('HSCLC63B', 'real-code', () =>
    'The description contains characters that are not valid. The description must contain only printable ASCII characters.'),
  NO_AUTHORITY: def('HSCL350B', 'verified', () => 'The user does not have the appropriate authority.', 403),
  // Printed without a code in the (localized, translated) capture; two spaces between sentences.
  INVALID_ATTRIBUTE: def('', 'verified', (p) =>
    `An invalid attribute was entered.  The invalid attribute is ${p.name}.  Correct the input and retry the command.`),

  // --- SIMULATED codes (platform.md §15.2): one per condition --------------------------------------
  MIN_DESIRED_MAX: def('HSCLSIM1', 'simulated', (p) =>
    `The ${p.what} values are not valid: the minimum (${p.min}) must not exceed the desired (${p.desired}) and the desired must not exceed the maximum (${p.max}). Correct the values and retry the command.`),
  MEM_NOT_LMB_MULTIPLE: def('HSCLSIM2', 'simulated', (p) =>
    `The memory amount ${p.value} MB for ${p.attr} is not a multiple of the memory region size of ${p.lmb} MB. Specify a multiple of ${p.lmb} MB and retry the command.`),
  MEM_TOO_SMALL: def('HSCLSIM3', 'simulated', (p) =>
    `The memory amount ${p.value} MB for ${p.attr} is less than the minimum of ${p.floor} MB. Specify at least ${p.floor} MB and retry the command.`),
  PROC_UNITS_VS_PROCS: def('HSCLSIM4', 'simulated', (p) =>
    `The ${p.level} processing units (${p.units}) must be at least ${p.minPerVp} per virtual processor and at most 1.0 per virtual processor (${p.procs} virtual processors). Correct the values and retry the command.`),
  PROC_MODE_MISMATCH: def('HSCLSIM5', 'simulated', (p) =>
    `The attribute ${p.attr} is not valid for a partition with processing mode ${p.mode}. Remove the attribute or change the processing mode and retry the command.`),
  INSUFFICIENT_RESOURCES: def('HSCLSIM6', 'simulated', (p) =>
    `Insufficient available ${p.resource} on managed system ${p.system} (${p.requested} requested, ${p.available} available). Free resources or lower the request and retry the operation.`, 409),
  DUPLICATE_NAME: def('HSCLSIM7', 'simulated', (p) =>
    `A partition named ${p.name} already exists on this managed system. Choose a different name and retry the command.`, 409),
  BAD_LPAR_ID: def('HSCLSIM8', 'simulated', (p) =>
    `The partition ID ${p.id} is not valid or is already in use. Specify an unused ID from 1 to ${p.max} and retry the command.`, 409),
  VIRTUAL_SLOT_INVALID: def('HSCLSIM9', 'simulated', (p) =>
    `Virtual slot ${p.slot} cannot be used: ${p.why}. Choose a free slot from 2 to ${p.max} and retry the command.`),
  SYSTEM_STATE: def('HSCLSIM10', 'simulated', (p) =>
    `The managed system ${p.system} is in the ${p.state} state, in which this operation cannot be performed. Bring the managed system to the ${p.need} state and retry the operation.`, 409),
  PARTITION_ACTIVE: def('HSCLSIM11', 'simulated', (p) =>
    `Partition ${p.name} is ${p.state}. The partition must be in the Not Activated state for this operation. Shut down the partition and retry the operation.`, 409),
  REQUIRED_SLOT_BUSY: def('HSCLSIM12', 'simulated', (p) =>
    `The required I/O slot ${p.drc} of partition ${p.name} is in use by running partition ${p.owner}. Release the slot or make it desired rather than required, then retry the activation.`, 409),
  INVALID_VALUE: def('HSCLSIM13', 'simulated', (p) =>
    `The value ${p.value} is not valid for the attribute ${p.attr}. ${p.hint}`),
  MISSING_ATTRIBUTE: def('HSCLSIM14', 'simulated', (p) =>
    `The required attribute ${p.attr} was not specified. Specify it and retry the command.`),
  DUPLICATE_ATTRIBUTE: def('HSCLSIM15', 'simulated', (p) =>
    `The attribute ${p.attr} was specified more than once. Specify each attribute only once and retry the command.`),
  ATTRIBUTE_NOT_ALLOWED: def('HSCLSIM16', 'simulated', (p) =>
    `The attribute ${p.attr} is not valid ${p.where}. Remove it and retry the command.`),
  NEEDS_POWER_OFF: def('HSCLSIM17', 'simulated', (p) =>
    `The partition must be powered off before changing the ${p.what}. Change the profile and reactivate the partition instead.`, 409),
  DLPAR_OUT_OF_RANGE: def('HSCLSIM18', 'simulated', (p) =>
    `The requested ${p.what} of ${p.value} for partition ${p.name} is outside the range of the active profile (${p.min} to ${p.max}). Change the profile and reactivate the partition to change the range.`, 409),
  POOL_RULE: def('HSCLSIM19', 'simulated', (p) => `${p.why} Correct the pool configuration and retry the command.`, 409),
  SLOT_OWNED: def('HSCLSIM20', 'simulated', (p) =>
    `The I/O slot ${p.drc} is ${p.why}. Choose a slot that is available and retry the command.`, 409),
  PARTITIONS_RUNNING: def('HSCLSIM21', 'simulated', (p) =>
    `The managed system ${p.system} cannot be powered off normally because ${p.count} partition(s) are still active. Shut down the partitions first or use the --immed option.`, 409),
  MAX_PARTITIONS: def('HSCLSIM22', 'simulated', (p) =>
    `The managed system ${p.system} already has the maximum number of partitions (${p.max}). Remove a partition and retry the command.`, 409),
  DUPLICATE_PROFILE: def('HSCLSIM23', 'simulated', (p) =>
    `A profile named ${p.name} already exists for partition ${p.lpar}. Choose a different name and retry the command.`, 409),
  DEFAULT_PROFILE_REMOVE: def('HSCLSIM24', 'simulated', (p) =>
    `The profile ${p.name} is the default profile of partition ${p.lpar} and cannot be removed. Make another profile the default first.`, 409),
  MEMORY_MODE_RULE: def('HSCLSIM25', 'simulated', (p) => `${p.why} Correct the profile and retry the command.`),
  CONNECTION_RULE: def('HSCLSIM26', 'simulated', (p) => `${p.why}`, 409),
  BACKUP_FILE: def('HSCLSIM27', 'simulated', (p) => `${p.why}`, 404),
  USAGE: def('HSCLSIM28', 'simulated', (p) => `${p.why} Check the command syntax and retry the command.`),
  NOT_IMPLEMENTED: def('HSCLSIM29', 'simulated', (p) =>
    `The ${p.what} is not supported by this simulated management console.`, 501),
  DLPAR_NOT_ALLOWED: def('HSCLSIM30', 'simulated', (p) => `${p.why}`, 409),
  FSP_PASSWORD: def('HSCLSIM31', 'simulated', (p) =>
    `The current ${p.kind} password given for the service processor is not correct. Give the current password with --passwd and retry the command.`, 403),
  VIRTUAL_IO_RULE: def('HSCLSIM33', 'simulated', (p) => `${p.why} Correct the virtual adapter configuration and retry the command.`, 409),
  ADAPTER_IN_USE: def('HSCLSIM34', 'simulated', (p) =>
    `The virtual adapter in slot ${p.slot} of partition ${p.name} backs ${p.what} on the Virtual I/O Server. Remove the mapping first, then retry the command.`, 409),
  SYSTEM_BUSY: def('HSCLSIM32', 'simulated', (p) =>
    `The managed system ${p.system} is busy with an operation started from management console ${p.owner}. Wait for it to complete and retry the command.`, 409),
  // Active Memory Sharing (platform.md §5.4); numbered from 90 to stay clear of other modules' new codes.
  MEMPOOL_NOT_FOUND: def('HSCLSIM90', 'simulated', (p) =>
    `The managed system ${p.system} does not have a shared memory pool. Create the pool with chhwres -r mempool -o a and retry the command.`, 404),
  MEMPOOL_RULE: def('HSCLSIM91', 'simulated', (p) => `${p.why} Correct the shared memory pool configuration and retry the command.`, 409),
  NO_PAGING_DEVICE: def('HSCLSIM92', 'simulated', (p) =>
    `No paging space device of at least ${p.size} MB is available for shared memory partition ${p.name} on paging Virtual I/O Server partition(s) ${p.vios}. Add a paging space device to the shared memory pool or free one, then retry the activation.`, 409),
  PAGING_VIOS_IN_USE: def('HSCLSIM93', 'simulated', (p) =>
    `Partition ${p.name} is the paging Virtual I/O Server of the active shared memory partition(s) ${p.clients}, which page to its paging space devices. Shut down those partitions first, or use the --immed option to shut down the Virtual I/O Server anyway.`, 409),
  // Virtual terminals (mkvterm / rmvterm); numbered from 80. The real HMC prints the "already open" text
  // without a code (as given for the consoles issue; not in reference/).
  VTERM_ALREADY_OPEN: def('', 'real-code', () =>
    'A terminal session is already open for this partition. Only one open session is allowed for a partition. Exiting....', 409),
  VTERM_OPEN: def('HSCLSIM80', 'simulated', (p) =>
    `A virtual terminal session is open for partition ${p.name}. Close it with rmvterm and retry the command.`, 409),
  VTERM_NEEDS_TERMINAL: def('HSCLSIM81', 'simulated', () =>
    'The mkvterm command needs an interactive terminal. Connect with a terminal (for example ssh -t) and retry the command.'),

  // --- users, roles and password policies (src/hmc/users/user-errors.ts) ---------------------------
  ...USER_ERRORS,

  // --- the SAN (src/fabric/san/san-errors.ts) ----------------------------------------------------------
  ...SAN_ERRORS,

  // --- restricted shell (hmc-cli.md §2; UNCERTAIN texts, exit 127 for an unknown command) ---------
  COMMAND_NOT_FOUND: def('', 'shell', (p) => `-rbash: ${p.name}: command not found`, 404, 127),
} as const satisfies Record<string, ErrorDef>;

export type ErrorKey = keyof typeof ERRORS;
