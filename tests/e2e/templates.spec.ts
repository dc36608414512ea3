import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { childTitles, CPC_CHAPTERS, createAssessment, openCreateDialog, row, THEME_TITLES, topLevel } from './helpers';

/** Templates and writing guidance: the create dialog's template choice and the guidance panel. */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
type TemplateSection = { key: string; title: string; guidance?: { questions?: string[]; tips?: string[] }; children?: TemplateSection[] };
function templateSection(file: string, key: string): TemplateSection {
  const template = JSON.parse(readFileSync(join(repoRoot, 'templates', file), 'utf8')) as { sections: TemplateSection[] };
  const find = (list: TemplateSection[]): TemplateSection | undefined =>
    list.map((s) => (s.key === key ? s : find(s.children ?? []))).find(Boolean);
  const found = find(template.sections);
  if (!found) throw new Error(`No section ${key} in ${file}`);
  return found;
}

const guidance = (page: Page) => page.getByRole('complementary', { name: 'Guidance' });

async function openCreate(page: Page) {
  const dialog = await openCreateDialog(page);
  await expect(dialog.getByRole('radio').first()).toBeVisible();
  return dialog;
}

const create = (page: Page, council: string, template: string) => createAssessment(page, { council, template });

test('the create dialog offers the built-in templates, with their descriptions', async ({ page, app }) => {
  await page.goto(app.url);
  const dialog = await openCreate(page);
  const cpc = dialog.getByRole('radio', { name: /^Corporate Peer Challenge \(2024 onwards\)/ });
  const progress = dialog.getByRole('radio', { name: /^Progress review/ });
  await expect(cpc).toBeChecked();
  await expect(progress).not.toBeChecked();
  await expect(dialog.getByText(/For the progress review \(revisit\) 10 to 12 months after a challenge/)).toBeVisible();
  // Nothing wrong in an empty templates folder: no problems shown.
  await expect(dialog.locator('.template-problems')).toHaveCount(0);
});

test('create from the Corporate Peer Challenge template: the guidance follows the section in hand', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Guidance Borough Council', 'Corporate Peer Challenge \\(2024 onwards\\)');
  await expect(page.getByRole('banner')).toContainText('Corporate Peer Challenge');
  expect(await topLevel(page)).toEqual(CPC_CHAPTERS);

  const governance = templateSection('cpc-2024.json', 'theme.governance');
  const finance = templateSection('cpc-2024.json', 'theme.finance');
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  const panel = guidance(page);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Governance and culture');
  await expect(panel.locator('.guidance-questions li')).toHaveText(governance.guidance!.questions!);
  await expect(panel.locator('.guidance-tips li')).toHaveText(governance.guidance!.tips!);
  // A theme: the panel points to the statement blocks.
  await expect(panel).toContainText('headline statements');

  await row(page, 'Financial planning and management').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial planning and management');
  await expect(panel.locator('.guidance-questions li')).toHaveText(finance.guidance!.questions!);
  await expect(panel).not.toContainText(governance.guidance!.questions![0]!);

  // The guidance is never part of the statement: not in the editor, not in its word count.
  await expect(page.locator('#editor')).not.toContainText(finance.guidance!.questions![0]!);
  await expect(row(page, 'Financial planning and management')).toHaveAttribute('aria-label', /, 0 of 4,000 words, under target$/);
});

test('create from the progress review template: recommendations first, then the five themes', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Revisit District Council', 'Progress review');
  await expect(page.getByRole('banner')).toContainText('Progress review');
  expect(await topLevel(page)).toEqual([
    'Front matter',
    'Introduction',
    'Progress against the recommendations',
    ...THEME_TITLES,
    'Key and background documents',
  ]);
  expect(await childTitles(page, 'Progress against the recommendations')).toEqual([
    'Recommendation A',
    'Recommendation B',
    'Recommendation C',
    'Recommendation D',
  ]);

  const recommendation = templateSection('progress-review.json', 'recommendations.a');
  await row(page, 'Recommendation A').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recommendation A');
  await expect(guidance(page).locator('.guidance-questions li')).toHaveText(recommendation.guidance!.questions!);
  await expect(page.locator('.total-words')).toHaveText('0 / 9,000');
});

test('the guidance panel hides and shows from the keyboard, and stays as the user left it', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Keyboard Council', 'Corporate Peer Challenge \\(2024 onwards\\)');
  const toggle = page.getByRole('button', { name: 'Guidance', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(guidance(page)).toBeVisible();

  // Tab from the skip link to the toggle in the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to editor' })).toBeFocused();
  for (let i = 0; i < 6; i++) {
    if (await toggle.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(guidance(page)).toHaveCount(0);

  // Remembered after a reload.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(guidance(page)).toHaveCount(0);

  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(guidance(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-controls', 'guidance-panel');

  // The panel's own close button works from the keyboard too, and puts the caret back in the editor.
  await guidance(page).getByRole('button', { name: 'Hide guidance' }).focus();
  await page.keyboard.press('Enter');
  await expect(guidance(page)).toHaveCount(0);
  await expect(page.locator('#editor')).toBeFocused();
});

test('templates in the templates folder are offered; a broken one is mentioned quietly and blocks nothing', async ({ page, app }) => {
  // The default templates folder lives in the config folder.
  const folder = join(app.dir, 'config', 'templates');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(repoRoot, 'tests/fixtures/templates/regeneration-focus.json'), join(folder, 'regeneration-focus.json'));
  copyFileSync(join(repoRoot, 'tests/fixtures/templates/missing-title.json'), join(folder, 'missing-title.json'));

  await page.goto(app.url);
  const dialog = await openCreate(page);
  await expect(dialog.getByRole('radio', { name: /^Challenge with a regeneration focus/ })).toBeVisible();
  await expect(dialog.getByText('The five themes plus a focus area on regeneration and culture.')).toBeVisible();
  await expect(dialog.locator('.template-problems')).toContainText('1 template in your folder could not be used: missing-title.json');

  await dialog.getByLabel('Council name').fill('Regeneration Council');
  await dialog.locator('label.radio', { hasText: 'Challenge with a regeneration focus' }).click();
  await expect(dialog.getByRole('radio', { name: /^Challenge with a regeneration focus/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Regeneration and culture')).toBeVisible();
  const titles = await topLevel(page);
  expect(titles.indexOf('Regeneration and culture')).toBe(titles.indexOf('Capacity for improvement') + 1);
  await row(page, 'Regeneration and culture').click();
  await expect(guidance(page)).toContainText('Is the regeneration programme delivering for residents as well as investors?');
});
