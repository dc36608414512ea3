import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addRecommendation, createAssessment, editor, expectNoSeriousViolations, fileMenu, recommendationsView as view, row, waitSaved } from './helpers';

/** Issue #11: the recommendations table block in the introduction always reflects the register, in the editor and in Word. */

const block = (page: Page) => editor(page).getByRole('group', { name: 'Recommendations from our last peer challenge' });

test('insert the recommendations table, change a status in the register, see it in the block and in the Word export', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Tablesby Council' });

  await addRecommendation(page, 'A', 'Review the localities model with partners.');
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();

  await row(page, 'Introduction').click();
  await editor(page).click();
  await page.keyboard.type('Since the revisit we have acted on every recommendation.');
  await page.keyboard.press('Enter');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('menu', { name: 'Insert' }).getByRole('menuitem', { name: /^Recommendations table/ }).click();
  await expect(block(page)).toBeVisible();
  const tableRow = block(page).getByRole('row', { name: /^A Review the localities model/ });
  await expect(tableRow).toContainText('Not started');
  await expect(tableRow).toContainText('No progress update yet');
  await expect(block(page).getByRole('columnheader')).toHaveText(['Label', 'Recommendation', 'Status', 'Progress']);
  // The caret is after the block: typing carries on below it.
  await page.keyboard.type('The rest of this statement shows how.');
  await waitSaved(page);
  await expectNoSeriousViolations(page, 'Recommendations table block in the editor');

  // A status changed in the register shows in the block at once, with no reload.
  await page.keyboard.press('Alt+Shift+R');
  await view(page).getByRole('listbox', { name: 'Recommendations' }).getByRole('option', { name: /^Recommendation A\b/ }).click();
  await view(page).getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'Complete' }).click();
  await view(page).getByLabel('Progress update').fill('Workshops held with all four localities.');
  await expect(view(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();
  await expect(tableRow).toContainText('Complete');
  await expect(tableRow).toContainText('Workshops held with all four localities.');
  await block(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/recommendations-table-block.png' });

  // Word: the table stands where the block is, the register as it is now, with a repeating header row.
  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  const out = join(app.dir, 'Tablesby statement.docx');
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(`Exported to “${out}”.`)).toBeVisible({ timeout: 30_000 });
  const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
  const before = xml.indexOf('Since the revisit we have acted on every recommendation.');
  const table = xml.indexOf('<w:tbl>', before);
  const after = xml.indexOf('The rest of this statement shows how.');
  expect(before).toBeGreaterThan(-1);
  expect(table).toBeGreaterThan(before);
  expect(after).toBeGreaterThan(table);
  const tableXml = xml.slice(table, xml.indexOf('</w:tbl>', table));
  const firstRow = tableXml.slice(0, tableXml.indexOf('</w:tr>'));
  expect(firstRow).toContain('<w:tblHeader/>');
  expect(firstRow).toContain('>Recommendation<');
  expect(tableXml).toContain('>Review the localities model with partners.<');
  expect(tableXml).toContain('>Complete<');
  expect(tableXml).toContain('>Workshops held with all four localities.<');
  // Only the block's table: none added again at the end of the introduction.
  expect(xml.split('Recommendations from our last peer challenge').length - 1).toBe(1);
});
