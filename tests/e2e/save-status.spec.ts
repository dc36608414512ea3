import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, insertBlock, row, waitSaved } from './helpers';

/**
 * The save status says "Saving…" only while something is being saved: merely choosing a section
 * (its text loaded into the editor, nothing typed) must not flash it.
 */

/** Starts recording every text the save status shows, from now on. */
const recordSaveStatus = (page: Page) =>
  page.evaluate(() => {
    const now = () => document.querySelector('.save-status')?.textContent ?? '';
    const first = now();
    const seen: string[] = [];
    (window as unknown as { __saveStatusSeen: string[] }).__saveStatusSeen = seen;
    const observer = new MutationObserver(() => {
      const text = now();
      if ((seen.at(-1) ?? first) !== text) seen.push(text);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
const saveStatusSeen = (page: Page) => page.evaluate(() => (window as unknown as { __saveStatusSeen: string[] }).__saveStatusSeen);

test('choosing a section does not show “Saving…”; typing does', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Quietsave Council' });
  // Two sections with text and a statement block, so loading each has something to lay out.
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('Our governance is clear and open.');
  await insertBlock(page, 'Headline statements');
  await page.keyboard.type('Scrutiny works.');
  await waitSaved(page);
  await row(page, 'Financial planning and management').click();
  await editor(page).click();
  await page.keyboard.type('The budget is balanced.');
  await waitSaved(page);

  await recordSaveStatus(page);
  for (const title of ['Governance and culture', 'Financial planning and management', 'Governance and culture']) {
    await row(page, title).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.waitForTimeout(1200); // longer than the autosave's wait: a save would have shown by now
  }
  await editor(page).click();
  await page.waitForTimeout(1200);
  expect(await saveStatusSeen(page)).toEqual([]);
  await waitSaved(page);

  // A real change still says so.
  await page.keyboard.type(' More.');
  await expect.poll(() => saveStatusSeen(page)).toContain('Saving…');
  await waitSaved(page);
});
