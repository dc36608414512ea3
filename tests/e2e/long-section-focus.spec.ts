import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, row, waitSaved } from './helpers';

/**
 * Issue #9, defect 1: in a long section, keys typed into a dialog opened from the editor (Find,
 * Add subsection) went into the statement instead. The section here is the first 2,000 words of a
 * real statement's "Governance and culture", pasted as HTML the way it comes from Word.
 */
const GOVERNANCE_HTML = readFileSync(join(import.meta.dirname, '../fixtures/statements/governance-2023.html'), 'utf8');

async function pasteHtml(page: Page, html: string) {
  await editor(page).evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data);
    transfer.setData('text/plain', data.replace(/<[^>]+>/g, ' '));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

/** A long Governance section, saved and reloaded, with the caret in its fifth paragraph. */
async function openLongSection(page: Page, dir: string) {
  await createAssessment(page, { council: 'Longshire Council', path: join(dir, 'long.pcstudio') });
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await editor(page).click();
  await pasteHtml(page, GOVERNANCE_HTML);
  await expect(editor(page)).toContainText('Organisational Culture');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect(editor(page)).toContainText('Organisational Culture');
  const before = await editor(page).innerText();
  expect(before.split(/\s+/).filter(Boolean).length).toBeGreaterThan(1900);
  await editor(page).locator('p').nth(4).click();
  await expect(editor(page)).toBeFocused();
  return before;
}

test('Ctrl+F in a 2,000-word section puts typed text in the Find field, not the statement', async ({ page, app }) => {
  await page.goto(app.url);
  const before = await openLongSection(page, app.dir);
  await page.keyboard.press('ControlOrMeta+f');
  const panel = page.getByRole('complementary', { name: 'Find and replace' });
  const field = panel.getByLabel('Find', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('Cabinet');
  await expect(field).toHaveValue('Cabinet');
  await expect(panel.getByRole('status')).toHaveText(/^\d+ matches in 1 section$/);
  expect(await editor(page).innerText()).toBe(before);
  await expect(page.locator('.save-status')).not.toHaveText('Saving…');
});

test('the header’s Find button in a 2,000-word section puts typed text in the Find field', async ({ page, app }) => {
  await page.goto(app.url);
  const before = await openLongSection(page, app.dir);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const field = page.getByRole('complementary', { name: 'Find and replace' }).getByLabel('Find', { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type('Cabinet');
  await expect(field).toHaveValue('Cabinet');
  expect(await editor(page).innerText()).toBe(before);
});

test('Add subsection from a 2,000-word section puts typed text in the title field', async ({ page, app }) => {
  await page.goto(app.url);
  const before = await openLongSection(page, app.dir);
  await page.getByRole('button', { name: /Add subsection/ }).first().click();
  const dialog = page.getByRole('dialog', { name: /Add a subsection/ });
  const field = dialog.getByLabel('Section title');
  await expect(field).toBeFocused();
  await page.keyboard.type('Scrutiny');
  await expect(field).toHaveValue('Scrutiny');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Scrutiny')).toBeVisible();
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  expect(await editor(page).innerText()).toBe(before);
});

test('choosing another section from a section with links keeps the focus in the binder', async ({ page, app }) => {
  await page.goto(app.url);
  await openLongSection(page, app.dir);
  await row(page, 'Financial planning and management').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial planning and management');
  await expect(row(page, 'Financial planning and management')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(row(page, 'Governance and culture')).toBeFocused();
});
