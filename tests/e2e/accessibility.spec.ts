import { join } from 'node:path';
import { expect, test } from './fixtures';
import { expectNoSeriousViolations, fileMenu } from './helpers';

test('no serious accessibility problems on the start screen, the create dialog and the main screen', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: /Create a new assessment/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await expectNoSeriousViolations(page, 'Start screen');

  await page.getByRole('button', { name: /Create a new assessment/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a new assessment' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(page, 'Create dialog');

  // An error in the dialog is announced and still passes.
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Enter the name of the council.');
  await dialog.getByLabel('Council name').fill('Axeborough Council');
  await dialog.getByLabel('Save as').fill(join(app.dir, 'a11y.pcstudio'));
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await page.locator('#editor').click();
  await page.keyboard.type('Some text so the status bar has counts.');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await expectNoSeriousViolations(page, 'Main screen');

  await page.keyboard.press('ControlOrMeta+f');
  await page.keyboard.type('text');
  await expect(page.getByRole('complementary', { name: 'Find and replace' }).getByRole('status')).toHaveText(/1 match/);
  await expectNoSeriousViolations(page, 'Main screen with find panel');
});

test('keyboard only: skip link, binder, editor, with a visible focus ring', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: /Create a new assessment/ })).toBeVisible();
  // Create with the keyboard alone.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Create a new assessment/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Create a new assessment' });
  await expect(dialog.getByLabel('Council name')).toBeFocused();
  await page.keyboard.type('Keyboard District Council');
  await dialog.getByLabel('Save as').fill(join(app.dir, 'keyboard.pcstudio'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  // First Tab: the skip link, visible when focused.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to editor' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  // Tab on to the binder (past the header's buttons).
  let inBinder = false;
  for (let i = 0; i < 10 && !inBinder; i++) {
    await page.keyboard.press('Tab');
    inBinder = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'row');
  }
  expect(inBinder).toBe(true);
  const focusedRow = page.locator('[role="row"]:focus');
  // The focus ring: a solid outline at least 2px wide, in the accent colour.
  const outline = await focusedRow.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);

  // Down to "Governance and culture" with the arrow keys: the section opens as it is selected.
  for (let i = 0; i < 20; i++) {
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    if (label.startsWith('Governance and culture')) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.locator('[role="row"]:focus')).toHaveAttribute('aria-label', /^Governance and culture/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');

  // Tab leaves the binder, reaches the toolbar (one stop), then the editor.
  let inEditor = false;
  for (let i = 0; i < 6 && !inEditor; i++) {
    await page.keyboard.press('Tab');
    inEditor = await page.evaluate(() => document.activeElement?.id === 'editor');
  }
  expect(inEditor).toBe(true);
  await page.keyboard.type('Typed without a mouse.');
  await expect(page.locator('#editor')).toHaveText('Typed without a mouse.');
  await expect(page.locator('#editor')).toHaveAttribute('spellcheck', 'true');
  await expect(page.locator('#editor')).toHaveAttribute('lang', 'en-GB');

  // The toolbar works from the keyboard too: Shift+Tab back to it, arrows to Bold, Enter.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('toolbar', { name: 'Formatting' }).locator(':focus')).toHaveCount(1);
  const boldFocusRing = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(boldFocusRing).toBe('solid');

  // The skip link jumps straight to the editor.
  await page.getByRole('row', { name: /^Governance and culture/ }).focus();
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#editor')).toBeFocused();
});

test('no serious accessibility problems with the guidance panel, the Insert menu, the statement blocks and the new dialogs', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: /Create a new assessment/ }).click();
  const create = page.getByRole('dialog', { name: 'Create a new assessment' });
  await expect(create.getByRole('radio', { name: /^Progress review/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'Create dialog with templates');
  await create.getByLabel('Council name').fill('Axeborough Council');
  await create.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  // The guidance panel is a labelled complementary landmark beside the editor.
  await page.getByRole('row', { name: /^Governance and culture, / }).click();
  const guidance = page.getByRole('complementary', { name: 'Guidance' });
  await expect(guidance).toBeVisible();
  await expect(guidance.locator('.guidance-questions li').first()).toBeVisible();

  // Both statement blocks in the page.
  await page.locator('#editor').click();
  const insert = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' });
  await insert.click();
  await page.getByRole('menuitem', { name: /^Headline statements/ }).click();
  await page.keyboard.type('Our governance is robust');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await insert.click();
  await page.getByRole('menuitem', { name: /^Question for the peers/ }).click();
  await page.keyboard.type('test our scrutiny.');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await expectNoSeriousViolations(page, 'Main screen with the guidance panel and both blocks');

  // The Insert menu, opened from the keyboard.
  await insert.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Insert' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /^Headline statements/ })).toBeFocused();
  await expectNoSeriousViolations(page, 'Insert menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Insert' })).toBeHidden();

  // The word target dialog, with an error showing.
  await page
    .getByRole('row', { name: /^Governance and culture, / })
    .getByRole('button', { name: 'More actions for Governance and culture' })
    .click();
  await page.getByRole('menuitem', { name: 'Set word target…' }).click();
  const target = page.getByRole('dialog', { name: 'Word target for “Governance and culture”' });
  await target.getByLabel('Word target').fill('lots');
  await target.getByRole('button', { name: 'Set target' }).click();
  await expect(target.getByRole('alert')).not.toBeEmpty();
  await expectNoSeriousViolations(page, 'Word target dialog');
  await page.keyboard.press('Escape');
  await expect(target).toBeHidden();

  // Assessment details.
  await fileMenu(page, 'Assessment details…');
  const details = page.getByRole('dialog', { name: 'Assessment details' });
  await expect(details.getByLabel('Council name')).toBeFocused();
  await expectNoSeriousViolations(page, 'Assessment details dialog');
  await page.keyboard.press('Escape');

  // Save as template and templates folder.
  await fileMenu(page, 'Save as template…');
  await expect(page.getByRole('dialog', { name: 'Save as a template' })).toBeVisible();
  await expectNoSeriousViolations(page, 'Save as template dialog');
  await page.keyboard.press('Escape');
  await fileMenu(page, 'Templates folder…');
  await expect(page.getByRole('dialog', { name: 'Templates folder' })).toContainText('No templates of your own yet.');
  await expectNoSeriousViolations(page, 'Templates folder dialog');
});
