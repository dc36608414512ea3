import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { expect, test } from './fixtures';
import { addEvidenceFiles, citeEvidence, createAssessment, editor, fileMenu, row, waitSaved } from './helpers';

test('citations show the key documents numbers: reorder the list, the editor and the Word export follow', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Governance and culture').click();
  await fileMenu(page, 'Evidence library');
  await addEvidenceFiles(page, [
    { name: 'plan.txt', text: 'Corporate Plan\nOur ambitions for the borough.' },
    { name: 'minutes.txt', text: 'Cabinet minutes\nThe cabinet agreed the budget.' },
  ]);
  await citeEvidence(page, 'We have clear ambitions.', 'ambitions borough');
  await citeEvidence(page, ' Cabinet agreed it.', 'cabinet agreed');
  const cites = editor(page).locator('cite');
  await expect(cites).toHaveText(['[1]', '[2]']);
  await waitSaved(page);

  // Reorder: the minutes first.
  await row(page, 'Key and background documents').click();
  const keyList = page.getByRole('list', { name: 'Key and background documents' });
  await expect(keyList).toContainText('1. Corporate Plan');
  await new AxeBuilder({ page }).include('.key-documents').withTags(['wcag2a', 'wcag2aa', 'wcag22aa']).analyze().then((r) => expect(r.violations).toEqual([]));
  await keyList.getByRole('button', { name: 'Move “Cabinet minutes” up' }).click();
  await expect(keyList.getByRole('listitem').first()).toContainText('1. Cabinet minutes');
  await expect(keyList.getByRole('button', { name: 'Move “Cabinet minutes” down' })).toBeFocused();
  await page.screenshot({ path: 'test-results/evidence-key-documents-reorder.png' });

  // The citations in the text follow, without the section being rewritten.
  await row(page, 'Governance and culture').click();
  await expect(cites).toHaveText(['[2]', '[1]']);
  await expect(cites.first()).toHaveAttribute('aria-label', /^Citation \[2\]/);
  await expect(page.getByRole('list', { name: 'Cited in this section' })).toContainText('2Corporate Plan');

  // And so does the Word export.
  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  const out = join(app.dir, 'renumbered.docx');
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByText(`Exported to “${out}”.`)).toBeVisible({ timeout: 30_000 });
  const body = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
  const text = body.replace(/<[^>]+>/g, '');
  expect(text).toMatch(/We have clear ambitions\.\s?\[2, 1\]\s*Cabinet agreed it\.\s?\[1, 1\]/);
});
