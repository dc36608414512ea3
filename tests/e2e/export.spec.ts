import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { createAssessment, editor, fileMenu, row, waitSaved } from './helpers';

// Each export waits this long before it starts writing (a test-only knob, see
// src/core/jobs/jobRunner.ts), so there is time to see the progress bar.
test.beforeAll(() => {
  process.env.PCS_JOB_STEP_DELAY_MS = '1500';
});
test.afterAll(() => {
  delete process.env.PCS_JOB_STEP_DELAY_MS;
});

test('File → Export to Word writes a Word document with the statement, showing progress and then the result', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Introduction').click();
  await editor(page).click();
  await page.keyboard.type('Sefton is a borough of seven towns on the coast.');
  await waitSaved(page);

  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await expect(dialog.getByRole('radio', { name: 'The whole statement' })).toBeChecked();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);

  // Browser mode: where to save is a path (Electron uses the native save dialog).
  const out = join(app.dir, 'Sefton statement.docx');
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByText('Mark every page “DRAFT”').click();
  await expect(dialog.getByRole('checkbox', { name: 'Mark every page “DRAFT”' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export to Word' }).click();

  await expect(dialog.getByRole('progressbar', { name: 'Exporting to Word' })).toBeVisible();
  await page.screenshot({ path: 'test-results/export-progress.png' });
  await expect(dialog.getByText(`Exported to “${out}”.`)).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/export-done.png' });

  expect(existsSync(out)).toBe(true);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toContain('Sefton is a borough of seven towns on the coast.');
  expect(body).toContain('>Introduction<');
  expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>/);
  const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  expect(headers.join('')).toContain('string="DRAFT"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the export worker is got ready when the Export dialog opens, not when the main screen does', async ({ page, app }) => {
  const prepared: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/export-prepare')) prepared.push(request.url());
  });
  await page.goto(app.url);
  await createAssessment(page, { council: 'Readyton Council' });
  await row(page, 'Introduction').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Introduction');
  expect(prepared).toEqual([]);
  await fileMenu(page, 'Export to Word…');
  await expect(page.getByRole('dialog', { name: 'Export to Word' })).toBeVisible();
  await expect.poll(() => prepared.length).toBe(1);
});

test('in browser mode the exported Word document is downloaded with the Download button', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Introduction').click();
  await editor(page).click();
  await page.keyboard.type('Downloaded from the browser.');
  await waitSaved(page);

  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  const out = join(app.dir, 'Sefton download.docx');
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(`Exported to “${out}”.`)).toBeVisible({ timeout: 20_000 });
  // The desktop app's Open and Show in folder cannot reach the server's disk from a browser.
  await expect(dialog.getByRole('button', { name: 'Open' })).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Sefton download.docx');
  const saved = await download.path();
  const zip = await JSZip.loadAsync(readFileSync(saved));
  const body = await zip.file('word/document.xml')!.async('string');
  // The statement's first heading, and the text typed into it.
  expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>.*?>Introduction</s);
  expect(body).toContain('Downloaded from the browser.');
});

test("Export to Word takes the council template's styles, and says plainly when the template is not a Word file", async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });

  // The council's template: a Word file whose Heading 1 is red (made from an export of ours).
  const plain = join(app.dir, 'plain.docx');
  await fileMenu(page, 'Export to Word…');
  let dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByLabel('Save as').fill(plain);
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(`Exported to “${plain}”.`)).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  const zip = await JSZip.loadAsync(readFileSync(plain));
  const heading1 = /(<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?)<w:color w:val="[0-9A-Fa-f]{6}"\/>/;
  zip.file('word/styles.xml', (await zip.file('word/styles.xml')!.async('string')).replace(heading1, '$1<w:color w:val="C00000"/>'));
  const template = join(app.dir, 'Sefton house style.dotx');
  writeFileSync(template, await zip.generateAsync({ type: 'nodebuffer' }));
  const notWord = join(app.dir, 'Sefton brand.docx');
  writeFileSync(notWord, 'a text file with the wrong name');

  await fileMenu(page, 'Export to Word…');
  dialog = page.getByRole('dialog', { name: 'Export to Word' });
  const out = join(app.dir, 'Sefton templated.docx');
  await dialog.getByLabel('Save as').fill(out);
  // A damaged template: a clear message, nothing written, and the dialog stays to choose another.
  await dialog.getByLabel('Council template (optional)').setInputFiles(notWord);
  await expect(dialog.getByText('Styles from “Sefton brand.docx”.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText('“Sefton brand.docx” is not a Word document or template (.docx or .dotx), so its styles could not be used.')).toBeVisible({
    timeout: 20_000,
  });
  expect(existsSync(out)).toBe(false);

  await dialog.getByLabel('Council template (optional)').setInputFiles(template);
  await expect(dialog.getByText('Styles from “Sefton house style.dotx”.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: 'test-results/export-template.png' });
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(`Exported to “${out}”.`)).toBeVisible({ timeout: 20_000 });
  const styles = await (await JSZip.loadAsync(readFileSync(out))).file('word/styles.xml')!.async('string');
  const written = styles.match(/<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?<\/w:style>/g) ?? [];
  expect(written).toHaveLength(1);
  expect(written[0]).toContain('<w:color w:val="C00000"/>');
});

test('Export to Word can export chosen chapters only', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('Our governance is robust.');
  await waitSaved(page);

  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByText('Chosen chapters').click();
  await dialog.locator('label', { hasText: 'Governance and culture' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Governance and culture' })).toBeChecked();
  const out = join(app.dir, 'governance.docx');
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(`Exported to “${out}”.`)).toBeVisible({ timeout: 20_000 });
  const body = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
  expect(body).toContain('Our governance is robust.');
  expect(body).not.toContain('>Financial planning and management<');
});

test('the evidence pack says plainly when there are no evidence files', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByRole('button', { name: 'Export the evidence pack…' }).click();
  const packDialog = page.getByRole('dialog', { name: 'Export the evidence pack' });
  await expect(packDialog.getByLabel('Save as')).toHaveValue(/Sefton Council evidence pack\.zip$/);
  await packDialog.getByRole('button', { name: 'Export the evidence pack' }).click();
  await expect(packDialog.getByText(/no evidence files yet/)).toBeVisible({ timeout: 20_000 });
  expect(existsSync(join(app.dir, 'Sefton Council evidence pack.zip'))).toBe(false);
});
