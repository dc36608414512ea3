import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, expectNoSeriousViolations, row } from './helpers';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
/** Drops files on the editor the way a browser does: File objects built in the page from the real bytes. */
async function dropFiles(page: Page, files: { name: string; type: string; path: string }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, base64: readFileSync(f.path).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const target = document.getElementById('editor')!;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, payload);
}

// Each job step waits a moment (a test-only knob, see src/core/jobs/jobRunner.ts) so the progress bar can be seen.
test.beforeAll(() => {
  process.env.PCS_JOB_STEP_DELAY_MS = '1500';
});
test.afterAll(() => {
  delete process.env.PCS_JOB_STEP_DELAY_MS;
});

test('evidence: drop two files, watch progress, search, cite into a section, key documents list, delete warns', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Governance and culture').click();
  await expect(editor(page)).toBeVisible();

  // Drop two files (and the same one again: kept once, and the user is told).
  await dropFiles(page, [
    { name: 'sefton-corporate-plan-2024-2027.pdf', type: 'application/pdf', path: join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf') },
    { name: 'sefton-corporate-plan-2024-2027.txt', type: 'text/plain', path: join(CORPUS, 'sefton-corporate-plan-2024-2027.txt') },
  ]);
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Adding evidence' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Evidence panel while adding', '#evidence-panel');
  await page.screenshot({ path: 'test-results/evidence-progress.png' });
  await expect(panel.getByRole('status', { name: 'What happened' })).toContainText('Added 2 files', { timeout: 60_000 });
  const items = panel.getByRole('list', { name: 'Evidence items' });
  await expect(items.getByRole('listitem')).toHaveCount(2);
  await expect(items).toContainText('Sefton Council Corporate Plan 2024 to 2027');

  await dropFiles(page, [{ name: 'again.pdf', type: 'application/pdf', path: join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf') }]);
  await expect(panel.getByRole('status', { name: 'What happened' })).toContainText('is already in the library', { timeout: 60_000 });
  await expect(items.getByRole('listitem')).toHaveCount(2);

  // Search: ranked hits with highlighted words and page numbers.
  await panel.getByRole('searchbox', { name: /Search the evidence and the statement/ }).fill('brownfield land grant');
  const hits = panel.getByRole('list', { name: 'Search results' });
  await expect(hits.getByRole('button', { name: /Corporate Plan 2024 to 2027, page 12/ }).first()).toBeVisible();
  await expect(hits.locator('mark').first()).toHaveText(/brownfield/i);
  await hits.getByRole('button', { name: /page 12/ }).first().click();
  const reader = page.getByRole('dialog', { name: /page 12/ });
  await expect(reader.locator('mark').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Evidence reader', '[role="dialog"]');
  await reader.getByRole('button', { name: 'Close' }).click();

  // Cite into the section: select words, Ctrl+Shift+E, search, pick a hit.
  await editor(page).click();
  await page.keyboard.type('We have secured funding for new homes on brownfield sites.');
  await page.keyboard.down('Shift');
  for (let i = 0; i < 'on brownfield sites.'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Control+Shift+E');
  const cite = page.getByRole('dialog', { name: 'Cite evidence' });
  await expect(cite).toBeVisible();
  await cite.getByRole('searchbox', { name: 'Search the evidence' }).fill('brownfield land grant');
  await expect(cite.getByRole('button', { name: /page 12/ }).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'Cite evidence dialog', '[role="dialog"]');
  await cite.getByRole('button', { name: /page 12/ }).first().click();
  await expect(cite).toBeHidden();
  const citation = editor(page).locator('cite');
  await expect(citation).toHaveText(/^\[\d+[a-z]?\]$/);
  await expect(editor(page)).toContainText(/on brownfield sites\.\s?\[\d+\]/);
  await expect(citation).toHaveAttribute('title', /on brownfield sites/);
  await expect(citation).toHaveAttribute('aria-label', /page 12/);
  await expect(page.locator('.save-status')).toHaveText('Saved', { timeout: 10_000 });

  // The key documents chapter lists the cited item, with the number the citation shows.
  const label = (await citation.textContent())!.replace(/[[\]]/g, '');
  await row(page, 'Key and background documents').scrollIntoViewIfNeeded();
  await row(page, 'Key and background documents').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Key and background documents' })).toBeVisible();
  const keyList = page.getByRole('list', { name: 'Key and background documents' });
  await expect(keyList).toContainText(`${label}. Sefton Council Corporate Plan 2024 to 2027`);
  expect(label).toBe('1');

  // Deleting the cited item lists its citations and asks first.
  await items.getByRole('button', { name: 'Delete “Sefton Council Corporate Plan 2024 to 2027” (sefton-corporate-plan-2024-2027.pdf)' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Delete cited evidence?' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Governance and culture');
  await expect(warning).toContainText('page 12');
  await expectNoSeriousViolations(page, 'Delete cited evidence warning', '[role="alertdialog"]');
  await page.screenshot({ path: 'test-results/evidence-delete-warning.png' });
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(items.getByRole('listitem')).toHaveCount(2);
});
