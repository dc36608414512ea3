import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenAssessment } from '../assessment/openAssessment';
import { builtInTemplate } from '../templates/builtInTemplates';
import { doc, makeTempDir } from '../testing/testFiles';
import { exportStatementDocx, packStatementDocx } from './docx/exportStatementDocx';
import { exportEvidencePack } from './evidencePack';
import type { ExportProgress } from './exportRun';
import { endWarmExportWorker, exportWorkerIsWarm, packStatementDocxInWorker, prepareExportWorker, workerZipper } from './runExportWorker';

/** Export's CPU-heavy steps in a worker thread: the same bytes as in the core's thread, with progress and Cancel. */
let temp: ReturnType<typeof makeTempDir>;
let open: OpenAssessment;

beforeEach(() => {
  temp = makeTempDir('pcs-export-worker-');
  open = OpenAssessment.create(
    { path: path.join(temp.dir, 'Testshire.pcstudio'), councilName: 'Testshire Council', visitDate: '2026-03-14' },
    builtInTemplate('cpc-2024'),
  );
  for (const section of open.sections.list().slice(0, 8)) {
    open.sections.saveContent(section.id, doc(`What ${section.title} says about the council. `.repeat(50)));
  }
});

afterEach(() => {
  endWarmExportWorker();
  open.close();
  temp.cleanup();
});

const documentXml = async (file: string) => (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');

describe('Export to Word, packed in a worker thread', () => {
  it('writes the same document as packing in this thread, reporting each section as it goes', async () => {
    const here = path.join(temp.dir, 'here.docx');
    const there = path.join(temp.dir, 'there.docx');
    await exportStatementDocx(open, { outPath: here }, {}, {}, packStatementDocx);
    const steps: ExportProgress[] = [];
    const result = await exportStatementDocx(open, { outPath: there }, { onProgress: (p) => steps.push(p) }, {}, packStatementDocxInWorker);
    expect(result.bytes).toBe(fs.statSync(there).size);
    expect(await documentXml(there)).toBe(await documentXml(here));
    expect(steps.map((s) => s.step)).toEqual(expect.arrayContaining(['Preparing', 'Packing the Word file', 'Done']));
    expect(steps.some((s) => s.step.startsWith('Writing “'))).toBe(true);
  });

  it('stops the worker on Cancel and writes nothing', async () => {
    const out = path.join(temp.dir, 'cancelled.docx');
    const controller = new AbortController();
    const run = { signal: controller.signal, onProgress: () => controller.abort() };
    await expect(exportStatementDocx(open, { outPath: out }, run, {}, packStatementDocxInWorker)).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('cancelled'))).toEqual([]);
  });

  it('passes on a message meant for the user, such as a template that is not a Word file', async () => {
    const template = path.join(temp.dir, 'styles.docx');
    fs.writeFileSync(template, 'not a zip');
    await expect(exportStatementDocx(open, { outPath: path.join(temp.dir, 'x.docx'), templatePath: template }, {}, {}, packStatementDocxInWorker)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('is not a Word document or template'),
    });
  });
});

/**
 * The document XML with its bookmarks numbered by first appearance. docx numbers bookmarks from a
 * counter that lives as long as the thread, so a reused worker's second document has the same
 * bookmarks under later numbers: unique within the document, which is all Word asks.
 */
function withBookmarksInOrder(xml: string): string {
  const seen = new Map<string, number>();
  const number = (key: string) => (seen.has(key) ? seen.get(key)! : (seen.set(key, seen.size), seen.size - 1));
  return xml
    .replace(/_Toc(\d+)/g, (_, id: string) => `_Toc~${number(id)}`)
    .replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")(\d+)"/g, (_, head: string, id: string) => `${head}~${number(id)}"`);
}

