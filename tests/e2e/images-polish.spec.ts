import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, fileMenu, row, waitSaved } from './helpers';

const CHART = join(import.meta.dirname, '../fixtures/images/satisfaction-chart.png');

async function choosePicture(page: Page, alt: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('menuitem', { name: 'Picture…' }).click();
  await (await chooser).setFiles(CHART);
  const dialog = page.getByRole('dialog', { name: 'Describe this picture' });
  await dialog.getByLabel(/^Alt text/).fill(alt);
  await dialog.getByRole('button', { name: 'Add picture' }).click();
  await expect(dialog).toBeHidden();
}

test('a picture dropped on the text goes where it is dropped, not at the old caret', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Dropford Borough Council', path: join(app.dir, 'drop.pcstudio') });
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('First paragraph about the council.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraph, where the caret is.');
  await waitSaved(page);

  // Drop on the word "paragraph" of the first line, while the caret sits at the end of the second.
  const first = editor(page).locator('p').first();
  const box = (await first.boundingBox())!;
  const bytes = [...readFileSync(CHART)];
  await editor(page).evaluate(
    (el, { data, x, y }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'dropped chart.png', { type: 'image/png' }));
      const target = document.elementFromPoint(x, y) ?? el;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: x, clientY: y }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: x, clientY: y }));
    },
    { data: bytes, x: box.x + 48, y: box.y + box.height / 2 },
  );
  const dialog = page.getByRole('dialog', { name: 'Describe this picture' });
  await dialog.getByLabel(/^Alt text/).fill('Dropped chart');
  await dialog.getByRole('button', { name: 'Add picture' }).click();
  await expect(dialog).toBeHidden();

  const picture = editor(page).getByRole('img', { name: 'Dropped chart' });
  await expect(picture).toBeVisible();
  // In the first paragraph, inside its words; the second paragraph is as it was.
  await expect(editor(page).locator('p').first().getByRole('img', { name: 'Dropped chart' })).toBeVisible();
  await expect(editor(page).locator('p').nth(1)).toHaveText('Second paragraph, where the caret is.');
  const firstText = await editor(page).locator('p').first().evaluate((p) => {
    const img = p.querySelector('img')!;
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEndBefore(img.closest('.pcs-image')!);
    return range.toString();
  });
  expect(firstText.length).toBeGreaterThan(0);
  expect('First paragraph about the council.'.startsWith(firstText)).toBe(true);
  expect(firstText.length).toBeLessThan('First paragraph about the council.'.length);
});

test('a picture is sized from its toolbar with the keyboard or the mouse; the size is saved and exported', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sizeborough Council', path: join(app.dir, 'size.pcstudio') });
  await row(page, 'Introduction').click();
  await editor(page).click();
  await page.keyboard.type('Our chart: ');
  await choosePicture(page, 'Satisfaction chart');
  const picture = editor(page).getByRole('img', { name: 'Satisfaction chart' });
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  const textWidth = await editor(page).locator('p').first().evaluate((p) => p.getBoundingClientRect().width);

  // Keyboard: focus the size list and choose "Full width" with the arrow keys.
  const size = editor(page).getByLabel('Size');
  await size.focus();
  await expect(size).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(size).toHaveValue('full');
  await expect.poll(async () => Math.round((await picture.boundingBox())!.width)).toBeGreaterThan(Math.round(textWidth * 0.95));
  // Mouse: choose "Small".
  await size.click();
  await size.selectOption({ label: 'Small' });
  await expect.poll(async () => (await picture.boundingBox())!.width).toBeLessThan(textWidth * 0.36);
  await expect(editor(page)).toContainText('Our chart:');
  await waitSaved(page);
  const axe = await new AxeBuilder({ page }).include('#editor').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: 'test-results/images-size-small.png' });

  await page.reload();
  await expect(editor(page).getByLabel('Size')).toHaveValue('small');
  const again = editor(page).getByRole('img', { name: 'Satisfaction chart' });
  await expect.poll(async () => (await again.boundingBox())?.width ?? 999).toBeLessThan(textWidth * 0.36);
});

test('copy and paste of a picture keeps its stored bytes and alt text; undo brings back a removed picture', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Copyham Council', path: join(app.dir, 'copy.pcstudio') });
  await row(page, 'Capacity for improvement').click();
  await editor(page).click();
  await page.keyboard.type('Chart ');
  await choosePicture(page, 'Staff survey chart');
  const pictures = editor(page).getByRole('img', { name: 'Staff survey chart' });
  await expect(pictures).toHaveCount(1);
  const blobId = await editor(page).locator('.pcs-image-frame').first().getAttribute('data-blob-id');
  expect(blobId).toMatch(/^[0-9a-f]{64}$/);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Copied below:');
  await waitSaved(page);

  // Select the first paragraph (words and picture), copy it, and paste it at the end, through
  // the clipboard events the editor handles (the page's own copy data, no system clipboard).
  const copied = await editor(page).evaluate((el) => {
    const p = el.querySelector('p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    return new Promise<Record<string, string>>((resolve) =>
      setTimeout(() => {
        const transfer = new DataTransfer();
        el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
        resolve(Object.fromEntries(transfer.types.map((t) => [t, transfer.getData(t)])));
      }, 100),
    );
  });
  expect(copied['application/x-lexical-editor']).toContain(blobId!);
  await editor(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await editor(page).evaluate((el, data) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, copied);
  await expect(pictures).toHaveCount(2);
  const frames = editor(page).locator('.pcs-image-frame');
  await expect(frames.nth(1)).toHaveAttribute('data-blob-id', blobId!);
  // The pasted one shows the stored picture (not a broken one), with the same alt text.
  await expect.poll(() => pictures.nth(1).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await waitSaved(page);

  // Remove the first with its button; Ctrl+Z brings it back, with its alt text and picture.
  await editor(page).getByRole('button', { name: 'Remove picture' }).first().click();
  await expect(pictures).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(pictures).toHaveCount(2);
  await expect(frames.first()).toHaveAttribute('data-blob-id', blobId!);
  await expect.poll(() => pictures.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  await waitSaved(page);
  await page.reload();
  await expect(editor(page).getByRole('img', { name: 'Staff survey chart' })).toHaveCount(2);
});

test('in browser mode the downloaded Word document has the picture and its alt text', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Downloadshire Council', path: join(app.dir, 'download.pcstudio') });
  await row(page, 'Introduction').click();
  await editor(page).click();
  await page.keyboard.type('Our residents survey: ');
  await choosePicture(page, 'Bar chart: satisfaction rose from 61% to 74%');
  await waitSaved(page);

  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByLabel('Save as').fill(join(app.dir, 'with picture.docx'));
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(/^Exported to/)).toBeVisible({ timeout: 20_000 });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
  expect(media).toHaveLength(1);
  const bytes = Buffer.from(await zip.file(media[0]!)!.async('uint8array'));
  expect(bytes.equals(readFileSync(CHART))).toBe(true);
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toContain('descr="Bar chart: satisfaction rose from 61% to 74%"');
});
