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

/**
 * Issue #6, stale writes: two tabs on the same assessment and section. Tab B's newer text is
 * never overwritten by tab A's older copy: tab A's save is refused, its editor reloads the
 * section with B's text, and A's own change is kept for download.
 */
test('a save based on an older copy of the section is refused and the editor reloads it', async ({ page, app, context }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Gamma Council', path: join(app.dir, 'Gamma.pcstudio') });
  await row(page, 'Capacity for improvement').click();
  // The section's own editor, not the one it replaces (keys typed into that one go nowhere).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capacity for improvement');
  await editor(page).click();
  await page.keyboard.type('Shared start.', { delay: 10 });
  await expect(editor(page)).toHaveText('Shared start.');
  await waitSaved(page);

  const tabB = await context.newPage();
  await tabB.goto(app.url);
  await row(tabB, 'Capacity for improvement').click();
  await expect(editor(tabB)).toHaveText('Shared start.');
  await editor(tabB).click();
  await tabB.keyboard.press('End');
  await tabB.keyboard.type(' Newer words from tab B.', { delay: 10 });
  await waitSaved(tabB);

  await page.bringToFront();
  await editor(page).click();
  await page.keyboard.press('End');
  // One change (a paste, say): keys typed while the editor reloads would land in the new copy.
  await page.keyboard.insertText(' Older copy from tab A.');
  const problem = page.getByRole('alert').filter({ hasText: 'changed after this text was loaded' });
  await expect(problem).toBeVisible();
  await expect(editor(page)).toHaveText('Shared start. Newer words from tab B.');
  await expect(page.locator('.save-status')).toHaveText('Not saved');
  const download = page.waitForEvent('download');
  await problem.getByRole('button', { name: 'Download my text' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file, 'utf8')).toContain('Shared start. Older copy from tab A.');
  await problem.getByRole('button', { name: 'Keep the newer text' }).click();
  await waitSaved(page);

  // Tab B's text is what the file holds.
  await tabB.reload();
  await row(tabB, 'Capacity for improvement').click();
  await expect(editor(tabB)).toHaveText('Shared start. Newer words from tab B.');
});
