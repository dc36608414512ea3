import path from 'node:path';
import { FILE_EXTENSION } from '../../shared/constants';

/** The absolute path an assessment will have: the user's path with `.pcstudio` added if missing. */
export function assessmentPath(requested: string): string {
  const absolute = path.resolve(requested);
  return absolute.toLowerCase().endsWith(FILE_EXTENSION) ? absolute : absolute + FILE_EXTENSION;
}

/** SQLite's companion files: a crash can leave these beside the database. */
export function companionFiles(dbPath: string): string[] {
  return [`${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`];
}
