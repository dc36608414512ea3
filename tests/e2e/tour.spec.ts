import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, fileMenu, row, scrolledToRow, waitSaved } from './helpers';

/**
 * A tour of the whole app as a council strategy officer sees it, with the real 2023 statement
 * imported: every stop is checked with axe and saved as a screenshot in test-results/tour/ (to be
 * looked at), and the main screen and each dialog are walked with Tab alone, every stop of which
 * must show a focus indicator.
 */

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
const STATEMENT = join(CORPUS, 'lga-peer-challenge-self-assessment-2023.docx');
const PLAN = join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf');
const PICTURE = join(import.meta.dirname, '../fixtures/images/satisfaction-chart.png');
const OUT = 'test-results/tour';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

// Each job step waits a moment (a test-only knob, see src/core/jobs/jobRunner.ts) so progress can be seen.
test.beforeAll(() => {
  process.env.PCS_JOB_STEP_DELAY_MS = '800';
});
test.afterAll(() => {
  delete process.env.PCS_JOB_STEP_DELAY_MS;
});

/** One stop of the tour: no serious axe problems, and a screenshot to look at. */
async function stop(page: Page, name: string) {
  const { width } = page.viewportSize()!;
  await page.screenshot({ path: join(OUT, `${width}-${name}.png`) });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `${name}: accessibility`).toEqual([]);
}

interface FocusStop {
  what: string;
  visible: boolean;
  inside: boolean;
}

/**
 * Presses Tab up to `max` times from where focus is, and records each focused element: what it is,
 * whether it shows a focus indicator (an outline, a ring drawn with box-shadow, or a changed
 * border), and whether it is inside `within` (a dialog must keep focus inside itself).
 */