describe('the Word worker kept warm between exports (issue #12: faster than pandoc)', () => {
  it('is warmed up before the first export, kept after a clean one, and gives the same bytes each time', async () => {
    expect(exportWorkerIsWarm()).toBe(false);
    prepareExportWorker();
    expect(exportWorkerIsWarm()).toBe(true);
    const here = path.join(temp.dir, 'here.docx');
    await exportStatementDocx(open, { outPath: here }, {}, {}, packStatementDocx);
    for (const name of ['first.docx', 'second.docx']) {
      const steps: ExportProgress[] = [];
      await exportStatementDocx(open, { outPath: path.join(temp.dir, name) }, { onProgress: (p) => steps.push(p) }, {}, packStatementDocxInWorker);
      expect(withBookmarksInOrder(await documentXml(path.join(temp.dir, name)))).toBe(withBookmarksInOrder(await documentXml(here)));
      // Progress is this export's own: the warm-up's reply is not taken for it.
      expect(steps.at(-1)?.step).toBe('Done');
      expect(exportWorkerIsWarm()).toBe(true);
    }
  });

  it('is not kept after a Cancel or a failure, and the next export starts a fresh one', async () => {
    prepareExportWorker();
    const controller = new AbortController();
    const run = { signal: controller.signal, onProgress: () => controller.abort() };
    await expect(exportStatementDocx(open, { outPath: path.join(temp.dir, 'c.docx') }, run, {}, packStatementDocxInWorker)).rejects.toMatchObject({ code: 'cancelled' });
    expect(exportWorkerIsWarm()).toBe(false);
    const template = path.join(temp.dir, 'styles.docx');
    fs.writeFileSync(template, 'not a zip');
    await expect(exportStatementDocx(open, { outPath: path.join(temp.dir, 'x.docx'), templatePath: template }, {}, {}, packStatementDocxInWorker)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(exportWorkerIsWarm()).toBe(false);
    await exportStatementDocx(open, { outPath: path.join(temp.dir, 'ok.docx') }, {}, {}, packStatementDocxInWorker);
    expect(fs.statSync(path.join(temp.dir, 'ok.docx')).size).toBeGreaterThan(5_000);
  });

  it('export-prepare (the Export dialog opening) warms a worker in the app, and nothing in the command line', async () => {
    const { createExportHandlers } = await import('./handlers');
    const lane = {} as Parameters<typeof createExportHandlers>[0]['lane'];
    await createExportHandlers({ current: () => open, lane, packing: 'in-thread' })['export-prepare']({});
    expect(exportWorkerIsWarm()).toBe(false);
    await createExportHandlers({ current: () => open, lane })['export-prepare']({});
    expect(exportWorkerIsWarm()).toBe(true);
  });

  it('a warm worker waiting for the next export does not keep the process from ending', () => {
    const script = `
      import { prepareExportWorker } from ${JSON.stringify(path.join(import.meta.dirname, 'runExportWorker.ts'))};
      prepareExportWorker();
      console.log('prepared');
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stdout.trim()).toBe('prepared');
    expect(child.status).toBe(0);
    // It is kept five minutes; the process must not wait for that.
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('the evidence pack, compressed in a worker thread', () => {
  const items = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      number: String(i + 1),
      title: `Document ${i + 1}`,
      fileName: `doc${i + 1}.txt`,
      // A Buffer over a bigger one, as SQLite and Node's pool hand them out.
      read: () => Buffer.from(`Evidence ${i + 1}. `.repeat(2000)).subarray(0, 20_000),
    }));

  it('holds every file with its bytes, and reports compression progress', async () => {
    const out = path.join(temp.dir, 'pack.zip');
    const steps: ExportProgress[] = [];
    const run = { onProgress: (p: ExportProgress) => steps.push(p) };
    const result = await exportEvidencePack({ items: items(3) }, { outPath: out }, run, workerZipper(run));
    expect(result).toMatchObject({ fileCount: 3, bytes: fs.statSync(out).size });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['01 Document 1.txt', '02 Document 2.txt', '03 Document 3.txt', 'index.csv', 'index.html']);
    expect(await zip.file('02 Document 2.txt')!.async('string')).toBe(`Evidence 2. `.repeat(2000).slice(0, 20_000));
    expect(steps.some((s) => s.step === 'Compressing the pack')).toBe(true);
  });

  it('stops the worker on Cancel and writes nothing', async () => {
    const out = path.join(temp.dir, 'cancelled.zip');
    const controller = new AbortController();
    const run = { signal: controller.signal, onProgress: (p: ExportProgress) => p.done === 2 && controller.abort() };
    await expect(exportEvidencePack({ items: items(5) }, { outPath: out }, run, workerZipper(run))).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('cancelled'))).toEqual([]);
  });
});
