import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, expectNoSeriousViolations, importRecommendationsDialog as importDialog, recommendationsList as list, recommendationsView as view } from './helpers';

/** Issue #11, bad input: an empty paste, repeated labels (the user chooses), and a 200-item list. */

async function paste(page: Page, text: string) {
  await importDialog(page).getByLabel('Recommendations').fill(text);
  await importDialog(page).getByRole('button', { name: 'Find recommendations' }).click();
}

test('an empty paste and repeated labels: clear messages, nothing saved until the user chooses', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Badinby Council' });
  await page.keyboard.press('Alt+Shift+R');
  await view(page).getByRole('button', { name: 'Import recommendations…' }).click();

  await paste(page, '   \n  ');
  await expect(importDialog(page).getByRole('alert')).toContainText('There is nothing to read: the text is empty.');
  await expect(importDialog(page).getByRole('button', { name: /^Add \d+ to the register$/ })).toBeDisabled();
  await expectNoSeriousViolations(page, 'Import dialog, empty paste');
  await importDialog(page).getByRole('button', { name: 'Back' }).click();

  await paste(page, 'A. Refresh the vision.\nB. Review the localities model.\nB. Strengthen scrutiny of major projects.');
  await expect(importDialog(page).getByRole('alert')).toContainText('The label B is used more than once.');
  const add = importDialog(page).getByRole('button', { name: 'Add 3 to the register' });
  await expect(add).toBeDisabled();
  const choice = importDialog(page).getByRole('radiogroup', { name: 'What should happen to the repeated labels?' });
  await expectNoSeriousViolations(page, 'Import dialog, repeated labels');
  await page.screenshot({ path: 'test-results/recommendations-duplicates.png' });

  // react-aria's radio input is visually hidden under its label: click the words, as a user does.
  await choice.getByText('Keep only the first with each label').click();
  await expect(choice.getByRole('radio', { name: 'Keep only the first with each label' })).toBeChecked();
  await expect(importDialog(page).getByRole('button', { name: 'Add 2 to the register' })).toBeEnabled();
  await choice.getByText(/Keep them all, numbering the repeats/).click();
  const recognised = importDialog(page).getByRole('list', { name: 'Recognised recommendations' }).getByRole('listitem');
  await expect(recognised.nth(2)).toHaveText('B2. Strengthen scrutiny of major projects.');
  await add.click();
  await expect(importDialog(page)).toBeHidden();
  await expect(list(page).getByRole('option')).toHaveCount(3);
  await expect(list(page).getByRole('option', { name: /^Recommendation B2\b/ })).toContainText('Strengthen scrutiny of major projects.');
});

test('a list of 200 imports, and the register stays usable (only the rows in view are drawn)', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Longlistby Council' });
  await page.keyboard.press('Alt+Shift+R');
  await view(page).getByRole('button', { name: 'Import recommendations…' }).click();
  const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. Recommendation text number ${i + 1}, about the council's work with partners.`);
  await paste(page, lines.join('\n'));
  await expect(importDialog(page).getByRole('heading', { name: 'Recognised 200 recommendations' })).toBeVisible();
  await importDialog(page).getByRole('button', { name: 'Add 200 to the register' }).click();
  await expect(importDialog(page)).toBeHidden({ timeout: 20_000 });

  const options = list(page).getByRole('option');
  await expect(options.first()).toContainText('Recommendation text number 1,');
  // Virtualised: far fewer than 200 rows in the page.
  expect(await options.count()).toBeLessThan(60);
  await expectNoSeriousViolations(page, 'Register with 200 recommendations');

  // The keyboard reaches the last one, and it can be worked on.
  await options.first().focus();
  await page.keyboard.press('End');
  const last = list(page).getByRole('option', { name: /^Recommendation 200\b/ });
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(view(page).getByRole('heading', { name: 'Recommendation 200' })).toBeVisible();
  await view(page).getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'In progress' }).click();
  await expect(last).toContainText('In progress');
  await page.screenshot({ path: 'test-results/recommendations-200.png' });
});
