import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addRecommendation, createAssessment, expectNoSeriousViolations, fileMenu, recommendationsList as list, recommendationsView as view } from './helpers';

/** Issue #11: every change to the register can be undone, with Ctrl+Z outside a text field or the Undo beside its message. */

const optionA = (page: Page) => list(page).getByRole('option', { name: /^Recommendation A\b/ });
const message = (page: Page) => view(page).locator('.recs-undo-bar [role="status"]');

test('undo and redo the register’s changes: add, status, owner, link and delete', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Undoby Council' });
  await addRecommendation(page, 'A', 'Review the localities model with partners.');
  await expect(message(page)).toHaveText('Added recommendation A.');

  // Status: a message with Undo; Ctrl+Z on the list (not in a text field) puts it back.
  await view(page).getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'Complete' }).click();
  await expect(message(page)).toHaveText('Changed the status of recommendation A to Complete.');
  await expect(optionA(page)).toContainText('Complete');
  await expectNoSeriousViolations(page, 'Register with an undo message');
  await page.screenshot({ path: 'test-results/recommendations-undo.png' });
  await optionA(page).focus();
  await page.keyboard.press('Control+z');
  await expect(message(page)).toHaveText('Undone: Changed the status of recommendation A to Complete.');
  await expect(optionA(page)).toContainText('Not started');
  await page.keyboard.press('Control+y');
  await expect(optionA(page)).toContainText('Complete');
  await page.keyboard.press('Control+z');
  await expect(optionA(page)).toContainText('Not started');

  // Typing in the owner box: Ctrl+Z there is the box's own; outside it, the register's.
  const owner = view(page).getByRole('textbox', { name: 'Owner' });
  await owner.fill('Director of Finance');
  await expect(optionA(page)).toContainText('Owner: Director of Finance');
  await optionA(page).focus();
  await page.keyboard.press('Control+z');
  await expect(optionA(page)).not.toContainText('Owner:');
  await expect(view(page).getByRole('textbox', { name: 'Owner' })).toHaveValue('');

  // A link to a section, undone.
  await view(page).getByRole('button', { name: /Section to link/ }).click();
  await page.getByRole('option', { name: /^\s*Governance and culture$/ }).click();
  await view(page).getByRole('button', { name: 'Link section' }).click();
  const sections = view(page).getByRole('list', { name: 'Sections that address it' });
  await expect(sections).toContainText('Governance and culture');
  await expect(message(page)).toHaveText('Linked “Governance and culture” to recommendation A.');
  await view(page).getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  await expect(sections).not.toContainText('Governance and culture');

  // Delete, then Undo beside its message: back with everything.
  await view(page).getByRole('button', { name: 'Delete recommendation A' }).click();
  await expect(message(page)).toHaveText('Deleted recommendation A.');
  await expect(list(page)).toHaveCount(0);
  await view(page).getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  await expect(optionA(page)).toBeVisible();
  await expect(optionA(page)).toContainText('Not started');

  // Undoing the add takes it out again; the file agrees after reopening the view.
  await optionA(page).focus();
  await page.keyboard.press('Control+z');
  await expect(message(page)).toHaveText('Undone: Added recommendation A.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+Shift+R');
  await expect(view(page)).toContainText('The register is empty.');
});

test('the register’s undo history belongs to one assessment: opening another leaves nothing to undo there', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Firstby Council' });
  await page.keyboard.press('Alt+Shift+R');
  await view(page).getByRole('button', { name: 'Add recommendation' }).click();
  const add = page.getByRole('dialog', { name: 'Add recommendation' });
  await add.getByLabel('Label').fill('A');
  await add.getByLabel('Recommendation', { exact: true }).fill('Review the localities model with partners.');
  await add.getByRole('button', { name: 'Add recommendation' }).click();
  await expect(message(page)).toHaveText('Added recommendation A.');
  await page.keyboard.press('Escape');

  // Another assessment, then Ctrl+Z in its register: the first one's "add" is not undone here.
  await fileMenu(page, 'Close assessment');
  await createAssessment(page, { council: 'Secondby Council' });
  await page.keyboard.press('Alt+Shift+R');
  await expect(view(page)).toContainText('The register is empty.');
  await view(page).getByRole('button', { name: 'Add recommendation' }).focus();
  await page.keyboard.press('Control+z');
  await expect(message(page)).toHaveText('Nothing to undo in the register.');
});
