import { join } from 'node:path';
import { createCore } from '../../src/core';
import { createDispatcher } from '../../src/core/dispatch';
import { expect, test } from './fixtures';
import { binder, editor, row, waitSaved } from './helpers';

/**
 * Issue "Instant at council scale": typing in one section of a 700-section statement must not
 * re-render the binder. The statement is built with the real core in the test process (as a
 * council's ten-times-over statement would be), opened by path, and typed into; the binder's
 * rows count their renders on `window.__pcsRenderCounts.binderRow`.
 */
const SECTIONS = 700;

function paragraph(text: string) {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
    },
  };
}

async function buildLargeStatement(dir: string): Promise<string> {
  const core = createCore({ configDir: join(dir, 'build-config') });
  const dispatch = createDispatcher(core.handlers);
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const e = await dispatch(method, args);
    if (!e.ok) throw new Error(`${method}: ${JSON.stringify(e.error)}`);
    return e.value as T;
  };
  const file = join(dir, 'Large.pcstudio');
  await call('assessment-create', { path: file, councilName: 'Largeton Council' });
  const chapters = (await call<Array<{ id: string; depth: number }>>('sections-list')).filter((s) => s.depth === 0);
  for (let i = 0; i < SECTIONS; i++) {
    const parent = chapters[Math.floor((i * chapters.length) / SECTIONS)]!;
    const added = await call<{ id: string }>('section-add', { parentId: parent.id, title: `Evidence note ${i + 1}` });
    await call('section-save-content', { id: added.id, content: paragraph(`Note ${i + 1} on how the council works with its partners.`) });
  }
  await call('assessment-close');
  core.close();
  return file;
}

const renderCount = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __pcsRenderCounts?: { binderRow?: number } }).__pcsRenderCounts?.binderRow ?? 0);

test('typing in a 700-section statement does not re-render the binder; a save re-renders one row', async ({ page, app }) => {
  test.setTimeout(180_000);
  const file = await buildLargeStatement(app.dir);
  await page.goto(app.url);
  await page.getByRole('button', { name: /Open an assessment/ }).click();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(binder(page)).toBeVisible();
  await row(page, 'Evidence note 1').click();
  await expect(editor(page)).toContainText('Note 1 on how');
  await waitSaved(page);
  expect(await renderCount(page)).toBeGreaterThan(0); // the probe is live

  // Type, and wait for nothing but the keystrokes' own work: no save lands before the check.
  await editor(page).click();
  await page.keyboard.press('Control+End');
  const before = await renderCount(page);
  await page.keyboard.type(' More', { delay: 20 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  expect(await renderCount(page)).toBe(before);
  await expect(page.locator('.status-bar')).toContainText('11 words in this section');

  // The save's answer updates that one row (its chapter total included), not the list.
  await waitSaved(page);
  await expect(row(page, 'Evidence note 1')).toHaveAttribute('aria-label', 'Evidence note 1, 11 words');
  const afterSave = await renderCount(page);
  expect(afterSave - before).toBeGreaterThan(0);
  expect(afterSave - before).toBeLessThanOrEqual(3);
});
