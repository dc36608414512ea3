import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createAssessment, editor, fileMenu, row, waitSaved } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a new assessment from a previous one carries over the sections and their text', async ({ page, app }) => {
  const previous = join(app.dir, 'Anytown 2023.pcstudio');
  const next = join(app.dir, 'Anytown 2026.pcstudio');
  await page.goto(app.url);
  await createAssessment(page, { council: 'Anytown Borough Council', path: previous });

  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await editor(page).click();
  await page.keyboard.type('Scrutiny is strong and well attended.');
  await waitSaved(page);

  // From the header's File menu, the dialog asks for last time's file.
  await fileMenu(page, 'New assessment from a previous one…');
  const dialog = page.getByRole('dialog', { name: 'New assessment from a previous one' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('their statuses start again at Not started');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await fileMenu(page, 'Close assessment');
  await page.getByRole('button', { name: /New assessment from a previous one/ }).click();
  await expect(dialog).toBeVisible();

  // A missing file is a message in the dialog, and nothing is lost.
  await dialog.getByLabel('Previous assessment').fill(join(app.dir, 'not there.pcstudio'));
  await dialog.getByLabel('Council name').fill('Anytown Borough Council');
  await dialog.getByLabel('Save as').fill(next);
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Previous assessment').fill(previous);
  const results = await new AxeBuilder({ page }).withTags(TAGS).include('[role="dialog"]').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`), 'the dialog: serious or critical accessibility problems').toEqual([]);

  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveTitle('Anytown 2026.pcstudio — Peer Challenge Studio');
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect(editor(page)).toHaveText('Scrutiny is strong and well attended.');
});
