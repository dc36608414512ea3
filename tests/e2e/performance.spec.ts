import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { binder, buildLargeStatement, openByPath, editor, row, waitSaved } from './helpers';

/**
 * Issue "Instant at council scale": typing in one section of a 700-section statement must not
 * re-render the binder. The statement is built with the real core in the test process (as a
 * council's ten-times-over statement would be), opened by path, and typed into; the binder's
 * rows count their renders on `window.__pcsRenderCounts.binderRow`.
 */

const renderCount = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __pcsRenderCounts?: { binderRow?: number } }).__pcsRenderCounts?.binderRow ?? 0);

/** Opens the 700-section statement and its first evidence note, saved and settled. */
async function openLargeStatement(page: Page, dir: string, url: string): Promise<void> {
  const file = buildLargeStatement(dir, 700);
  await openByPath(page, url, file);
  await row(page, 'Evidence note 1').click();
  await expect(editor(page)).toContainText('Note 1 on how');
  await waitSaved(page);
}

test('typing in a 700-section statement does not re-render the binder; a save re-renders one row', async ({ page, app }) => {
  test.setTimeout(180_000);
  await openLargeStatement(page, app.dir, app.url);
  expect(await renderCount(page)).toBeGreaterThan(0); // the probe is live

  // Each keystroke's binder renders, counted in the page from its keydown to the frame after it.
  // A save's answer that lands in that window is told apart (it may re-render its row).
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const w = window as unknown as { __pcsRenderCounts: { binderRow?: number; saveAnswers?: number }; __perKey: Array<{ rows: number; saved: boolean }> };
    w.__perKey = [];
    window.addEventListener(
      'keydown',
      () => {
        const rows = w.__pcsRenderCounts.binderRow ?? 0;
        const saves = w.__pcsRenderCounts.saveAnswers ?? 0;
        requestAnimationFrame(() =>
          setTimeout(() => {
            w.__perKey.push({ rows: (w.__pcsRenderCounts.binderRow ?? 0) - rows, saved: (w.__pcsRenderCounts.saveAnswers ?? 0) !== saves });
          }, 0),
        );
      },
      { capture: true },
    );
  });
  const before = await renderCount(page);
  await page.keyboard.type(' More', { delay: 50 });
  await expect(page.locator('.status-bar')).toContainText('11 words in this section');
  const perKey = await page.evaluate(() => (window as unknown as { __perKey: Array<{ rows: number; saved: boolean }> }).__perKey);
  expect(perKey).toHaveLength(5);
  expect(perKey.filter((k) => !k.saved).map((k) => k.rows)).toEqual(perKey.filter((k) => !k.saved).map(() => 0));

  // The save's answer updates that one row (its chapter total included), not the list.
  await waitSaved(page);
  await expect(row(page, 'Evidence note 1')).toHaveAttribute('aria-label', 'Evidence note 1, 11 words');
  const afterSave = await renderCount(page);
  expect(afterSave - before).toBeGreaterThan(0);
  expect(afterSave - before).toBeLessThanOrEqual(3);
});

const counts = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({ ...((window as unknown as { __pcsRenderCounts?: Record<string, number> }).__pcsRenderCounts ?? {}) }));
const delta = (after: Record<string, number>, before: Record<string, number>, key: string) => (after[key] ?? 0) - (before[key] ?? 0);

test('a section switch renders only the binder rows on screen, and a keystroke does not render the toolbar', async ({ page, app }) => {
  test.setTimeout(180_000);
  await openLargeStatement(page, app.dir, app.url);

  // A switch: no binder row component renders again (a row's own data did not change); what the
  // tree library re-renders for the selection is the rows on screen, not the 700 in the statement.
  for (const n of [2, 3]) {
    const before = await counts(page);
    await row(page, `Evidence note ${n}`).click();
    await expect(editor(page)).toContainText(`Note ${n} on how`);
    await expect(row(page, `Evidence note ${n}`)).toHaveAttribute('aria-selected', 'true');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const after = await counts(page);
    expect(delta(after, before, 'binderRow')).toBeLessThanOrEqual(2);
    const onScreen = await binder(page).locator('[role="row"]').count();
    expect(onScreen).toBeLessThan(100);
    // The tree library re-renders what is on screen for the focus and for the selection (and the
    // rows the pointer crosses for their hover): bounded by the screen, whatever the statement's size.
    expect(delta(after, before, 'binderRowContent')).toBeLessThanOrEqual(3 * onScreen);
  }

  // Typing plain letters changes nothing the toolbar shows (after the first, which makes Undo possible).
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' A');
  // The first letter's save answered (it updates its row's and chapter's counts) before counting.
  await waitSaved(page);
  const before = await counts(page);
  await page.keyboard.type('nd more', { delay: 40 });
  await expect(editor(page)).toContainText('And more');
  const after = await counts(page);
  expect(delta(after, before, 'toolbar')).toBe(0);
  // A save's answer may land (on a busy machine, two: the one for " A" and one while typing):
  // each re-renders its row and its chapter, nothing else.
  expect(delta(after, before, 'binderRow')).toBeLessThanOrEqual(2 * delta(after, before, 'saveAnswers') + 1);
});

test('a section switch in a 77-section statement (the 2023 statement’s size, virtualised) renders only rows on screen, and asks for no evidence list', async ({ page, app }) => {
  test.setTimeout(120_000);
  // 64 sections and the template's 13: the size of the 2023 statement (77 rows).
  const file = buildLargeStatement(app.dir, 64);
  await openByPath(page, app.url, file);
  await row(page, 'Evidence note 1').click();
  await expect(editor(page)).toContainText('Note 1 on how');
  await waitSaved(page);
  // Virtualised (above 40 sections): the rows on screen and a few around them, not all 77.
  const rowsInPage = await binder(page).locator('[role="row"]').count();
  expect(rowsInPage).toBeLessThan(77);

  // The evidence list is loaded once for the assessment, not again by each section's editor.
  const evidenceCalls: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/evidence-(list|key-documents)/.test(request.url())) evidenceCalls.push(request.url());
  });
  for (const n of [2, 6, 3]) {
    const before = await counts(page);
    await row(page, `Evidence note ${n}`).click();
    await expect(editor(page)).toContainText(`Note ${n} on how`);
    await expect(row(page, `Evidence note ${n}`)).toHaveAttribute('aria-selected', 'true');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const after = await counts(page);
    // What a row shows (its title, count, buttons and menu) renders again only if it changed: a
    // selection or focus change is shown by the row element's own attributes, so at most the old
    // and the new row's contents render (once each for the focus and the selection).
    expect(delta(after, before, 'binderRow')).toBe(0);
    expect(delta(after, before, 'binderRowContent')).toBeLessThanOrEqual(4);
    // The tree library's own row elements: bounded by the rows in the page (for the focus, the
    // selection and the pointer's hover, as in the 700-section test), never all 77 twice over (154).
    expect(delta(after, before, 'binderTreeItem')).toBeLessThanOrEqual(3 * rowsInPage);
  }
  expect(evidenceCalls).toEqual([]);

  // The "More" menu is mounted only when opened: it still opens from the keyboard on its first
  // item, and Escape puts focus back on its row.
  const more = row(page, 'Evidence note 3').getByRole('button', { name: 'More actions for Evidence note 3' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Actions for Evidence note 3' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Add section below' })).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(row(page, 'Evidence note 3')).toBeFocused(); // the tree's own choice, as with a MenuTrigger
});
