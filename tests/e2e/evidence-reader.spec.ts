import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, expectNoSeriousViolations, row } from './helpers';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

/** Drops a file on the editor the way a browser does: a File built in the page from the real bytes. */
async function dropFile(page: Page, file: { name: string; type: string; path: string }) {
  const base64 = readFileSync(file.path).toString('base64');
  await page.evaluate(
    ({ name, type, base64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      const target = document.getElementById('editor')!;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: file.name, type: file.type, base64 },
  );
}

test('evidence reader: a PDF page reads in paragraphs, not in its printed lines', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Governance and culture').click();
  await expect(editor(page)).toBeVisible();
  await dropFile(page, { name: 'sefton-corporate-plan-2024-2027.pdf', type: 'application/pdf', path: join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf') });
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await expect(panel.getByRole('status', { name: 'What happened' })).toContainText('Added 1 file', { timeout: 60_000 });

  await panel.getByRole('searchbox', { name: /Search the evidence and the statement/ }).fill('brownfield land grant');
  await panel.getByRole('list', { name: 'Search results' }).getByRole('button', { name: /page 12/ }).first().click();
  const reader = page.getByRole('dialog', { name: /page 12/ });
  const text = reader.getByLabel('Page text');
  await expect(text.locator('mark').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/evidence-reader.png' });

  // The wrapped list item is one paragraph, the searched words marked inside it; the heading after it is its own.
  const item = text.locator('p', { hasText: 'Secured approvals for the investment' });
  await expect(item).toHaveText('- Secured approvals for the investment of over £7.5m of brownfield land grant in the borough to deliver new homes.');
  await expect(item.locator('mark')).toHaveText(['brownfield', 'land', 'grant']);
  await expect(text.locator('p', { hasText: /^Our priority actions$/ })).toHaveCount(1);
  await expectNoSeriousViolations(page, 'Evidence reader', '[role="dialog"]');
  // The text scrolls by keyboard: it takes focus.
  await text.focus();
  await expect(text).toBeFocused();
  await reader.getByRole('button', { name: 'Close' }).click();
  await expect(reader).toBeHidden();
});
