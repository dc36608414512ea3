import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { binder, createAssessment, editor, openCreateDialog, row, rowAction, waitSaved } from './helpers';

/** Issue #9, binder parts: safe delete with undo, structure from the keyboard, chapter totals, British dates. */

const childTitles = (page: Page, parent: string) =>
  page.evaluate((parentTitle) => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.binder [role="row"]'));
    const at = rows.findIndex((r) => r.querySelector('.binder-title')?.textContent === parentTitle);
    const level = Number(rows[at]!.getAttribute('aria-level'));
    const out: string[] = [];
    for (const r of rows.slice(at + 1)) {
      const l = Number(r.getAttribute('aria-level'));
      if (l <= level) break;
      if (l === level + 1) out.push(r.querySelector('.binder-title')?.textContent ?? '');
    }
    return out;
  }, parent);

/** Adds a subsection inside `parent` from its row menu and types `text` into it. */
async function addSubsection(page: Page, parent: string, title: string, text?: string) {
  await rowAction(page, parent, 'Add subsection inside');
  const dialog = page.getByRole('dialog', { name: `Add a subsection inside “${parent}”` });
  await dialog.getByLabel('Section title').fill(title);
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  if (text) {
    await editor(page).click();
    await page.keyboard.type(text);
    await waitSaved(page);
  }
}

const focusedRowTitle = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.getAttribute('role') === 'row' ? (el.querySelector('.binder-title')?.textContent ?? null) : null;
  });

test('delete, then Ctrl+Z from the row that has focus; redo; the Undo stays; recently deleted', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Deleteham Council' });
  await addSubsection(page, 'Governance and culture', 'Scrutiny', 'Scrutiny committees meet monthly and report openly.');
  await addSubsection(page, 'Governance and culture', 'Audit', 'The audit committee is independent.');

  await row(page, 'Scrutiny').click();
  await row(page, 'Scrutiny').focus();
  await page.keyboard.press('Delete');
  await expect(row(page, 'Scrutiny')).toHaveCount(0);
  // Focus lands on the neighbouring row, not on the binder as a whole.
  await expect.poll(() => focusedRowTitle(page)).toBe('Audit');
  const toast = page.locator('.toast').filter({ hasText: 'Deleted “Scrutiny”.' });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Ctrl+Z from the focused row brings it back, where it was, with its text.
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Scrutiny')).toBeVisible();
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Audit']);
  await expect.poll(() => focusedRowTitle(page)).toBe('Scrutiny');
  // Redo deletes it again; Ctrl+Y is redo too, after another undo.
  await page.keyboard.press('Control+Shift+z');
  await expect(row(page, 'Scrutiny')).toHaveCount(0);
  // Ctrl+Z then Ctrl+Y at once: the redo waits for the undo still with the core, it is not refused.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(page.locator('.toast').filter({ hasText: 'Redone: Deleted “Scrutiny”.' })).toBeVisible();
  await expect(row(page, 'Scrutiny')).toHaveCount(0);

  // The Undo on the message stays (it used to go after ten seconds) until the next action.
  await page.waitForTimeout(11_000);
  const stay = page.locator('.toast').filter({ hasText: 'Deleted “Scrutiny”.' });
  await expect(stay.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Recently deleted lists it until the bin is emptied, and can restore it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Recently deleted…' }).click();
  const bin = page.getByRole('dialog', { name: 'Recently deleted' });
  await expect(bin.getByRole('list', { name: 'Deleted sections' })).toContainText('Scrutiny');
  await expect(bin).toContainText('from “Governance and culture” · 7 words');
  expect((await new AxeBuilder({ page }).include('.modal').analyze()).violations).toEqual([]);
  await bin.getByRole('button', { name: 'Restore Scrutiny' }).click();
  await expect(bin).toContainText('Nothing has been deleted.');
  await bin.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, 'Scrutiny')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scrutiny');
  await expect(editor(page)).toContainText('Scrutiny committees meet monthly');

  // Emptying the bin asks first, then it is gone for good.
  await row(page, 'Audit').focus();
  await page.keyboard.press('Delete');
  await expect(row(page, 'Audit')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Recently deleted…' }).click();
  await bin.getByRole('button', { name: 'Empty the bin…' }).click();
  await bin.getByRole('button', { name: 'Empty the bin', exact: true }).click();
  await expect(bin).toContainText('Nothing has been deleted.');
});

