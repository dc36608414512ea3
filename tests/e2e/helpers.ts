import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What the specs share: creating an assessment through the UI, finding their way around the main
 * screen, the accessibility check, pasting, and the setup of the evidence and recommendations specs.
 */

export const binder = (page: Page) => page.getByRole('treegrid', { name: 'Sections of the statement' });
/** A binder row, by its section's title (its accessible name goes on with the word count). */
export const row = (page: Page, title: string) => binder(page).getByRole('row', { name: new RegExp(`^${title}, `) });
/** The chapters of the Corporate Peer Challenge template, in the LGA's fixed order. */
export const CPC_CHAPTERS = [
  'Front matter',
  'Introduction',
  'Local priorities and outcomes',
  'Organisational and place leadership',
  'Governance and culture',
  'Financial planning and management',
  'Capacity for improvement',
  'Key and background documents',
];
/** The themes, as the middle five of those chapters. */
export const THEME_TITLES = CPC_CHAPTERS.slice(2, 7);

export const editor = (page: Page) => page.locator('#editor');
export const topLevel = (page: Page) => binder(page).locator('[role="row"][aria-level="1"] .binder-title').allTextContents();
export const waitSaved = (page: Page) => expect(page.locator('.save-status')).toHaveText('Saved');

/** Steps through the binder, a screen at a time, until the row is in the page (a virtualised binder holds only the rows near the screen). */
export async function scrolledToRow(page: Page, title: string) {
  const tree = binder(page);
  const target = row(page, title);
  // A busy machine renders the rows scrolled to late: a second sweep waits longer at each step.
  for (const settle of [100, 500]) {
    if ((await target.count()) > 0) break;
    await tree.evaluate((el) => el.scrollTo({ top: 0 }));
    for (let i = 0; i < 100; i++) {
      await page.waitForTimeout(settle);
      if ((await target.count()) > 0) break;
      const atEnd = await tree.evaluate((el) => {
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        el.scrollBy({ top: el.clientHeight * 0.8 });
        return end;
      });
      if (atEnd) break;
    }
  }
  // The virtualised binder takes no pointer events for a moment after a scroll.
  await page.waitForTimeout(400);
  return target;
}

/** Opens "Create a new assessment" from the start screen (or the File menu's twin button). */
export async function openCreateDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /Create a new assessment/ }).first().click();
  return page.getByRole('dialog', { name: 'Create a new assessment' });
}

export interface CreateOptions {
  council: string;
  /** The start of the template's name, as a regular expression source; the default template if absent. */
  template?: string;
  /** Where to save; the suggested path if absent. */
  path?: string;
}