async function tabThrough(page: Page, name: string, max: number, within?: Locator): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  await page.evaluate(() => document.querySelectorAll('[data-tour-seen]').forEach((el) => el.removeAttribute('data-tour-seen')));
  const handle = within ? await within.elementHandle() : null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate((container) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      const what = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} “${label}”`;
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
      const ring = s.boxShadow !== 'none';
      // A visually hidden input (react-aria's radio and checkbox) shows its focus on its label.
      const wrapper = el.closest('label');
      const outlined = (e: Element) => {
        const es = getComputedStyle(e);
        return es.outlineStyle !== 'none' && parseFloat(es.outlineWidth) >= 1;
      };
      const wrapperRing = wrapper ? outlined(wrapper) || Array.from(wrapper.querySelectorAll('*')).some(outlined) : false;
      // A bar down one edge (the editor's), drawn with a border that is transparent until focused.
      const bar = parseFloat(s.borderLeftWidth) >= 2 && s.borderLeftColor !== 'rgba(0, 0, 0, 0)' && s.borderLeftColor !== s.backgroundColor;
      const again = el.hasAttribute('data-tour-seen');
      el.setAttribute('data-tour-seen', '');
      return { what, again, visible: outline || ring || bar || wrapperRing, inside: container ? container.contains(el) : true };
    }, handle);
    if (!info) continue;
    if (info.again) break;
    stops.push({ what: info.what, visible: info.visible, inside: info.inside });
  }
  const { width } = page.viewportSize()!;
  writeFileSync(join(OUT, `${width}-tab-${name}.json`), JSON.stringify(stops, null, 2));
  expect(stops.length, `${name}: something takes focus`).toBeGreaterThan(0);
  expect(stops.filter((s) => !s.visible).map((s) => s.what), `${name}: every focus stop shows a focus ring`).toEqual([]);
  expect(stops.filter((s) => !s.inside).map((s) => s.what), `${name}: focus stays in the dialog`).toEqual([]);
  return stops;
}

for (const viewport of VIEWPORTS) {
  test(`tour at ${viewport.width}×${viewport.height}: every screen and dialog with the 2023 statement imported`, async ({ page, app }) => {
    test.setTimeout(600_000);
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize(viewport);
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: /Create a new assessment/ })).toBeVisible();
    await stop(page, '01-start');

    // Create dialog.
    await page.getByRole('button', { name: /Create a new assessment/ }).first().click();
    const create = page.getByRole('dialog', { name: 'Create a new assessment' });
    await expect(create).toBeVisible();
    await stop(page, '02-create-dialog');
    await tabThrough(page, 'create-dialog', 30, create);
    await page.keyboard.press('Escape');
    await createAssessment(page, { council: 'Sefton Council', path: join(app.dir, 'Sefton.pcstudio') });
    await stop(page, '03-main-empty');

    // Import from Word: the real 2023 statement.
    await fileMenu(page, 'Import from Word…');
    const importDialog = page.getByRole('dialog', { name: 'Import from Word' });
    await expect(importDialog).toBeVisible();
    await stop(page, '04-import-choose');
    await importDialog.getByLabel('Word document (.docx)').setInputFiles(STATEMENT);
    await expect(importDialog.getByRole('table')).toBeVisible({ timeout: 60_000 });
    await stop(page, '05-import-mapping');
    await tabThrough(page, 'import-dialog', 12, importDialog);
    await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importDialog.getByRole('status').filter({ hasText: /^Imported:/ })).toBeVisible({ timeout: 90_000 });
    await stop(page, '06-import-done');
    await importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(importDialog).toBeHidden();

    // Main screen: a theme chapter with its headline statements. (The binder has just become
    // virtualised with the imported statement: its rows are measured, so let them settle first.)
    await (await scrolledToRow(page, 'Governance and culture')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Governance and culture' })).toBeVisible();
    await stop(page, '07-main-theme');
    await tabThrough(page, 'main-screen', 60);

    // Find and replace.
    await editor(page).click();
    await page.keyboard.press('ControlOrMeta+f');
    await page.keyboard.type('scrutiny');
    const find = page.getByRole('complementary', { name: 'Find and replace' });
    await expect(find.getByRole('status')).toHaveText(/match/);
    await stop(page, '08-find');
    // The editor column is narrow with Find open: the toolbar stays one row at 1440 px, and the
    // status bar's words are not cut off mid-phrase.
    if (viewport.width >= 1440) expect((await page.getByRole('toolbar', { name: 'Formatting' }).boundingBox())!.height).toBeLessThan(50);
    const cut = await page.locator('.status-bar .words-status-text').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
    expect(cut, 'status bar text cut off').toEqual([]);
    await page.keyboard.press('Escape');

    // Evidence library: add the corporate plan, search, read, cite, details, key documents.
    await fileMenu(page, 'Evidence library');
    const panel = page.getByRole('complementary', { name: 'Evidence' });
    await expect(panel).toBeVisible();
    await stop(page, '09-evidence-panel');
    await panel.getByTestId('evidence-file-input').setInputFiles(PLAN);
    await expect(panel.getByRole('status', { name: 'What happened' })).toContainText('Added', { timeout: 90_000 });
    await stop(page, '10-evidence-added');
    // The panel has room for the library: a title is not squeezed to a word a line.
    expect((await panel.boundingBox())!.width).toBeGreaterThanOrEqual(280);
    // A key document imported from the statement is waiting for its file, not a "web link".
    const items = panel.getByRole('list', { name: 'Evidence items' });
    await expect(items.getByRole('listitem').first()).toContainText('Waiting for its file');
    await panel.getByRole('searchbox', { name: /Search the evidence and the statement/ }).fill('brownfield land grant');
    const hits = panel.getByRole('list', { name: 'Search results' });
    await expect(hits.getByRole('button', { name: /page 12/ }).first()).toBeVisible();
    await stop(page, '11-evidence-search');
    await hits.getByRole('button', { name: /page 12/ }).first().click();
    const reader = page.getByRole('dialog', { name: /page 12/ });
    await expect(reader).toBeVisible();
    await stop(page, '12-evidence-reader');
    await tabThrough(page, 'reader', 10, reader);
    await reader.getByRole('button', { name: 'Close' }).click();

    await editor(page).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('We have secured funding for new homes on brownfield sites.');
    await page.keyboard.press('Control+Shift+E');
    const cite = page.getByRole('dialog', { name: 'Cite evidence' });
    await expect(cite).toBeVisible();
    await stop(page, '13-cite-empty');
    await cite.getByRole('searchbox', { name: 'Search the evidence' }).fill('brownfield land grant');
    await expect(cite.getByRole('button', { name: /page 12/ }).first()).toBeVisible();
    await stop(page, '14-cite-results');
    await tabThrough(page, 'cite-dialog', 10, cite);
    await cite.getByRole('button', { name: /page 12/ }).first().click();
    await expect(cite).toBeHidden();
    await waitSaved(page);

    await items.getByRole('button', { name: /^Details of/ }).first().click();
    const details = page.getByRole('dialog', { name: /^Details of/ });
    await expect(details).toBeVisible();
    await stop(page, '15-evidence-details');
    await tabThrough(page, 'details-dialog', 30, details);
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();

    // The imported statement's binder is virtualised: step to the row, then click it.
    await (await scrolledToRow(page, 'Key and background documents')).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Key and background documents' })).toBeVisible();
    await stop(page, '16-key-documents');
    // The chapter opens at its title, with the toolbar and the status bar in view; the numbered list
    // comes after the chapter's own text.
    await expect(page.getByRole('heading', { level: 1, name: 'Key and background documents' })).toBeInViewport();
    await expect(page.locator('.status-bar')).toBeInViewport();
    await expect(page.getByRole('list', { name: 'Key and background documents' })).toBeVisible();

    // Recommendations: register and traceability.
    await page.keyboard.press('Alt+Shift+R');
    const recs = page.getByRole('dialog', { name: 'Recommendations' });
    await expect(recs).toBeVisible();
    await stop(page, '17-recommendations-register');
    await tabThrough(page, 'recommendations', 30, recs);
    await recs.getByRole('tab', { name: 'Traceability' }).click();
    await stop(page, '18-recommendations-traceability');
    await page.keyboard.press('Escape');
    await expect(recs).toBeHidden();

    // Export to Word: the dialog, progress, done.
    await fileMenu(page, 'Export to Word…');
    const exportDialog = page.getByRole('dialog', { name: 'Export to Word' });
    await expect(exportDialog).toBeVisible();
    await stop(page, '19-export');
    await tabThrough(page, 'export-dialog', 30, exportDialog);
    await exportDialog.getByLabel('Save as').fill(join(app.dir, 'Sefton statement.docx'));
    await exportDialog.getByRole('button', { name: 'Export to Word' }).click();
    // The import renumbers headings inside each section, so the statement has nothing to check
    // before export and goes straight to the job (export-cancel.spec.ts shows the progress, and
    // export.spec.ts the checks).
    await expect(exportDialog.getByText('Check these before you export.')).toHaveCount(0);
    await expect(exportDialog.getByText(/^Exported to/)).toBeVisible({ timeout: 120_000 });
    await stop(page, '22-export-done');
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    // Keyboard shortcuts.
    await fileMenu(page, 'Keyboard shortcuts');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await stop(page, '23-shortcuts');
    await sheet.getByRole('button', { name: 'Close' }).click();

    // A picture in the text.
    await row(page, 'Governance and culture').click();
    await editor(page).click();
    await page.keyboard.press('ControlOrMeta+Home');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click();
    await page.getByRole('menuitem', { name: 'Picture…' }).click();
    await (await chooser).setFiles(PICTURE);
    const alt = page.getByRole('dialog', { name: 'Describe this picture' });
    await expect(alt).toBeVisible();
    await stop(page, '24-picture-alt-text');
    await alt.getByLabel(/^Alt text/).fill('Bar chart: satisfaction rose from 61% to 74%');
    await alt.getByRole('button', { name: 'Add picture' }).click();
    await expect(editor(page).getByRole('img', { name: /Bar chart/ })).toBeVisible();
    await waitSaved(page);
    await stop(page, '25-picture-in-text');

    // Close (which makes a backup), open again from the recent list, Restore from backup.
    await fileMenu(page, 'Close assessment');
    await expect(page.getByRole('heading', { name: 'Write your position statement' })).toBeVisible();
    await stop(page, '26-start-with-recent');
    await page.getByRole('button', { name: /^Open Sefton Council, Sefton\.pcstudio/ }).click();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await fileMenu(page, 'Restore from backup…');
    const restore = page.getByRole('dialog', { name: 'Restore from backup' });
    await expect(restore.getByRole('radio').first()).toBeVisible();
    await stop(page, '27-restore');
    await tabThrough(page, 'restore-dialog', 10, restore);
    await page.keyboard.press('Escape');
  });
}
