import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import type { Core } from '../index';
import { BLOB_TABLES_SQL } from './blobStore';

/**
 * Until migration 004 creates the blob tables, tests add them to a real assessment file: the
 * assessment is closed, the tables created, and the file opened again through the core.
 */
export async function addBlobTables(core: Core, filePath: string): Promise<void> {
  // Migration 004 now creates them; kept so the tests read the same. Adds them only to a file
  // that lacks them (one made before 004).
  await core.handlers['assessment-close']({});
  const db = new Database(filePath);
  const has = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'blobs'").pluck().get() as number;
  if (has === 0) db.exec(BLOB_TABLES_SQL);
  db.close();
  await core.handlers['assessment-open']({ path: filePath });
}

/** A file of `megabytes` MB written 1 MB at a time (never held whole in memory). */
export function writeBigFile(filePath: string, megabytes: number): void {
  const fd = fs.openSync(filePath, 'w');
  try {
    for (let i = 0; i < megabytes; i++) fs.writeSync(fd, randomBytes(1024 * 1024));
  } finally {
    fs.closeSync(fd);
  }
}

/** The garbage collector, so samples measure what is held, not what is waiting to be collected. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Samples memory while `work` runs (collecting garbage before each sample); returns the largest
 * growth seen in rss and arrayBuffers. Holding a 50 MB file whole shows up as 50 MB or more.
 */
export async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ value: T; rss: number; arrayBuffers: number }> {
  const gc = collector();
  gc();
  const start = process.memoryUsage();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = () => {
    gc();
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss - start.rss);
    arrayBuffers = Math.max(arrayBuffers, now.arrayBuffers - start.arrayBuffers);
  };
  const timer = setInterval(sample, 100);
  try {
    const value = await work();
    sample();
    return { value, rss, arrayBuffers };
  } finally {
    clearInterval(timer);
  }
}
