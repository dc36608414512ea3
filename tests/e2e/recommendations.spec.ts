import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addRecommendation, createAssessment, editor, expectNoSeriousViolations, fileMenu, recommendationsView as view, row, waitSaved } from './helpers';

/** Issue #11, the user's side: import a list, link, watch the gaps change, reference it in the text. */

/** Adds a web-link evidence item through browser mode's own HTTP API (there is no evidence panel on this branch). */
async function addLinkEvidence(page: Page, title: string, url: string) {
  const result = await page.evaluate(
    async ({ title, url }) => {
      const response = await fetch('/api/evidence-add-link', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PCS-Token': sessionStorage.getItem('pcs-token') ?? '' },
        body: JSON.stringify({ title, url }),
      });
      return (await response.json()) as { ok: boolean };
    },
    { title, url },
  );
  expect(result.ok).toBe(true);
}

const traceRow = (page: Page, label: string) =>
  view(page).getByRole('grid', { name: 'Traceability of recommendations' }).getByRole('row', { name: new RegExp(`^${label}\\. `) });

async function showTraceability(page: Page) {
  await view(page).getByRole('tab', { name: 'Traceability' }).click();
}
async function showRegister(page: Page) {
  await view(page).getByRole('tab', { name: 'Register' }).click();
}

test('import a pasted list, link a recommendation to a section and evidence, and see the gaps change', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Recsby Borough Council' });
  await addLinkEvidence(page, 'Medium-term financial strategy', 'https://example.org/mtfs');

  // Reachable from the keyboard.
  await page.keyboard.press('Alt+Shift+R');
  await expect(view(page)).toBeVisible();
  await expect(view(page)).toContainText('The register is empty.');
  await expectNoSeriousViolations(page, 'Recommendations view, empty');

  // An empty paste: a clear message, nothing saved.
  await view(page).getByRole('button', { name: 'Import recommendations…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import recommendations' });
  await importDialog.getByRole('button', { name: 'Find recommendations' }).click();
  await expect(importDialog.getByRole('alert').first()).toContainText('There is nothing to read');
  await expect(importDialog.getByRole('button', { name: /^Add \d+ to the register$/ })).toBeDisabled();
  await importDialog.getByRole('button', { name: 'Back' }).click();

  // A list with a wrapped line: recognised as two, shown before anything is saved.
  await importDialog
    .getByLabel('Recommendations')
    .fill('A. Ensure the medium-term financial plan is realistic\nand owned by members.\nB. Develop a shared vision with partners.');
  await importDialog.getByRole('button', { name: 'Find recommendations' }).click();
  await expect(importDialog.getByRole('heading', { name: 'Recognised 2 recommendations' })).toBeVisible();
  const recognised = importDialog.getByRole('list', { name: 'Recognised recommendations' }).getByRole('listitem');
  await expect(recognised).toHaveCount(2);
  await expect(recognised.first()).toContainText('realistic and owned by members.');
  await expectNoSeriousViolations(page, 'Import dialog with what was recognised');
  await importDialog.getByRole('button', { name: 'Add 2 to the register' }).click();
  await expect(importDialog).toBeHidden();

  const list = view(page).getByRole('listbox', { name: 'Recommendations' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option').first()).toContainText('Not started');

  // Nothing linked yet: not addressed.
  await showTraceability(page);
  await expect(traceRow(page, 'A')).toContainText('Not addressed');
  await expectNoSeriousViolations(page, 'Traceability view');

  // Linked to a section: addressed, but no evidence.
  await showRegister(page);
  await list.getByRole('option', { name: /^Recommendation A\b/ }).click();
  await view(page).getByRole('button', { name: /Section to link/ }).click();
  await page.getByRole('option', { name: /^\s*Governance and culture$/ }).click();
  await view(page).getByRole('button', { name: 'Link section' }).click();
  await expect(view(page).getByRole('list', { name: 'Sections that address it' })).toContainText('Governance and culture');
  await showTraceability(page);
  await expect(traceRow(page, 'A')).toContainText('No evidence');
  await expect(traceRow(page, 'A')).not.toContainText('Not addressed');

  // Linked to evidence that the section never cites.
  await showRegister(page);
  await view(page).getByRole('button', { name: /Evidence to link/ }).click();
  await page.getByRole('option', { name: 'Medium-term financial strategy' }).click();
  await view(page).getByRole('button', { name: 'Link evidence' }).click();
  await expect(view(page).getByRole('list', { name: 'Evidence that shows it' })).toContainText('Not cited in the text yet');
  await showTraceability(page);
  await expect(traceRow(page, 'A')).toContainText('Evidence not cited');
  await expect(traceRow(page, 'A')).not.toContainText('No evidence');
  await expect(traceRow(page, 'B')).toContainText('Not addressed');
  await page.screenshot({ path: 'test-results/recommendations-traceability.png' });

  // Progress update, status and owner are autosaved and come back after reopening.
  await showRegister(page);
  await view(page).getByLabel('Progress update').fill('Plan agreed by Cabinet in May.');
  await view(page).getByRole('textbox', { name: 'Owner' }).fill('Director of Finance');
  await expect(view(page).getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.screenshot({ path: 'test-results/recommendations-register.png' });
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();
  // The shortcut sits in the menu's shortcut column, as for every other item, not in the label.
  await page.getByRole('button', { name: 'File menu' }).click();
  await expect(page.getByRole('menuitem', { name: /^Recommendations…/ })).toContainText('Alt+Shift+R');
  await page.keyboard.press('Escape');
  await fileMenu(page, 'Recommendations…');
  await expect(view(page).getByLabel('Progress update')).toHaveValue('Plan agreed by Cabinet in May.');
  await expect(view(page).getByRole('textbox', { name: 'Owner' })).toHaveValue('Director of Finance');
});

test('insert a reference to a recommendation in the editor', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Refton Council' });
  await addRecommendation(page, 'C', 'Strengthen scrutiny of major projects.');
  await page.keyboard.press('Escape');
  await expect(view(page)).toBeHidden();

  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('We have acted on ');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('menu', { name: 'Insert' }).getByRole('menuitem', { name: /Reference to a recommendation/ }).click();
  const picker = page.getByRole('dialog', { name: 'Insert reference to a recommendation' });
  await picker.getByRole('option', { name: /^Recommendation C:/ }).click();
  await expectNoSeriousViolations(page, 'Recommendation picker');
  await picker.getByRole('button', { name: 'Insert reference' }).click();
  await expect(picker).toBeHidden();
  await expect(editor(page).locator('.pcs-recommendation-reference')).toHaveText('Recommendation C');
  await waitSaved(page);

  // The reference counts as addressing it: the traceability view no longer says "Not addressed".
  await page.keyboard.press('Alt+Shift+R');
  await showTraceability(page);
  await expect(traceRow(page, 'C')).toContainText('No evidence');
  await expect(traceRow(page, 'C')).toContainText('Governance and culture');
});
