import { spawn } from 'node:child_process';
import { userInfo, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createAssessment, editor, row } from './helpers';

/**
 * Issue #8 / #6 §2: an assessment another process has open opens read-only, with a banner saying
 * who has it and since when; the editor refuses typing. The holder is a real second process
 * running the core (tests/fixtures/hold-assessment-open.ts).
 */
test('a file open in another process opens read-only with a banner and refuses typing', async ({ page, app }) => {
  const file = join(app.dir, 'held.pcstudio');
  await page.goto(app.url);
  await createAssessment(page, { council: 'Heldshire Council', path: file });
  await app.kill();

  const holder = spawn(process.execPath, ['--import', 'tsx', resolve('tests/fixtures/hold-assessment-open.ts'), file, 'Holder Saved Council'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((done, fail) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && done());
      holder.once('exit', (code) => fail(new Error(`holder exited early (${code})`)));
    });
    const url = await app.restart();
    await page.goto(url);
    await page.getByRole('button', { name: /^Open Heldshire Council, held\.pcstudio/ }).click();
    const banner = page.getByTestId('read-only-banner');
    await expect(banner).toContainText(`${userInfo().username} on ${hostname()} has this assessment open (since `);
    await expect(banner).toContainText("You can read it; changes can't be saved until they close it.");

    await row(page, 'Governance and culture').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
    await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
    await editor(page).click({ force: true });
    await page.keyboard.type('Should not appear', { delay: 10 });
    await expect(editor(page)).not.toContainText('Should not appear');

    // The binder's changes are switched off too, saying why (the core would refuse them anyway).
    const binderNote = page.getByTestId('binder-read-only-note');
    await expect(binderNote).toHaveText('Open for reading only: sections can’t be added, renamed, moved or deleted here.');
    for (const name of ['Add section below', 'Add subsection inside', 'Add focus area', 'Recently deleted…']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
    }
    // Its drag handle is off (react-aria takes a disabled handle out of the accessibility tree).
    await expect(row(page, 'Governance and culture').locator('.binder-drag')).toBeDisabled();
    await row(page, 'Governance and culture').getByRole('button', { name: 'More actions for Governance and culture' }).click();
    const menu = page.getByRole('menu', { name: 'More actions for Governance and culture' });
    // Every item is off, and the menu is described by the note that says why.
    await expect(menu).toHaveAttribute('aria-describedby', 'binder-read-only-note');
    for (const item of ['Add section below', 'Add subsection inside', 'Rename…', 'Set word target…', 'Move up', 'Move in a level', 'Delete']) {
      await expect(menu.getByRole('menuitem', { name: item })).toHaveAttribute('aria-disabled', 'true');
    }
    await page.keyboard.press('Escape');
    // Shortcuts on a row say why instead of opening a dialog.
    await row(page, 'Governance and culture').focus();
    await page.keyboard.press('F2');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('.binder-status')).toHaveText('This assessment is open for reading only, so its sections can’t be changed.');

    const axe = await new AxeBuilder({ page }).include('.read-only-banner').include('.sidebar').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('read-only-banner.png') });
  } finally {
    holder.kill('SIGKILL');
  }
});
