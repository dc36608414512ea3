import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createAssessment, fileMenu } from './helpers';

test('Ctrl+/ opens the keyboard shortcuts sheet, grouped, and Escape closes it', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Keyham Council', path: join(app.dir, 'keys.pcstudio') });
  // From the editor too: the sheet's key is heard before the text takes it.
  await page.locator('#editor').click();
  await page.keyboard.press('ControlOrMeta+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const group of ['Editing', 'Binder', 'Find', 'Files']) await expect(sheet.getByRole('heading', { name: group })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /^Find Ctrl\+F$/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /^Bold Ctrl\+B$/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /^Rename the section F2$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/keyboard-shortcuts-sheet.png' });
  const results = await new AxeBuilder({ page }).include('.modal').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // The File menu lists it with its key, and opens it too.
  await page.getByRole('button', { name: 'File menu' }).click();
  await expect(page.getByRole('menuitem', { name: /Keyboard shortcuts/ })).toContainText('Ctrl+/');
  await page.screenshot({ path: 'test-results/keyboard-shortcuts-menu.png' });
  await page.keyboard.press('Escape');
  await fileMenu(page, 'Keyboard shortcuts');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});
