import type Database from 'better-sqlite3';
import type { CoreHandlers, MethodName } from '../../shared/contract';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { BackupService } from './backupService';

const changeCounters = new WeakMap<OpenAssessment, Database.Statement>();

/** How many rows this connection has changed since it opened: a change means an edit to back up. */
function changesOf(open: OpenAssessment): number {
  let statement = changeCounters.get(open);
  if (!statement) {
    statement = open.file.db.prepare('SELECT total_changes()').pluck();
    changeCounters.set(open, statement);
  }
  return statement.get() as number;
}

/** Methods that write to the file but are not the user's work: where they were, not what they wrote. */
const NOT_EDITS: ReadonlySet<string> = new Set<MethodName>(['ui-state-set']);

/**
 * Tells the backup scheduler about every call that changed the open assessment. Counting changed
 * rows, rather than listing the editing methods, means a method added later is covered too.
 */
export function withEditTracking(
  handlers: CoreHandlers,
  current: () => OpenAssessment | null,
  backups: BackupService,
): CoreHandlers {
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as Array<[string, (args: never) => Promise<unknown>]>) {
    if (NOT_EDITS.has(method)) {
      wrapped[method] = handler;
      continue;
    }
    wrapped[method] = async (args) => {
      const before = current();
      const count = before ? changesOf(before) : 0;
      const result = await handler(args);
      if (before && current() === before && changesOf(before) !== count) backups.noteEdit(before);
      return result;
    };
  }
  return wrapped as unknown as CoreHandlers;
}
