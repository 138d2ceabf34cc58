// The messages of the client partition's shell and commands, in AIX's wording (ksh, the ODM commands'
// 0514-xxx, lspv's 0516-xxx, dd's 0511-xxx, shutdown's progress lines). reference/ covers the VIOS's
// padmin messages only; these are AIX as we know it (UNCERTAIN), kept together so that they can be
// corrected in one place. `ksh: X: not found.` is the message the earlier client model printed.

const ODM_NOT_FOUND = (cmd: string, name: string): string =>
  `${cmd}: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t${name}`;

export const KSH_MSG = {
  notFound: (name: string) => `ksh: ${name}: not found.`,
  badSubstitution: (raw: string) => `${raw}: bad substitution`,
  cannotCreate: (file: string) => `${file}: 0403-005 Cannot create the specified file.`,
  cannotOpen: (file: string) => `${file}: 0403-016 Cannot find or open the file.`,
  ambiguous: (raw: string) => `${raw}: ambiguous redirect`,
  badDescriptor: (fd: string) => `${fd}: bad file unit number`,
  badNumber: (cmd: string, arg: string) => `ksh: ${cmd}: ${arg}: bad number`,
  usage: (cmd: string, synopsis: string) => `Usage: ${cmd} ${synopsis}`,
  catCannotOpen: (file: string) => `cat: 0652-050 Cannot open ${file}.`,
};

export const DEV_MSG = {
  notFound: ODM_NOT_FOUND,
  attrMissing: (cmd: string, attr: string) =>
    `${cmd}: 0514-528 The "${attr}" attribute does not exist in the predefined\n\tdevice configuration database.`,
  /** chdev: values (or attributes) the device's method refuses; `rows` are `attr  description` lines. */
  badValues: (method: string, rows: string[]) =>
    `Method error (/usr/lib/methods/${method}):\n\t0514-018 The values specified for the following attributes\n\t\t are not valid:\n${rows.map((r) => `\t${r}`).join('\n')}`,
  changed: (name: string) => `${name} changed`,
  defined: (name: string) => `${name} Defined`,
  deleted: (name: string) => `${name} deleted`,
  childBusy: (name: string) =>
    `Method error (/usr/lib/methods/ucfgdevice):\n\t0514-029 Cannot perform the requested function because a\n\t\t child device of the specified device is not in a correct state.\n\t${name}`,
  pvNotFound: (name: string) => `0516-1396 lspv: The physical volume ${name}, was not found in the\nsystem database.`,
  pvNoVg: (name: string) => `0516-320 lspv: Physical volume ${name} is not assigned to\n\ta volume group.`,
};

export const DD_MSG = {
  readFailed: 'dd: 0511-051 The read failed.',
  writeFailed: 'dd: 0511-053 The write failed.',
  open: (file: string, text: string) => `dd: ${file}: ${text}`,
  badOperand: (arg: string) => `dd: 0511-049 An unknown argument was specified: ${arg}`,
  badNumber: (arg: string) => `dd: 0511-050 The value specified for ${arg} is not valid.`,
  records: (fullIn: number, partIn: number, fullOut: number, partOut: number) => `${fullIn}+${partIn} records in\n${fullOut}+${partOut} records out`,
  /** SIM: the simulator bounds one dd, so that `dd if=/dev/zero` without count cannot fill memory. */
  limit: (bytes: number) => `dd: transfer stopped after ${bytes} bytes (the simulator's limit for one dd)`,
};

export const ERRPT_MSG = {
  header: 'IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION',
  rule: '---------------------------------------------------------------------------',
};

/** AIX shutdown's progress lines; `{reboot}` lines only with -r, `{halt}` lines only without. */
export const SHUTDOWN_TEXT = {
  banner: 'SHUTDOWN PROGRAM',
  waitHalt: "Wait for '....Halt completed....' before stopping.",
  waitReboot: "Wait for 'Rebooting...' before stopping.",
  steps: ['Error reporting has stopped.', 'Advanced Accounting has stopped...', 'Process accounting has stopped.', 'All processes currently running will now be killed...', 'Unmounting the file systems...'],
  interfaces: (ifs: string[]) => `Bringing down network interfaces: ${ifs.join(' ')}`,
  halted: '....Halt completed....',
  rebooting: 'Rebooting . . .',
};
