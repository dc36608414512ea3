import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, fileMenu, row } from './helpers';

/** Issue #9, item 7: the smaller visual defects, each checked by a property a screenshot would show. */

const LONG_COUNCIL = 'The Royal Borough of Somewhere Quite Remarkably Long and Winding upon the River Thames and its Many Tributaries Council'.padEnd(120, 'x');

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/visual-polish-${name}.png` });

test('a long council name leaves the file name readable in the header', async ({ page, app }) => {
  expect(LONG_COUNCIL.length).toBe(120);
  await page.goto(app.url);
  await createAssessment(page, { council: LONG_COUNCIL, path: join(app.dir, 'long.pcstudio') });
  const file = page.locator('.header-file');
  await expect(file).toContainText('long.pcstudio');
  await shot(page, 'header');
  const fits = await file.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits, 'the file name is shown whole, not cut to "long.pcstu…"').toBe(true);
  // The council name gives way instead, with its full text as a tooltip.
  await expect(page.locator('.header-council')).toHaveAttribute('title', LONG_COUNCIL);
});

test('a 250-character title is refused with a message, and nothing typed is lost', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Titleton Council', path: join(app.dir, 'titles.pcstudio') });
  await row(page, 'Introduction').click();
  await page.getByRole('button', { name: 'Add subsection inside' }).click();
  const dialog = page.getByRole('dialog', { name: /Add a subsection/ });
  const long = Array.from({ length: 50 }, (_, i) => `word${i % 10}`).join(' ').slice(0, 250);
  await dialog.getByLabel('Section title').fill(long);
  // Not silently cut at 200 characters, mid-word.
  await expect(dialog.getByLabel('Section title')).toHaveValue(long);
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(dialog.getByRole('alert')).toContainText('200 characters');
  await expect(dialog).toBeVisible();
  await shot(page, 'long-title');
  // Shortening it clears the message and adds the section.
  await dialog.getByLabel('Section title').fill('Short and sweet');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Short and sweet')).toBeVisible();
});

test('an error disappears once the input is fixed', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Errorby Council', path: join(app.dir, 'errors.pcstudio') });
  await row(page, 'Introduction').click();
  await page.getByRole('button', { name: 'Add subsection inside' }).click();
  const dialog = page.getByRole('dialog', { name: /Add a subsection/ });
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Give the section a title/);
  await dialog.getByLabel('Section title').fill('Now with a title');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('the "inside" hint under Add subsection stays on two lines at most', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Hintham Council', path: join(app.dir, 'hint.pcstudio') });
  await row(page, 'Introduction').click();
  await page.getByRole('button', { name: 'Add subsection inside' }).click();
  const dialog = page.getByRole('dialog', { name: /Add a subsection/ });
  const longTitle = 'A very long subsection title about partnership working across the county and the many districts within it, with the health service';
  await dialog.getByLabel('Section title').fill(longTitle);
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await row(page, longTitle).click();
  const hint = page.locator('#add-inside-hint');
  await expect(hint).toBeVisible();
  await shot(page, 'hint');
  const { height, lineHeight } = await hint.evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 16,
  }));
  expect(height).toBeLessThanOrEqual(lineHeight * 2 + 1);
  await expect(hint).toHaveAttribute('title', new RegExp(longTitle));
});

test('the recent list keeps its icon full size beside a long council name', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: LONG_COUNCIL, path: join(app.dir, 'long.pcstudio') });
  await fileMenu(page, 'Close assessment');
  const item = page.getByRole('list', { name: 'Recent assessments' }).getByRole('button').first();
  await expect(item).toBeVisible();
  await shot(page, 'recent');
  const icon = await item.locator('svg').first().boundingBox();
  expect(icon?.width).toBeGreaterThanOrEqual(19);
  expect(icon?.height).toBeGreaterThanOrEqual(19);
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1360, height: 860 },
]) {
  test(`the status bar stays on one line with the Find panel open at ${viewport.width}×${viewport.height}`, async ({ page, app }) => {
    await page.setViewportSize(viewport);
    await page.goto(app.url);
    await createAssessment(page, { council: 'Statusford Council', path: join(app.dir, 'status.pcstudio') });
    await row(page, 'Local priorities and outcomes').click();
    const bar = page.locator('.status-bar');
    const alone = (await bar.boundingBox())!.height;
    await page.keyboard.press('ControlOrMeta+f');
    await expect(page.getByRole('complementary', { name: 'Find and replace' })).toBeVisible();
    await shot(page, `status-${viewport.width}`);
    const withFind = (await bar.boundingBox())!.height;
    expect(withFind).toBeLessThanOrEqual(alone + 1);
    expect(withFind).toBeLessThanOrEqual(40);
  });
}

test('the status bar measures a chapter with its subsections against its target, as the binder does', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Totalbury Council', path: join(app.dir, 'totals.pcstudio') });
  await row(page, 'Local priorities and outcomes').click();
  await page.getByRole('button', { name: 'Add subsection inside' }).click();
  const dialog = page.getByRole('dialog', { name: /Add a subsection/ });
  await dialog.getByLabel('Section title').fill('Housing');
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await row(page, 'Housing').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Housing');
  await page.locator('#editor').click();
  await page.keyboard.type('Three words here');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await row(page, 'Local priorities and outcomes').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local priorities and outcomes');
  await page.locator('#editor').click();
  await page.keyboard.type('Two words');
  const bar = page.locator('.status-bar');
  await expect(bar).toContainText('5 / 4,000 words with its subsections, 2 in its own text');
  await expect(row(page, 'Local priorities and outcomes')).toHaveAccessibleName(/5 /);
});
