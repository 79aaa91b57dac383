/**
 * .wslconfig changed on disk after Headroom read it, so a write was refused rather than overwrite someone else's
 * edit. Nothing was written; `message` is fit to show the user.
 */
export class WslConfigConflictError extends Error {
  readonly code = 'changed-on-disk';

  constructor(
    readonly path: string,
    /** The hash the caller read the file at. */
    readonly expectedHash: string,
    /** The hash of what is on disk now (`'absent'` when the file is gone). */
    readonly actualHash: string,
  ) {
    super(
      '.wslconfig changed on disk since Headroom read it (another program or you edited it). Nothing was written: reload it to see the change, then apply yours again.',
    );
    this.name = 'WslConfigConflictError';
  }
}

/** Why a saved version of .wslconfig cannot be used. */
export type WslConfigHistoryFailure = 'unknown-version' | 'damaged-version';

/** A saved version of .wslconfig that does not exist or no longer matches its recorded hash. */
export class WslConfigHistoryError extends Error {
  constructor(
    readonly code: WslConfigHistoryFailure,
    readonly id: string,
    message: string,
  ) {
    super(message);
    this.name = 'WslConfigHistoryError';
  }
}

/**
 * Why .wslconfig could not be read or replaced: it is a folder, not a regular file (a FIFO, a device), larger
 * than any real .wslconfig, read-only, a symbolic link to nothing, owned by someone the write would take it from,
 * access was denied, another Headroom holds the lock, the backup Headroom takes before every write could not be
 * saved (then `path` is the history folder), or the folder it would be written in does not exist (`no-folder`).
 */
export type WslConfigFileFailure =
  | 'is-directory'
  | 'not-a-file'
  | 'too-large'
  | 'read-only'
  | 'dangling-link'
  | 'owner-change'
  | 'access-denied'
  | 'locked'
  | 'backup-failed'
  | 'no-folder';

/**
 * .wslconfig could not be read or replaced for a reason the user can fix (it is a folder, it is read-only, a
 * program holds it open, the history folder is not writable). Nothing was changed; `message` says what to do.
 * `cause` keeps the original error.
 */
export class WslConfigFileError extends Error {
  constructor(
    readonly code: WslConfigFileFailure,
    readonly path: string,
    message: string,
    options?: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'WslConfigFileError';
  }
}
