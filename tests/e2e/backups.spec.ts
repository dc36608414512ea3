import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, fileMenu, row, waitSaved } from './helpers';

/** "Mon 23 Nov 2026, 14:10", as the backups are listed. */
const BRITISH_TIME = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}/;
const FIRST_DRAFT = 'Our first draft of the governance story.';

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([]);
}

/** Creates Sefton, writes the first draft, and closes it: closing makes a backup, as there were edits. */
async function firstDraftBackedUp(page: Page, file: string) {
  await createAssessment(page, { council: 'Sefton Council', path: file });
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type(FIRST_DRAFT);
  await waitSaved(page);
  await fileMenu(page, 'Close assessment');
  await expect(page.getByRole('heading', { name: 'Write your position statement' })).toBeVisible();
}

test('Restore from backup lists backups with time and word count, and restores one as a new file', async ({ page, app }) => {
  const file = join(app.dir, 'Sefton.pcstudio');
  await page.goto(app.url);
  await firstDraftBackedUp(page, file);

  // Open it again and rewrite the section.
  await page.getByRole('button', { name: /^Open Sefton Council, Sefton\.pcstudio/ }).click();
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('A rewrite.');
  await waitSaved(page);

  await fileMenu(page, 'Restore from backup…');
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const backups = dialog.getByRole('radio');
  await expect(backups).toHaveCount(1);
  await expect(backups.first()).toBeChecked();
  const entry = dialog.locator('label.radio').first();
  await expect(entry).toContainText(BRITISH_TIME);
  await expect(entry).toContainText('7 words');
  await expectNoSeriousViolations(page, 'Restore from backup dialog');
  if (process.env.PCS_SCREENSHOTS) await page.screenshot({ path: join(process.env.PCS_SCREENSHOTS, 'restore-dialog.png') });

  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.header-file')).toContainText(/Sefton \(restored \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}\.\d{2}\)\.pcstudio/);
  await expect(page.locator('.toast-message')).toContainText('The file you had open is unchanged.');
  await row(page, 'Governance and culture').click();
  await expect(editor(page)).toHaveText(FIRST_DRAFT);
});

test('a damaged file offers its latest good backup, restored beside it', async ({ page, app }) => {
  const file = join(app.dir, 'Sefton.pcstudio');
  await page.goto(app.url);
  await firstDraftBackedUp(page, file);

  // The file is damaged while closed: only its first half is left.
  const bytes = readFileSync(file);
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));

  await page.getByRole('button', { name: /^Open Sefton Council, Sefton\.pcstudio/ }).click();
  const offer = page.getByRole('alertdialog', { name: 'This assessment cannot be opened' });
  await expect(offer).toContainText('is damaged');
  await expect(offer).toContainText('7 words');
  await expectNoSeriousViolations(page, 'Damaged file dialog');
  if (process.env.PCS_SCREENSHOTS) await page.screenshot({ path: join(process.env.PCS_SCREENSHOTS, 'damaged-dialog.png') });
  await offer.getByRole('button', { name: 'Restore the latest good backup' }).click();
  await expect(offer).toBeHidden();
  await expect(page.locator('.header-file')).toContainText('Sefton (restored ');
  await row(page, 'Governance and culture').click();
  await expect(editor(page)).toHaveText(FIRST_DRAFT);
});
