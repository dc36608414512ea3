import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { addEvidenceFiles, citeEvidence, createAssessment, editor, expectNoSeriousViolations, fileMenu, row } from './helpers';

test('evidence details: edit an item in an accessible dialog, download the original, see where it is cited', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  await row(page, 'Governance and culture').click();
  await expect(editor(page)).toBeVisible();
  await fileMenu(page, 'Evidence library');
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await addEvidenceFiles(page, [
    { name: 'budget-2024.txt', text: 'Budget 2024 to 2025\nThe medium term financial plan closes the gap.' },
    { name: 'budget-monitoring.txt', text: 'Budget monitoring, quarter 2\nSpending is on track.' },
  ]);

  // Cited in this section, with its number; nothing cited yet.
  await expect(panel.getByText('This section cites no evidence yet.')).toBeVisible();
  await citeEvidence(page, 'Our finances are stable.', 'medium term financial plan');
  const citedHere = panel.getByRole('list', { name: 'Cited in this section' });
  await expect(citedHere).toContainText('Budget 2024 to 2025');
  await expect(citedHere).toContainText('Cited once');

  // Details: every field, the date in British order, a family shared by two items.
  const items = panel.getByRole('list', { name: 'Evidence items' });
  await items.getByRole('button', { name: 'Details of “Budget 2024 to 2025”' }).click();
  const details = page.getByRole('dialog', { name: 'Details of “Budget 2024 to 2025”' });
  await expect(details).toBeVisible();
  await expect(details.getByRole('region', { name: 'Where it is cited' }).getByRole('button', { name: /Governance and culture/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'Evidence details dialog', '[role="dialog"]');
  await details.getByRole('textbox', { name: 'Title' }).fill('Budget 2024/25');
  await details.getByRole('button', { name: /Type/ }).click();
  await page.getByRole('option', { name: 'Report' }).click();
  await details.getByRole('spinbutton', { name: /day/i }).click();
  await page.keyboard.type('31032024');
  await details.getByRole('textbox', { name: /Owner/ }).fill('Executive Director of Corporate Resources');
  await details.getByRole('textbox', { name: /Web address/ }).fill('not a web address');
  await details.getByRole('combobox', { name: /Family/ }).fill('Budget and Budget Monitoring Report');
  await details.getByRole('textbox', { name: /Notes/ }).fill('Approved by Council in March.');
  await details.getByRole('button', { name: 'Save details' }).click();
  // Bad input: a clear message, nothing lost, the dialog stays open.
  await expect(details.getByRole('alert')).toContainText('Enter a web address starting with https:// or http://.');
  await expect(details.getByRole('textbox', { name: /Owner/ })).toHaveValue('Executive Director of Corporate Resources');
  await details.getByRole('textbox', { name: /Web address/ }).fill('https://www.sefton.gov.uk/budget');
  await page.screenshot({ path: 'test-results/evidence-details.png' });
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(items).toContainText('Budget 2024/25');
  await expect(citedHere).toContainText('Budget 2024/25');

  // The second item joins the family (offered from the first's), and both are lettered.
  await items.getByRole('button', { name: 'Details of “Budget monitoring, quarter 2”' }).click();
  const second = page.getByRole('dialog', { name: /Details of “Budget monitoring/ });
  await second.getByRole('combobox', { name: /Family/ }).click();
  await page.getByRole('option', { name: 'Budget and Budget Monitoring Report' }).click();
  await second.getByRole('button', { name: 'Save details' }).click();
  await expect(second).toBeHidden();
  await expect(citedHere.getByText('1a', { exact: true })).toBeVisible();
  // The citation in the text takes the family's lettered number at once.
  await expect(editor(page).locator('cite')).toHaveText('[1a]');

  // Reopened, the saved details are all there.
  await items.getByRole('button', { name: 'Details of “Budget 2024/25”' }).click();
  const again = page.getByRole('dialog', { name: 'Details of “Budget 2024/25”' });
  await expect(again.getByRole('button', { name: /Type/ })).toContainText('Report');
  await expect(again.getByRole('spinbutton', { name: /year/i })).toHaveAttribute('aria-valuenow', '2024');
  await expect(again.getByRole('spinbutton', { name: /day/i })).toHaveAttribute('aria-valuenow', '31');
  await expect(again.getByRole('textbox', { name: /Notes/ })).toHaveValue('Approved by Council in March.');

  // Browser mode: the original downloads under its own name, byte for byte.
  const downloading = page.waitForEvent('download');
  await again.getByRole('button', { name: 'Download original' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('budget-2024.txt');
  expect(readFileSync(await download.path())).toEqual(readFileSync(test.info().outputPath('budget-2024.txt')));

  await again.getByRole('button', { name: 'Cancel' }).click();

  // Where it is cited: press the section to go there.
  await row(page, 'Capacity for improvement').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capacity for improvement' })).toBeVisible();
  await items.getByRole('button', { name: 'Details of “Budget 2024/25”' }).click();
  await page.getByRole('dialog', { name: 'Details of “Budget 2024/25”' }).getByRole('button', { name: /Governance and culture/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Governance and culture' })).toBeVisible();
  await expect(citedHere).toContainText('Budget 2024/25');
});
