// The report library: every report a body keeps, year after year, in one
// SQLite file. Plain Node (paths and data in, Results out) so the app, the
// CLI and the tests use the very same code.
export { openLibrary, type OpenOptions, type OpenedLibrary } from './open';
export { ReportLibrary, ReportLibrary as Library, type ListOptions, type PreviousRef } from './library';
export { checkReport } from './input';
export type { StoredReport } from './report-sql';
export type { BackupFile } from './backups';
export { databaseIn, defaultDatabasePath } from './paths';
export type { Holder } from './lock';
