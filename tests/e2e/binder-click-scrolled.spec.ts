import { expect, test } from './fixtures';
import { binder, buildLargeStatement, openByPath, createAssessment, editor, row } from './helpers';

/**
 * A click on a binder row that first had to be scrolled into view opens that row's section.
 * The binder's tree is its own scroll container; when focus enters it, react-aria puts back the
 * scroll position it last saw in a `scroll` event. Chromium delivers that event on the next frame,
 * so a click straight after a scroll (Playwright's scroll-into-view, a quick wheel and click) used
 * to scroll the tree back under the pointer on pointerdown: the press ended on another row and
 * nothing opened (foundation.spec.ts, after its reload, hit this every time).
 */
test('a row scrolled into view and clicked at once, with focus outside the binder, opens its section', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Scrollham Council' });
  const tree = binder(page);
  // The template's binder is taller than the column at 1360×860: the last chapter is (at least partly) off screen.
  const last = row(page, 'Key and background documents');
  const below = await tree.evaluate((el, key) => {
    const r = el.querySelector<HTMLElement>(`[data-key="${key}"]`)!;
    return r.getBoundingClientRect().bottom > el.getBoundingClientRect().bottom + 1;
  }, await last.getAttribute('data-key'));
  expect(below, 'the last chapter is below the binder’s visible area').toBe(true);

  // Focus outside the binder, so the click makes focus enter the tree.
  await editor(page).click();
  await last.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Key and background documents');
  await expect(last).toHaveAttribute('aria-selected', 'true');

  // And back up: a row scrolled off the top, clicked from outside the binder again.
  await editor(page).click();
  await row(page, 'Front matter').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Front matter');
});

test('in a virtualised binder (the 2023 statement’s size), a row scrolled into view and clicked at once opens its section', async ({ page, app }) => {
  test.setTimeout(120_000);
  const file = buildLargeStatement(app.dir, 64);
  await openByPath(page, app.url, file);
  expect(await binder(page).locator('[role="row"]').count(), 'virtualised: not every row is in the page').toBeLessThan(77);
  // Far down the list, then back to the top: each scrolled to by Playwright and clicked at once,
  // with focus outside the binder (in the editor), as tour.spec.ts does after a Word import.
  for (const title of ['Evidence note 30', 'Evidence note 58', 'Front matter', 'Evidence note 12']) {
    await editor(page).click();
    const target = row(page, title);
    for (let i = 0; (await target.count()) === 0 && i < 40; i++) {
      await binder(page).evaluate((el) => el.scrollBy({ top: el.clientHeight * 0.8 }));
      await page.waitForTimeout(50);
    }
    await target.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await binder(page).evaluate((el) => el.scrollTo({ top: 0 }));
  }
});
