import { expect, test } from './fixtures';
import { CPC_CHAPTERS, createAssessment, editor, fileMenu, fillCreateDialog, row, rowAction, topLevel, waitSaved } from './helpers';

/** Word targets, the council's own focus areas, and saving the structure as a template. */

const CORE_AND_FOCUS = [
  ...CPC_CHAPTERS.slice(0, -1),
  'Regeneration and culture',
  'Children’s services improvement',
  'Key and background documents',
];

test('word targets, statement details and focus areas, kept after a reload, then saved as a template', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Targetham Council' });

  // --- A section's word target, set from its row menu; the binder follows as you type ---
  await rowAction(page, 'Governance and culture', 'Set word target…');
  let dialog = page.getByRole('dialog', { name: 'Word target for “Governance and culture”' });
  await expect(dialog.getByLabel('Word target')).toHaveValue('4000'); // from the template
  await dialog.getByLabel('Word target').fill('ten');
  await dialog.getByRole('button', { name: 'Set target' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Enter a whole number of words');
  await dialog.getByLabel('Word target').fill('10');
  await dialog.getByRole('button', { name: 'Set target' }).click();
  await expect(dialog).toBeHidden();
  const governance = row(page, 'Governance and culture');
  await expect(governance).toHaveAttribute('aria-label', 'Governance and culture, 0 of 10 words, under target');

  await governance.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await editor(page).click();
  await page.keyboard.type('Our governance is clear and ');
  await expect(governance).toHaveAttribute('aria-label', 'Governance and culture, 5 of 10 words, under target');
  await expect(governance.locator('.binder-count')).toHaveClass(/count-under/);
  await page.keyboard.type('our scrutiny is strong');
  await expect(governance).toHaveAttribute('aria-label', 'Governance and culture, 9 of 10 words, on target');
  await expect(governance.locator('.binder-count')).toHaveClass(/count-on/);
  await expect(page.locator('.status-bar')).toContainText('9 / 10 words in this section, on target');
  await page.keyboard.type(' and open to challenge.');
  await expect(governance).toHaveAttribute('aria-label', 'Governance and culture, 13 of 10 words, over target');
  await expect(page.locator('.status-bar')).toContainText('13 / 10 words in this section, over target');
  await waitSaved(page);

  // Empty means no target.
  await rowAction(page, 'Capacity for improvement', 'Set word target…');
  dialog = page.getByRole('dialog', { name: 'Word target for “Capacity for improvement”' });
  await dialog.getByLabel('Word target').fill('');
  await dialog.getByRole('button', { name: 'Set target' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Capacity for improvement')).toHaveAttribute('aria-label', 'Capacity for improvement, 0 words');

  // --- The statement's target, with the council's name and the visit date ---
  await fileMenu(page, 'Assessment details…');
  dialog = page.getByRole('dialog', { name: 'Assessment details' });
  await expect(dialog.getByLabel('Council name')).toHaveValue('Targetham Council');
  await expect(dialog.getByLabel('Word target for the whole statement')).toHaveValue('30000');
  await dialog.getByLabel('Word target for the whole statement').fill('14');
  // A react-aria date field: day, month and year segments, typed in that order.
  await dialog.getByRole('spinbutton', { name: /^day/ }).click();
  await page.keyboard.type('12032026');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('Visit 12 March 2026');
  await expect(page.locator('.total-words')).toHaveText('13 / 14');
  await expect(page.locator('.total-words')).toHaveAttribute('aria-label', 'Statement total: 13 of 14 words, on target');
  await expect(page.locator('.status-bar')).toContainText('13 / 14 words in the statement, on target');

  // --- Focus areas: after the five themes, before the documents ---
  await fileMenu(page, 'Add focus area…');
  dialog = page.getByRole('dialog', { name: 'Add a focus area' });
  await dialog.getByLabel('Focus area title').fill('Regeneration and culture');
  await dialog.getByRole('button', { name: 'Add focus area' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regeneration and culture');
  const titles = await topLevel(page);
  expect(titles.indexOf('Regeneration and culture')).toBe(titles.indexOf('Capacity for improvement') + 1);
  expect(titles.indexOf('Key and background documents')).toBe(titles.indexOf('Regeneration and culture') + 1);

  // A second one from the binder's foot, then put it first among the focus areas.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Add focus area' }).click();
  dialog = page.getByRole('dialog', { name: 'Add a focus area' });
  await dialog.getByLabel('Focus area title').fill('Childrens services');
  await dialog.getByRole('button', { name: 'Add focus area' }).click();
  await expect(dialog).toBeHidden();
  await rowAction(page, 'Childrens services', 'Rename…');
  dialog = page.getByRole('dialog', { name: 'Rename section' });
  await dialog.getByLabel('Section title').fill('Children’s services improvement');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(row(page, 'Children’s services improvement')).toBeVisible();
  await rowAction(page, 'Children’s services improvement', 'Move up');
  await expect.poll(() => topLevel(page)).toEqual([
    ...CORE_AND_FOCUS.slice(0, 7),
    'Children’s services improvement',
    'Regeneration and culture',
    'Key and background documents',
  ]);
  // The menu will not offer a move out of the focus areas…
  await row(page, 'Children’s services improvement').getByRole('button', { name: 'More actions for Children’s services improvement' }).click();
  await expect(page.getByRole('menuitem', { name: 'Move up' })).toBeDisabled();
  await page.keyboard.press('Escape');
  // …and when asked by keyboard (Alt+↑), the core's reason is shown plainly.
  await row(page, 'Children’s services improvement').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('.toast-error')).toContainText('Focus areas stay together after the themes and before the key and background documents.');
  await row(page, 'Regeneration and culture').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => topLevel(page)).toEqual(CORE_AND_FOCUS);

  // Delete one and undo.
  await rowAction(page, 'Regeneration and culture', 'Delete');
  await expect(row(page, 'Regeneration and culture')).toHaveCount(0);
  await page.locator('.toast').filter({ hasText: 'Deleted “Regeneration and culture”.' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => topLevel(page)).toEqual(CORE_AND_FOCUS);

  // A focus area can have its own target too.
  await rowAction(page, 'Regeneration and culture', 'Set word target…');
  dialog = page.getByRole('dialog', { name: 'Word target for “Regeneration and culture”' });
  await dialog.getByLabel('Word target').fill('2,500');
  await dialog.getByRole('button', { name: 'Set target' }).click();
  await expect(row(page, 'Regeneration and culture')).toHaveAttribute('aria-label', 'Regeneration and culture, 0 of 2,500 words, under target');
  await waitSaved(page);

  // --- All of it is in the file ---
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => topLevel(page)).toEqual(CORE_AND_FOCUS);
  await expect(row(page, 'Governance and culture')).toHaveAttribute('aria-label', 'Governance and culture, 13 of 10 words, over target');
  await expect(row(page, 'Capacity for improvement')).toHaveAttribute('aria-label', 'Capacity for improvement, 0 words');
  await expect(row(page, 'Regeneration and culture')).toHaveAttribute('aria-label', 'Regeneration and culture, 0 of 2,500 words, under target');
  await expect(page.locator('.total-words')).toHaveAttribute('aria-label', 'Statement total: 13 of 14 words, on target');
  await expect(page.getByRole('banner')).toContainText('Visit 12 March 2026');

  // --- Save the structure as a template, and start a new assessment from it ---
  await fileMenu(page, 'Save as template…');
  dialog = page.getByRole('dialog', { name: 'Save as a template' });
  await dialog.getByLabel('Template name').fill('Targetham 2027');
  await dialog.getByLabel(/Description/).fill('Our five themes plus regeneration and children’s services.');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toast')).toContainText('Saved the template “Targetham 2027” as targetham-2027.json in your templates folder.');

  await fileMenu(page, 'Create a new assessment…');
  const create2 = page.getByRole('dialog', { name: 'Create a new assessment' });
  await expect(create2.getByText('Our five themes plus regeneration and children’s services.')).toBeVisible();
  await expect(create2.getByText('From your templates folder')).toBeVisible();
  await fillCreateDialog(page, { council: 'Nextham Council', template: 'Targetham 2027' });
  await expect(page.getByRole('banner')).toContainText('Nextham Council');
  await expect.poll(() => topLevel(page)).toEqual(CORE_AND_FOCUS);
  // The structure and the targets came across; the writing did not.
  await expect(row(page, 'Governance and culture')).toHaveAttribute('aria-label', 'Governance and culture, 0 of 10 words, under target');
  await expect(row(page, 'Regeneration and culture')).toHaveAttribute('aria-label', 'Regeneration and culture, 0 of 2,500 words, under target');
  await expect(page.locator('.total-words')).toHaveAttribute('aria-label', 'Statement total: 0 of 14 words, under target');
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect(editor(page)).toHaveText('');
  // Guidance came with it.
  await expect(page.getByRole('complementary', { name: 'Guidance' })).toContainText('Are decision-making and governance clear, robust and transparent?');
});

test('the templates folder can be changed, and put back to the default', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Folderby Council' });
  await fileMenu(page, 'Templates folder…');
  const dialog = page.getByRole('dialog', { name: 'Templates folder' });
  await expect(dialog.getByLabel('Folder')).toHaveValue(`${app.dir}/config/templates`);
  await expect(dialog).toContainText('No templates of your own yet.');

  await dialog.getByLabel('Folder').fill(`${app.dir}/no-such-folder`);
  await dialog.getByRole('button', { name: 'Use this folder' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();

  await dialog.getByLabel('Folder').fill(app.dir);
  await dialog.getByRole('button', { name: 'Use this folder' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Using this folder for templates.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await fileMenu(page, 'Save as template…');
  const save = page.getByRole('dialog', { name: 'Save as a template' });
  await save.getByLabel('Template name').fill('Shared drive template');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(page.locator('.toast')).toContainText('as shared-drive-template.json');

  await fileMenu(page, 'Templates folder…');
  await expect(dialog.getByLabel('Folder')).toHaveValue(app.dir);
  await expect(dialog.locator('.templates-found-list')).toContainText('Shared drive template');
  await dialog.getByRole('button', { name: 'Use the default folder' }).click();
  await expect(dialog.getByLabel('Folder')).toHaveValue(`${app.dir}/config/templates`);
  await expect(dialog).toContainText('No templates of your own yet.');
});
