import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, row } from './helpers';

const create = (page: Page, dir: string) => createAssessment(page, { council: 'Findley Council', path: join(dir, 'find.pcstudio') });

async function writeIn(page: Page, section: string, text: string) {
  await row(page, section).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section);
  await page.locator('#editor').click();
  await page.keyboard.type(text);
}

test('find across the statement, go to a match, replace all', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, app.dir);
  await writeIn(page, 'Local priorities and outcomes', 'We work with partners. Our partners trust us.');
  await writeIn(page, 'Capacity for improvement', 'Skills come from partners too.');

  // Ctrl+F opens our panel (not the browser's find) with the query field focused.
  await page.keyboard.press('ControlOrMeta+f');
  const panel = page.getByRole('complementary', { name: 'Find and replace' });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel('Find', { exact: true })).toBeFocused();
  await page.keyboard.type('partners');
  await expect(panel.getByRole('status')).toHaveText('3 matches in 2 sections');
  const results = panel.getByRole('list', { name: 'Matches by section' }).getByRole('button');
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText('Local priorities and outcomes');
  await expect(results.nth(0)).toContainText('2 matches');
  await expect(results.nth(1)).toContainText('Capacity for improvement');

  // Going to a result opens its section with the first match selected.
  await results.filter({ hasText: 'Local priorities and outcomes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local priorities and outcomes');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('partners');

  await panel.getByLabel('Replace with').fill('allies');
  await panel.getByRole('button', { name: 'Replace all' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Replace all?' });
  await expect(confirm).toContainText('3 matches in 2 sections');
  await confirm.getByRole('button', { name: 'Replace all' }).click();
  await expect(page.locator('.toast')).toContainText('Replaced 3 matches in 2 sections.');
  await expect(page.locator('#editor')).toHaveText('We work with allies. Our allies trust us.');
  await expect(panel.getByRole('status')).toHaveText('No matches in the statement.');

  // Esc closes the panel and returns focus.
  await panel.getByLabel('Find', { exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local priorities and outcomes');
  await expect(page.locator('#editor')).toHaveText('We work with allies. Our allies trust us.');
  await row(page, 'Capacity for improvement').click();
  await expect(page.locator('#editor')).toHaveText('Skills come from allies too.');
});

test('replace in this section leaves the others alone', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, app.dir);
  await writeIn(page, 'Governance and culture', 'Scrutiny is strong.');
  await writeIn(page, 'Financial planning and management', 'Scrutiny of the budget.');
  await page.getByRole('button', { name: 'Find' }).click();
  const panel = page.getByRole('complementary', { name: 'Find and replace' });
  await panel.getByLabel('Find', { exact: true }).fill('Scrutiny');
  await panel.getByLabel('Match case').check({ force: true });
  await expect(panel.getByRole('status')).toHaveText('2 matches in 2 sections');
  await panel.getByLabel('Replace with').fill('Challenge');
  await panel.getByRole('button', { name: 'Replace in this section' }).click();
  await expect(page.locator('#editor')).toHaveText('Challenge of the budget.');
  await expect(panel.getByRole('status')).toHaveText('1 match in 1 section');
  await page.reload();
  await row(page, 'Governance and culture').click();
  await expect(page.locator('#editor')).toHaveText('Scrutiny is strong.');
});

test('replace all asks first, and is undone in one step from its toast or with Ctrl+Z', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, app.dir);
  await writeIn(page, 'Local priorities and outcomes', 'The Cabinet agreed the plan.');
  await writeIn(page, 'Governance and culture', 'Cabinet members meet. The cabinet decides.');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.keyboard.press('ControlOrMeta+f');
  const panel = page.getByRole('complementary', { name: 'Find and replace' });
  await page.keyboard.type('cabinet');
  await expect(panel.getByRole('status')).toHaveText('3 matches in 2 sections');
  await panel.getByLabel('Replace with').fill('executive');

  // Cancel changes nothing.
  await panel.getByRole('button', { name: 'Replace all' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Replace all?' });
  await expect(confirm).toContainText('3 matches in 2 sections');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator('#editor')).toHaveText('Cabinet members meet. The cabinet decides.');

  // Replace, then Undo on the toast: every section back, the open one reloaded.
  await panel.getByRole('button', { name: 'Replace all' }).click();
  await confirm.getByRole('button', { name: 'Replace all' }).click();
  const toast = page.locator('.toast', { hasText: 'Replaced 3 matches in 2 sections.' });
  await expect(page.locator('#editor')).toHaveText('executive members meet. The executive decides.');
  await page.waitForTimeout(1500); // the toast stays until the next change, not for a few seconds
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('#editor')).toHaveText('Cabinet members meet. The cabinet decides.');
  await expect(page.locator('.toast')).toContainText('Undone: 3 matches in 2 sections put back as they were.');
  await expect(panel.getByRole('status')).toHaveText('3 matches in 2 sections');

  // Again, undone with Ctrl+Z right after (the focus stays in the panel, not in a field).
  await panel.getByRole('button', { name: 'Replace all' }).click();
  await confirm.getByRole('button', { name: 'Replace all' }).click();
  await expect(page.locator('#editor')).toHaveText('executive members meet. The executive decides.');
  await expect(panel).toBeFocused();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('#editor')).toHaveText('Cabinet members meet. The cabinet decides.');
  await expect(panel.getByRole('status')).toHaveText('3 matches in 2 sections');

  // And it is the file that holds it.
  await page.reload();
  await row(page, 'Local priorities and outcomes').click();
  await expect(page.locator('#editor')).toHaveText('The Cabinet agreed the plan.');
});
