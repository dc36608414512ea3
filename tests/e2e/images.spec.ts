import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, fileMenu, row, waitSaved } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/images');
const CHART = join(FIXTURES, 'satisfaction-chart.png');

async function choosePicture(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('menuitem', { name: 'Picture…' }).click();
  await (await chooser).setFiles(file);
}

test('insert a picture with alt text from the file chooser: it shows, survives a reload, and its alt text can be changed', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Pictureford Borough Council', path: join(app.dir, 'pictures.pcstudio') });
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('Residents are more satisfied than ever. ');

  await choosePicture(page, CHART);
  const dialog = page.getByRole('dialog', { name: 'Describe this picture' });
  await expect(dialog).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  // Alt text is asked for: an empty one is not taken silently.
  await dialog.getByRole('button', { name: 'Add picture' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Describe what the picture shows');
  await dialog.getByLabel(/^Alt text/).fill('Bar chart: satisfaction rose from 61% to 74%');
  await dialog.getByRole('button', { name: 'Add picture' }).click();
  await expect(dialog).toBeHidden();

  const picture = editor(page).getByRole('img', { name: 'Bar chart: satisfaction rose from 61% to 74%' });
  await expect(picture).toBeVisible();
  // The picture really loaded (not a broken image).
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await waitSaved(page);
  await page.screenshot({ path: 'test-results/images-editor.png' });

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  const again = editor(page).getByRole('img', { name: 'Bar chart: satisfaction rose from 61% to 74%' });
  await expect.poll(() => again.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);

  // Its alt text can be changed afterwards, from the keyboard.
  await editor(page).getByRole('button', { name: 'Edit alt text' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Alt text' });
  await edit.getByLabel(/^Alt text/).fill('Chart of residents’ satisfaction, 2019 to 2025');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(edit.getByRole('button', { name: 'Save alt text' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(editor(page).getByRole('img', { name: 'Chart of residents’ satisfaction, 2019 to 2025' })).toBeVisible();
  await waitSaved(page);
  // The statement's words are unchanged by all this (Enter in the dialog did not reach the text).
  await expect(editor(page).locator('p')).toHaveCount(1);
});

test('a picture without alt text is marked, can be removed, and the export warns before writing', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Pictureford Borough Council', path: join(app.dir, 'no-alt.pcstudio') });
  await row(page, 'Introduction').click();
  await editor(page).click();
  await page.keyboard.type('Our borough at a glance. ');
  await choosePicture(page, CHART);
  await page.getByRole('dialog', { name: 'Describe this picture' }).getByRole('button', { name: 'Add without alt text' }).click();
  await expect(editor(page).getByText('No alt text')).toBeVisible();
  await waitSaved(page);
  await page.screenshot({ path: 'test-results/images-no-alt.png' });
  const axe = await new AxeBuilder({ page }).include('#editor').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);

  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByLabel('Save as').fill(join(app.dir, 'no-alt.docx'));
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByRole('alert')).toContainText('has no alt text');
  await expect(dialog.getByRole('button', { name: 'Export anyway' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Export anyway' }).click();
  await expect(dialog.getByText(/^Exported to/)).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Removed with its own button (reached with Tab like any button).
  await editor(page).getByRole('button', { name: 'Remove picture' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor(page).getByText('No alt text')).toHaveCount(0);
  await expect(editor(page)).toContainText('Our borough at a glance.');
});

test('a picture pasted on its own is stored and described; an SVG is refused with a reason', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Pictureford Borough Council', path: join(app.dir, 'paste.pcstudio') });
  await row(page, 'Capacity for improvement').click();
  await editor(page).click();
  await page.keyboard.type('Our staff survey: ');
  const bytes = [...readFileSync(CHART)];
  await editor(page).evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'image.png', { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  const dialog = page.getByRole('dialog', { name: 'Describe this picture' });
  await dialog.getByLabel(/^Alt text/).fill('Staff survey results');
  await dialog.getByRole('button', { name: 'Add picture' }).click();
  await expect(editor(page).getByRole('img', { name: 'Staff survey results' })).toBeVisible();
  await waitSaved(page);

  // An SVG dropped on the text is refused, saying why and what to do.
  const svg = readFileSync(join(FIXTURES, 'logo.svg'), 'utf8');
  await editor(page).evaluate((el, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'logo.svg', { type: 'image/svg+xml' }));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, svg);
  await expect(page.locator('.toast', { hasText: '“logo.svg” is an SVG drawing' })).toBeVisible();
  await expect(editor(page).getByRole('img')).toHaveCount(1);
});
