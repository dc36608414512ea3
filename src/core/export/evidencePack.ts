import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { AppError } from '../../shared/errors';
import { CANCELLED_MESSAGE, type ExportRun } from './exportRun';

/**
 * The evidence pack as the peers receive it: one ZIP holding every evidence file, named by its
 * key-document number and title ("06a Budget monitoring report to Cabinet.pdf"), with an index
 * (index.html to read, index.csv to sort). Written against a small source so that it works the
 * same whether the files come from the assessment's blob store or a test folder.
 */
export interface EvidencePackItem {
  /** The key-document number, "6a". */
  number: string;
  title: string;
  /** The original file name; only its extension is kept. */
  fileName: string;
  read(): Promise<Buffer> | Buffer;
}
export interface EvidencePackSource {
  items: readonly EvidencePackItem[];
}

/** "6a" → "06a", so the files sort in the order of the list. */
export function paddedNumber(number: string): string {
  const m = /^(\d+)(.*)$/.exec(number.trim());
  return m ? `${m[1]!.padStart(2, '0')}${m[2]}` : number.trim();
}

/** A name every file system accepts: no reserved characters, no trailing dots or spaces, not too long. */
export function packFileName(item: Pick<EvidencePackItem, 'number' | 'title' | 'fileName'>): string {
  const ext = path.extname(item.fileName).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const title = item.title
    // eslint-disable-next-line no-control-regex -- control characters are unsafe in file names.
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const base = `${paddedNumber(item.number)} ${title}`.slice(0, 150).trim();
  return `${base}${ext}`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function indexHtml(title: string, rows: Array<{ number: string; title: string; file: string }>): string {
  const body = rows
    .map((r) => `<tr><td>${escapeHtml(r.number)}</td><td><a href="${encodeURI(r.file)}">${escapeHtml(r.title)}</a></td></tr>`)
    .join('\n');
  return `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n<table><thead><tr><th scope="col">No.</th><th scope="col">Document</th></tr></thead><tbody>\n${body}\n</tbody></table></body></html>\n`;
}

/**
 * Where the pack's files go and how they are compressed: in this thread (tests, the CLI) or in
 * a worker thread (the job lane; see ./runExportWorker.ts), since deflating a few hundred
 * megabytes of evidence is the pack's costly step.
 */
export interface PackZipper {
  add(name: string, data: Uint8Array | string): void | Promise<void>;
  /** Compresses everything added; `onPercent` reports how far it has got. */
  finish(onPercent: (percent: number) => void): Promise<Uint8Array>;
  /** Lets go of whatever was added (the export failed or was cancelled). */
  abandon(): void;
}

export function inThreadZipper(): PackZipper {
  const zip = new JSZip();
  return {
    add: (name, data) => void zip.file(name, data),
    finish: (onPercent) => zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }, (meta) => onPercent(meta.percent)),
    abandon: () => undefined,
  };
}

export async function exportEvidencePack(
  source: EvidencePackSource,
  options: { outPath: string; title?: string },
  run: ExportRun = {},
  zipper: PackZipper = inThreadZipper(),
): Promise<{ path: string; fileCount: number; bytes: number }> {
  try {
    return await writeEvidencePack(source, options, run, zipper);
  } catch (error) {
    zipper.abandon();
    throw error;
  }
}

async function writeEvidencePack(
  source: EvidencePackSource,
  options: { outPath: string; title?: string },
  run: ExportRun,
  zip: PackZipper,
): Promise<{ path: string; fileCount: number; bytes: number }> {
  const used = new Set<string>();
  const rows: Array<{ number: string; title: string; file: string }> = [];
  const total = source.items.length + 1;
  for (const [i, item] of source.items.entries()) {
    if (run.signal?.aborted) throw new AppError('cancelled', CANCELLED_MESSAGE);
    let name = packFileName(item);
    // Two documents with the same number and title: the second gets " (2)".
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const ext = path.extname(packFileName(item));
      name = `${packFileName(item).slice(0, -ext.length || undefined)} (${n})${ext}`;
    }
    used.add(name.toLowerCase());
    await zip.add(name, await item.read());
    rows.push({ number: item.number, title: item.title, file: name });
    run.onProgress?.({ step: `Adding “${item.title}”`, done: i + 1, total });
  }
  const title = options.title ?? 'Key and background documents';
  await zip.add('index.html', indexHtml(title, rows));
  await zip.add('index.csv', `No.,Document,File\r\n${rows.map((r) => [r.number, r.title, r.file].map(csvField).join(',')).join('\r\n')}\r\n`);
  const buffer = await zip.finish((percent) => {
    if (!run.signal?.aborted) run.onProgress?.({ step: 'Compressing the pack', done: source.items.length + percent / 100, total });
  });
  if (run.signal?.aborted) throw new AppError('cancelled', CANCELLED_MESSAGE);
  const outPath = path.resolve(options.outPath);
  const temp = `${outPath}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, buffer);
    await fs.rename(temp, outPath);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  run.onProgress?.({ step: 'Done', done: total, total });
  return { path: outPath, fileCount: rows.length, bytes: buffer.length };
}
