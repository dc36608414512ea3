import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { binder, childTitles, CPC_CHAPTERS, editor, fillCreateDialog, openCreateDialog, row, rowAction, waitSaved } from './helpers';

const CHAPTERS = CPC_CHAPTERS;

/** Creates through the UI, checking the file name it suggests from the council's name. */
async function createAssessment(page: Page, dir: string, council = 'Anytown Borough Council') {
  const dialog = await openCreateDialog(page);
  await dialog.getByLabel('Council name').fill(council);
  await expect(dialog.getByLabel('Save as')).toHaveValue(join(dir, `${council} peer challenge.pcstudio`));
  await fillCreateDialog(page, { council });
}

test('create, write with formatting, organise sections, and find it all again after a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page).not.toHaveURL(/token=/);
  await createAssessment(page, app.dir);
  await expect(page).toHaveTitle('Anytown Borough Council peer challenge.pcstudio — Peer Challenge Studio');
  await expect(page.getByRole('banner')).toContainText('Anytown Borough Council');
  await expect(page.getByRole('banner')).toContainText('Corporate Peer Challenge');

  // The chapters, in the LGA's fixed order.
  const topLevel = await binder(page).locator('[role="row"][aria-level="1"] .binder-title').allTextContents();
  expect(topLevel).toEqual(CHAPTERS);

  // Write in "Governance and culture".
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await editor(page).click();
  await page.keyboard.type('Our governance');
  await page.getByRole('button', { name: 'Heading 2' }).click();
  await expect(page.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('We are ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('robust');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' and ');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.type('open');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.type('.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('Clear decision making');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Strong scrutiny');
  await expect(editor(page).locator('h2')).toHaveText('Our governance');
  await expect(editor(page).locator('strong, b').first()).toHaveText('robust');
  await expect(editor(page).locator('em, i').first()).toHaveText('open');
  await expect(editor(page).locator('ul > li')).toHaveText(['Clear decision making', 'Strong scrutiny']);
  // The theme has the template's word target of 4,000; the status bar shows both.
  await expect(page.locator('.status-bar')).toContainText('12 / 4,000 words in this section, under target');
  await waitSaved(page);

  // Add a subsection, rename it, add another.
  await rowAction(page, 'Governance and culture', 'Add subsection');
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Section title').fill('Member and officer relations');
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Member and officer relations');
  await rowAction(page, 'Member and officer relations', 'Rename…');
  dialog = page.getByRole('dialog', { name: 'Rename section' });
  await dialog.getByLabel('Section title').fill('Member–officer relations');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(row(page, 'Member–officer relations')).toBeVisible();
  await editor(page).click();
  await page.keyboard.type('Relations are good.');

  await rowAction(page, 'Governance and culture', 'Add subsection');
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Section title').fill('Scrutiny');
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scrutiny');
  await rowAction(page, 'Governance and culture', 'Add subsection');
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Section title').fill('Audit committee');
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit committee');
  expect(await childTitles(page, 'Governance and culture')).toEqual(['Member–officer relations', 'Scrutiny', 'Audit committee']);

  // Reorder with the menu's Move up.
  await rowAction(page, 'Scrutiny', 'Move up');
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Member–officer relations', 'Audit committee']);

  // Reorder by keyboard drag and drop (react-aria): ArrowRight reaches the row's drag handle,
  // Enter picks it up, the arrow keys go through the places it can go, Enter drops it.
  await row(page, 'Audit committee').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit committee');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Move Audit committee' })).toBeFocused();
  await page.keyboard.press('Enter');
  const target = 'Insert between Scrutiny and Member–officer relations';
  for (let i = 0; i < 10; i++) {
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    if (label === target) break;
    await page.keyboard.press('ArrowUp');
  }
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', target);
  await page.keyboard.press('Enter');
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Audit committee', 'Member–officer relations']);

  // And with the keyboard shortcut Alt+↓.
  await row(page, 'Scrutiny').click();
  await row(page, 'Scrutiny').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Audit committee', 'Scrutiny', 'Member–officer relations']);

  // Delete one, then undo from the message.
  await rowAction(page, 'Member–officer relations', 'Delete');
  await expect(row(page, 'Member–officer relations')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Member–officer relations')).toBeVisible();
  expect(await childTitles(page, 'Governance and culture')).toEqual(['Audit committee', 'Scrutiny', 'Member–officer relations']);

  // Finish in "Governance and culture" so we can check the cursor comes back there.
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await waitSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect(row(page, 'Governance and culture')).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page).locator('h2')).toHaveText('Our governance');
  await expect(editor(page).locator('strong, b').first()).toHaveText('robust');
  await expect(editor(page).locator('em, i').first()).toHaveText('open');
  await expect(editor(page).locator('ul > li')).toHaveText(['Clear decision making', 'Strong scrutiny']);
  expect(await childTitles(page, 'Governance and culture')).toEqual(['Audit committee', 'Scrutiny', 'Member–officer relations']);
  await expect(row(page, 'Member–officer relations')).toHaveAttribute('aria-label', 'Member–officer relations, 3 words');
  await row(page, 'Member–officer relations').click();
  await expect(editor(page)).toHaveText('Relations are good.');
  await expect(page.locator('.total-words')).toHaveText('15 / 30,000');
  await expect(page.locator('.total-words')).toHaveAttribute('aria-label', 'Statement total: 15 of 30,000 words, under target');
});