/** Fills in the open create dialog, creates the assessment, and waits for the main screen. */
export async function fillCreateDialog(page: Page, options: CreateOptions) {
  const dialog = page.getByRole('dialog', { name: 'Create a new assessment' });
  await dialog.getByLabel('Council name').fill(options.council);
  if (options.template) {
    // react-aria's radio: the input is visually hidden, its label is what a mouse user clicks.
    await dialog.locator('label.radio', { hasText: new RegExp(`^${options.template}`) }).click();
    await expect(dialog.getByRole('radio', { name: new RegExp(`^${options.template}`) })).toBeChecked();
  }
  if (options.path) await dialog.getByLabel('Save as').fill(options.path);
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

/** Creates an assessment through the UI, from the start screen. */
export async function createAssessment(page: Page, options: CreateOptions) {
  await openCreateDialog(page);
  await fillCreateDialog(page, options);
}

/** Chooses an item from a binder row's "More actions" menu. */
export async function rowAction(page: Page, title: string, action: string) {
  await row(page, title).getByRole('button', { name: `More actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Chooses an item from the header's File menu. */
export async function fileMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'File menu' }).click();
  await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
}

/** Inserts one of the statement's blocks from the toolbar's Insert menu. */
export async function insertBlock(page: Page, what: 'Headline statements' | 'Question for the peers') {
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click();
  await page.getByRole('menu', { name: 'Insert' }).getByRole('menuitem', { name: new RegExp(`^${what}`) }).click();
  // The menu closes and hands focus back to the editor a moment later; keys pressed before that
  // land nowhere (seen on a loaded CI machine), so wait for the caret to be back in the text.
  await expect(page.getByRole('menu', { name: 'Insert' })).toHaveCount(0);
  await expect(editor(page)).toBeFocused();
}

/** The titles of a section's children, in the binder's order. */
export async function childTitles(page: Page, parent: string): Promise<string[]> {
  return page.evaluate((parentTitle) => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('[role="row"]'));
    const start = rows.findIndex((r) => r.querySelector('.binder-title')?.textContent === parentTitle);
    if (start < 0) return [];
    const level = Number(rows[start]!.getAttribute('aria-level'));
    const out: string[] = [];
    for (const r of rows.slice(start + 1)) {
      const l = Number(r.getAttribute('aria-level'));
      if (l <= level) break;
      if (l === level + 1) out.push(r.querySelector('.binder-title')?.textContent ?? '');
    }
    return out;
  }, parent);
}

/** WCAG 2.2 AA, as the app promises. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Fails on any serious or critical problem axe-core finds on the page (or only inside `include`,
 * a CSS selector), naming each rule and the elements it found.
 */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, `${what}: serious or critical accessibility problems`).toEqual([]);
}

/** Pastes HTML the way a browser does: a paste event carrying a DataTransfer (as Lexical's own e2e tests do). */
export async function pasteHtml(page: Page, html: string, plain: string) {
  await editor(page).evaluate(
    (el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data.html);
      transfer.setData('text/plain', data.plain);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { html, plain },
  );
}

/** Writes text files into the test's output folder and adds them through the evidence panel's file input; waits until they are in the library. */
export async function addEvidenceFiles(page: Page, files: Array<{ name: string; text: string }>) {
  const paths = files.map((f) => {
    const p = test.info().outputPath(f.name);
    writeFileSync(p, f.text);
    return p;
  });
  const panel = page.getByRole('complementary', { name: 'Evidence' });
  await panel.getByTestId('evidence-file-input').setInputFiles(paths);
  await expect(panel.getByRole('status', { name: 'What happened' })).toContainText(`Added ${files.length}`, { timeout: 60_000 });
}

/** Types `words` at the end of the editor, then cites the first passage found for `query`. */
export async function citeEvidence(page: Page, words: string, query: string) {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Cite evidence' });
  await dialog.getByRole('searchbox', { name: 'Search the evidence' }).fill(query);
  await dialog.getByRole('list', { name: 'Passages to cite' }).getByRole('button').first().click();
  await expect(dialog).toBeHidden();
}

/** The recommendations register (Alt+Shift+R). */
export const recommendationsView = (page: Page) => page.getByRole('dialog', { name: 'Recommendations' });
export const importRecommendationsDialog = (page: Page) => page.getByRole('dialog', { name: 'Import recommendations' });
/** The register's list of recommendations. */
export const recommendationsList = (page: Page) => recommendationsView(page).getByRole('listbox', { name: 'Recommendations' });

/** Opens the register and adds one recommendation through its Add dialog; the register stays open. */
export async function addRecommendation(page: Page, label: string, text: string) {
  await page.keyboard.press('Alt+Shift+R');
  await recommendationsView(page).getByRole('button', { name: 'Add recommendation' }).click();
  const add = page.getByRole('dialog', { name: 'Add recommendation' });
  await add.getByLabel('Label').fill(label);
  await add.getByLabel('Recommendation', { exact: true }).fill(text);
  await add.getByRole('button', { name: 'Add recommendation' }).click();
  await expect(add).toBeHidden();
}

/**
 * An assessment with `sections` evidence notes (and the template's own sections), built with the
 * real core in a separate process, as a council's long statement would be; its path.
 */
export function buildLargeStatement(dir: string, sections: number): string {
  const file = join(dir, `Large-${sections}.pcstudio`);
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(join(repoRoot, 'node_modules/.bin/node'), ['--import', 'tsx', 'tests/e2e/support/buildLargeStatement.ts', file, String(sections)], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  return file;
}

/** Opens an assessment by its path from the start screen, and waits for its binder. */
export async function openByPath(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: /Open an assessment/ }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(binder(page)).toBeVisible();
}
