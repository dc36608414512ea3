import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { binder, CPC_CHAPTERS, createAssessment, fileMenu, scrolledToRow, topLevel } from './helpers';

/** The real 2023 position statement (about 50 pages). */
const STATEMENT = path.resolve(import.meta.dirname, '../../../shared/corpus/lga-peer-challenge-self-assessment-2023.docx');
const MOVED = 'Where does every £100 of your Council Tax go?';

test('Import from Word: the mapping is shown and changed before anything is written, and the change is honoured', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  // The binder fills in just after the main screen shows: asked again until it has.
  await expect.poll(() => topLevel(page)).toEqual(CPC_CHAPTERS);

  await fileMenu(page, 'Import from Word…');
  const dialog = page.getByRole('dialog', { name: 'Import from Word' });
  await dialog.getByLabel('Word document (.docx)').setInputFiles(STATEMENT);

  const table = dialog.getByRole('table', { name: /Where each part of “lga-peer-challenge-self-assessment-2023.docx” goes/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  // The five themes, matched to their chapters however the document words them.
  const themes: Array<[string, string]> = [
    ['Local priorities and outcomes', 'chapter:theme.local-priorities'],
    ['Organisational and place leadership', 'chapter:theme.leadership'],
    ['Governance and culture', 'chapter:theme.governance'],
    ['Financial planning and management', 'chapter:theme.finance'],
    ['Capacity for improvement & fit for the future', 'chapter:theme.capacity'],
  ];
  for (const [heading, key] of themes) await expect(table.getByLabel(`Where “${heading}” goes`, { exact: true })).toHaveValue(key);
  await expect(dialog.getByRole('checkbox', { name: /Add the 32 key documents as evidence placeholders/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Add the recommendations A, B, C, D, E, F to the register/ })).toBeChecked();

  // Change one: the Council Tax page becomes a focus area of its own instead of a finance subsection.
  const moved = table.getByLabel(`Where “${MOVED}” goes`);
  await expect(moved).toHaveValue('subsection:theme.finance');
  await moved.selectOption({ label: 'A new focus area' });
  await expect(moved).toHaveValue('focus-area');

  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: 'test-results/import-mapping.png' });

  // Nothing written yet: the binder is as it was.
  expect(await topLevel(page)).toEqual(CPC_CHAPTERS);

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Imported:/ })).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The binder has the document: the moved part is a focus area (top level), the rest where proposed.
  // A statement this long has a virtualised binder: only the rows near the screen are in the page.
  await expect(await scrolledToRow(page, escape(MOVED))).toBeVisible();
  const after = await allTopLevel(page);
  expect(after).toContain(MOVED);
  expect(after.indexOf(MOVED)).toBeLessThan(after.indexOf('Key and background documents'));
  const finance = await scrolledToRow(page, 'Financial planning and management');
  await finance.getByRole('button', { name: /^Expand Financial planning and management/ }).click();
  await expect(finance).toHaveAttribute('aria-expanded', 'true');
  await expect(await scrolledToRow(page, 'High Needs Deficit')).toBeVisible();
  // The moved part is not also under finance.
  await expect(await scrolledToRow(page, 'Budget Management & Sustainability')).toBeVisible();
  expect(await page.locator('[role="row"][aria-level="2"] .binder-title', { hasText: MOVED }).count()).toBe(0);
  await page.screenshot({ path: 'test-results/import-binder.png' });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The binder's top-level titles in order, read a screen at a time (by each row's position among its siblings). */
async function allTopLevel(page: Page): Promise<string[]> {
  const tree = binder(page);
  const seen = new Map<number, string>();
  await tree.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 100; i++) {
    await page.waitForTimeout(100);
    for (const [pos, title] of await tree.evaluate((el) =>
      Array.from(el.querySelectorAll<HTMLElement>('[role="row"][aria-level="1"]')).map((r) => [Number(r.getAttribute('aria-posinset')), r.querySelector('.binder-title')?.textContent ?? ''] as const),
    ))
      seen.set(pos, title);
    const atEnd = await tree.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollBy({ top: el.clientHeight * 0.8 });
      return end;
    });
    if (atEnd) break;
  }
  await tree.evaluate((el) => el.scrollTo({ top: 0 }));
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, title]) => title);
}