test('structure from the keyboard: Alt+↓ into the next chapter, Alt+←/→ out of and into a level, undone with Ctrl+Z', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Keyboardshire Council' });
  await addSubsection(page, 'Governance and culture', 'Scrutiny');
  await addSubsection(page, 'Governance and culture', 'Audit');

  // Alt+↓ at the end of a chapter moves into the next chapter, at its start.
  await row(page, 'Audit').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => childTitles(page, 'Financial planning and management')).toEqual(['Audit']);
  expect(await childTitles(page, 'Governance and culture')).toEqual(['Scrutiny']);
  await expect.poll(() => focusedRowTitle(page)).toBe('Audit');
  // And Alt+↑ at the start of a chapter back into the previous one, at its end.
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Audit']);

  // Alt+→ moves it into the section above it; Alt+← back out, just after it.
  await expect.poll(() => focusedRowTitle(page)).toBe('Audit');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => childTitles(page, 'Scrutiny')).toEqual(['Audit']);
  await expect.poll(() => focusedRowTitle(page)).toBe('Audit');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Audit']);
  // A subsection never becomes a chapter: it says why.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(binder(page).locator('xpath=..').getByRole('status')).toHaveText('“Audit” is already at the top level of its chapter.');

  // Every binder action undoes with Ctrl+Z: the move out, then the move in.
  await page.keyboard.press('Control+z');
  await expect.poll(() => childTitles(page, 'Scrutiny')).toEqual(['Audit']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Audit']);

  // "Add section below" adds a sibling, "Add subsection inside" a level down, and say so.
  await row(page, 'Scrutiny').click();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Add section below' })).toHaveAccessibleDescription('after “Scrutiny”, in “Governance and culture”');
  await expect(nav.getByRole('button', { name: 'Add subsection inside' })).toHaveAccessibleDescription('a level down, inside “Scrutiny”');
  await nav.getByRole('button', { name: 'Add section below' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a section below “Scrutiny”' });
  await dialog.getByLabel('Section title').fill('Standards');
  await dialog.getByRole('button', { name: 'Add section' }).click();
  await expect.poll(() => childTitles(page, 'Governance and culture')).toEqual(['Scrutiny', 'Standards', 'Audit']);
  // Renaming is undoable too.
  await row(page, 'Standards').focus();
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename section' });
  await rename.getByLabel('Section title').fill('Member standards');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(row(page, 'Member standards')).toBeVisible();
  await row(page, 'Member standards').focus();
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Standards')).toBeVisible();
});

test('a chapter’s count and target include its subsections, with its own text shown too', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Totalton Council' });
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('Our governance is clear.');
  await waitSaved(page);
  await addSubsection(page, 'Governance and culture', 'Scrutiny', 'Scrutiny committees meet monthly and report openly.');
  await addSubsection(page, 'Scrutiny', 'Call-in', 'Call-in is rare.');
  const governance = row(page, 'Governance and culture');
  // 4 own + 7 + 3 = 14, against the template's 4,000 target.
  await expect(governance).toHaveAttribute('aria-label', 'Governance and culture, 14 of 4,000 words, under target (own text 4)');
  await expect(governance.locator('.binder-count')).toHaveText('14');
  await expect(row(page, 'Scrutiny')).toHaveAttribute('aria-label', 'Scrutiny, 10 words (own text 7)');
  // The total follows typing in a subsection.
  await page.keyboard.type(' Always.');
  await expect(governance).toHaveAttribute('aria-label', 'Governance and culture, 15 of 4,000 words, under target (own text 4)');
  await page.screenshot({ path: test.info().outputPath('binder-totals.png') });
});

test.describe('in a browser whose locale is en-US', () => {
  test.use({ locale: 'en-US' });
  test('the visit date reads day/month/year', async ({ page, app }) => {
    await page.goto(app.url);
    const dialog = await openCreateDialog(page);
    await dialog.getByRole('spinbutton', { name: /^day/ }).click();
    await page.keyboard.type('03102026');
    const segments = await dialog.locator('.date-segment').allTextContents();
    expect(segments.join('')).toBe('03/10/2026');
    await dialog.getByLabel('Council name').fill('Dateford Council');
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await expect(page.getByRole('banner')).toContainText('Visit 3 October 2026');
  });
});
