// The AIX error numbers and texts (strerror) a client's block I/O can end with, as `dd` prints them after
// the device name. The texts are AIX's own wording as we know it; they are not in reference/ (UNCERTAIN).
export const AIX_ERRNO = {
  ENOENT: { errno: 2, text: 'A file or directory in the path name does not exist.' },
  EIO: { errno: 5, text: 'There is an input or output error.' },
  ENXIO: { errno: 6, text: 'There is a request to a device or address that does not exist.' },
  EINVAL: { errno: 22, text: 'A system call received a parameter that is not valid.' },
} as const;

export type AixErrnoCode = keyof typeof AIX_ERRNO;

/**
 * A failed block I/O. `message` is the AIX text (what a command prints); `code`/`errno` say which error;
 * `detail` says in our words what went wrong (the device and the reason), for logs and tests.
 */
export class BlockIoError extends Error {
  readonly errno: number;
  constructor(readonly code: AixErrnoCode, readonly detail: string) {
    super(AIX_ERRNO[code].text);
    this.name = 'BlockIoError';
    this.errno = AIX_ERRNO[code].errno;
  }
}
