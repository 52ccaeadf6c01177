/** The generic storage layer (DESIGN §3): plain Node, no Electron. */
export { writeFileAtomic, type AtomicWriteOptions } from './atomic-write'
export { backUp, listBackups, DEFAULT_KEEP_BACKUPS, type Backup } from './backups'
export { JsonFile, type JsonFileOptions, type RecoveryReport } from './json-file'
export { openJsonStore, type JsonStore, type JsonStoreOptions } from './json-store'
export { parseJsonSafely, parseJsonBytes } from './safe-json'
export { SerialQueue, runSerially } from './serial-queue'
export { nodeFs, type StoreFs } from './store-fs'
export { removeStaleTemps } from './temp-files'
