import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createAssessment, editor, fillCreateDialog, fileMenu, row, waitSaved } from './helpers';

/**
 * Issue #8, defect 1: browser mode holds one open assessment for every tab. When another tab
 * opens or creates a different assessment, a tab still typing into the first must never show
 * "Saved" for text that was not written: it keeps the text, says what happened, and offers to
 * reopen its assessment and save there.
 */
test('a tab whose assessment was replaced in another tab keeps its text and can save it', async ({ page, app, context }) => {
  const fileA = join(app.dir, 'Alpha.pcstudio');
  const fileB = join(app.dir, 'Beta.pcstudio');

  // Tab A: assessment A, some first words, saved.
  await page.goto(app.url);
  await createAssessment(page, { council: 'Alpha Borough Council', path: fileA });
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await editor(page).click();
  await page.keyboard.type('First words.', { delay: 10 });
  await waitSaved(page);

  // Tab B: the same link lands in assessment A (the one open file), then creates assessment B.
  const tabB = await context.newPage();
  await tabB.goto(app.url);
  await expect(tabB.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await fileMenu(tabB, 'Create a new assessment…');
  await fillCreateDialog(tabB, { council: 'Beta District Council', path: fileB });

  // Tab A types on: this must not be reported as saved.
  await page.bringToFront();
  await editor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Later words that must not be lost.', { delay: 10 });
  const problem = page.getByRole('alert').filter({ hasText: 'another tab' });
  await expect(problem).toBeVisible();
  await expect(page.locator('.save-status')).not.toHaveText('Saved');
  await page.waitForTimeout(1500);
  await expect(page.locator('.save-status')).not.toHaveText('Saved');
  await expect(editor(page)).toHaveText('First words. Later words that must not be lost.');
  // The banner is accessible, and the keyboard reaches its buttons.
  const axe = await new AxeBuilder({ page }).include('.save-problem').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('unsaved-banner.png') });

  // The way out keeps the text: reopen this tab's assessment and save it there.
  await problem.getByRole('button', { name: 'Reopen and save' }).click();
  await waitSaved(page);
  await expect(problem).toBeHidden();

  // The file really holds it: a fresh load of tab A (assessment A is the open one again).
  await page.reload();
  await row(page, 'Governance and culture').click();
  await expect(editor(page)).toHaveText('First words. Later words that must not be lost.');

  // And tab B, whose assessment was in turn replaced, is told rather than silently dropping.
  await tabB.bringToFront();
  await row(tabB, 'Local priorities and outcomes').click();
  await editor(tabB).click();
  await tabB.keyboard.type('Beta text.', { delay: 10 });
  await expect(tabB.getByRole('alert').filter({ hasText: 'another tab' })).toBeVisible();
  await expect(tabB.locator('.save-status')).not.toHaveText('Saved');
});
