// The AIX error log entries the simulated client writes (errpt): identifier, label, type (P permanent,
// T temporary, I informational), class (H hardware, S software, O operator), resource class and type, the
// one-line description errpt prints and the probable causes and actions errpt -a adds. None of this is in
// reference/ (UNCERTAIN, recalled AIX wording); it is data so that it can be corrected without code changes.

export interface ErrTemplate {
  id: string;
  label: string;
  type: 'PERM' | 'TEMP' | 'INFO' | 'PEND' | 'PERF' | 'UNKN';
  cls: 'H' | 'S' | 'O' | 'U';
  resourceClass: string;
  resourceType: string;
  description: string;
  causes: string[];
  actions: string[];
}

export const ERRPT_TEMPLATES = {
  pathFailed: {
    id: 'DE3B8540', label: 'SC_DISK_ERR7', type: 'PERM', cls: 'H', resourceClass: 'disk', resourceType: 'vdisk',
    description: 'PATH HAS FAILED',
    causes: ['ADAPTER HARDWARE OR CABLE', 'DASD DEVICE'],
    actions: ['PERFORM PROBLEM DETERMINATION PROCEDURES', 'CHECK PATH'],
  },
  pathRecovered: {
    id: 'F31FFAC3', label: 'SC_DISK_ERR9', type: 'INFO', cls: 'H', resourceClass: 'disk', resourceType: 'vdisk',
    description: 'PATH HAS RECOVERED',
    causes: ['ADAPTER HARDWARE OR CABLE', 'DASD DEVICE'],
    actions: ['NONE'],
  },
  diskError: {
    id: 'DCB47997', label: 'DISK_ERR5', type: 'PERM', cls: 'H', resourceClass: 'disk', resourceType: 'vdisk',
    description: 'DISK OPERATION ERROR',
    causes: ['DASD DEVICE', 'STORAGE DEVICE CABLE'],
    actions: ['PERFORM PROBLEM DETERMINATION PROCEDURES'],
  },
  errlogOn: {
    id: '9DBCFDEE', label: 'ERRLOG_ON', type: 'TEMP', cls: 'O', resourceClass: 'NONE', resourceType: 'NONE',
    description: 'ERROR LOGGING TURNED ON',
    causes: ['ERRDEMON STARTED AUTOMATICALLY'],
    actions: ['NONE'],
  },
  shutdown: {
    id: '2BFA76F6', label: 'REBOOT_ID', type: 'TEMP', cls: 'S', resourceClass: 'NONE', resourceType: 'NONE',
    description: 'SYSTEM SHUTDOWN BY USER',
    causes: ['SYSTEM SHUTDOWN'],
    actions: ['NONE'],
  },
} as const satisfies Record<string, ErrTemplate>;

export type ErrTemplateKey = keyof typeof ERRPT_TEMPLATES;

/** The resource name errpt shows for entries that are not about a device. */
export const ERRPT_RESOURCE = { errlogOn: 'errdemon', shutdown: 'SYSPROC' } as const;
