/**
 * Permissions of what the library writes (POSIX; Windows keeps only the
 * read-only bit, which these leave off). Notes, reading positions and the
 * author id are the user's own: no other account on the machine reads them,
 * whatever the umask.
 */
export const PRIVATE_FILE_MODE = 0o600
export const PRIVATE_DIR_MODE = 0o700
