import type { JobOutput } from '../../shared/contracts/jobs';
import type { OpenAssessment } from '../assessment/openAssessment';
import { testStepPause, throwIfCancelled, type JobContext } from './jobRunner';

/**
 * The full integrity check, on demand. Opening a file runs only SQLite's quick_check (see
 * inspectAssessmentFile), which does not read every index entry, so a large file still opens
 * quickly; this reads everything. It runs one table at a time on the open connection (the file
 * is locked to us, so no second connection could read it), yielding between tables so the app
 * stays responsive and Cancel is heard.
 */
export async function fullIntegrityCheck(open: OpenAssessment, { onProgress, signal }: JobContext): Promise<JobOutput<'assessment-check-full'>> {
  const db = open.file.db;
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  ).map((row) => row.name);
  const problems: string[] = [];
  for (const [index, table] of tables.entries()) {
    throwIfCancelled(signal);
    onProgress?.({ step: `Checking ${table}`, done: index, total: tables.length });
    const rows = db.pragma(`integrity_check(${quoteIdentifier(table)})`) as Array<{ integrity_check: string }>;
    for (const row of rows) if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
    // Let other calls (autosave, menus) in between tables.
    await new Promise((resolvePromise) => setImmediate(resolvePromise));
    await testStepPause(signal);
  }
  throwIfCancelled(signal);
  onProgress?.({ step: 'Done', done: tables.length, total: tables.length });
  return { ok: problems.length === 0, problems: problems.slice(0, 100) };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
