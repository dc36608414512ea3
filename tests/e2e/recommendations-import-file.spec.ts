import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, expectNoSeriousViolations, importRecommendationsDialog as importDialog, recommendationsView as view } from './helpers';

/** Issue #11: import the recommendations from a feedback report (DOCX, PDF or text) chosen in the dialog. */

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

async function openImport(page: Page) {
  await page.keyboard.press('Alt+Shift+R');
  await view(page).getByRole('button', { name: 'Import recommendations…' }).click();
  await expect(importDialog(page)).toBeVisible();
}

async function chooseReport(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await importDialog(page).getByRole('button', { name: 'Choose a report (Word, PDF or text)…' }).click();
  await (await chooser).setFiles(file);
}

test('choose the 2023 statement (Word): the list is shown for confirmation, and only then saved', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Reportsby Council' });
  await openImport(page);
  await importDialog(page).getByLabel('Where they come from').fill('2022 revisit');

  // A report with no recommendations: a clear message naming it, nothing offered to save.
  await chooseReport(page, join(CORPUS, 'sefton-corporate-plan-2023-2026.docx'));
  await expect(importDialog(page).getByRole('heading', { name: 'No recommendations were recognised' })).toBeVisible({ timeout: 20_000 });
  await expect(importDialog(page).getByRole('alert')).toContainText('“sefton-corporate-plan-2023-2026.docx”: No recommendations were recognised in this document');
  await expect(importDialog(page).getByRole('alert')).toContainText('Nothing has been saved.');
  await expect(importDialog(page).getByRole('button', { name: /^Add \d+ to the register$/ })).toBeDisabled();
  await importDialog(page).getByRole('button', { name: 'Back' }).click();

  await chooseReport(page, join(CORPUS, 'lga-peer-challenge-self-assessment-2023.docx'));
  await expect(
    importDialog(page).getByRole('heading', { name: 'Recognised 6 recommendations under “Peer Team Recommendations from the 2022 Revisit”' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(importDialog(page)).toContainText('Read from “lga-peer-challenge-self-assessment-2023.docx”');
  const recognised = importDialog(page).getByRole('list', { name: 'Recognised recommendations' }).getByRole('listitem');
  await expect(recognised).toHaveCount(6);
  await expect(recognised.nth(3)).toContainText('work with partners to review the localities model.');
  await expectNoSeriousViolations(page, 'Import dialog with a report read');
  await page.screenshot({ path: 'test-results/recommendations-import-file.png' });
  // Nothing saved yet.
  await importDialog(page).getByRole('button', { name: 'Back' }).click();
  await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(view(page)).toContainText('The register is empty.');

  await view(page).getByRole('button', { name: 'Import recommendations…' }).click();
  await importDialog(page).getByLabel('Where they come from').fill('2022 revisit');
  await chooseReport(page, join(CORPUS, 'lga-peer-challenge-self-assessment-2023.pdf'));
  await expect(importDialog(page).getByRole('heading', { name: /^Recognised 6 recommendations/ })).toBeVisible({ timeout: 30_000 });
  await importDialog(page).getByRole('button', { name: 'Add 6 to the register' }).click();
  await expect(importDialog(page)).toBeHidden();
  await expect(view(page).getByRole('listbox', { name: 'Recommendations' }).getByRole('option')).toHaveCount(6);
});
