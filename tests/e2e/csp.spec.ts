import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, insertBlock, pasteHtml, rowAction } from './helpers';

// The Content Security Policy allows no inline styles (no 'unsafe-inline' in style-src): React's
// style props and Lexical's formats are set through the CSSOM, which a policy does not govern,
// and the one <style> element react-aria adds is allowed by its hash (src/shared/csp.ts).
// This walks through what the app does and fails on any CSP violation the browser reports.

/** Records every violation the page reports, from the first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}: ${e.sample}`);
    });
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

test('no Content Security Policy violations while creating, writing, pasting and finding', async ({ page, app }) => {
  const violations = await recordViolations(page);
  await page.goto(app.url);
  await createAssessment(page, { council: 'Policyford Borough Council', path: join(app.dir, 'csp.pcstudio') });

  // Writing with formats (Lexical sets these through the CSSOM or classes).
  await page.getByRole('row', { name: /^Financial planning and management, / }).click();
  // The section's own editor, not the one it replaces: a click before the switch lands on the old one.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial planning and management');
  const ed = page.locator('#editor');
  await ed.click();
  await page.keyboard.type('Plain, then ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('bold');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Control+u');
  await page.keyboard.type(' underlined');
  await page.keyboard.press('Control+u');
  await expect(ed).toContainText('Plain, then bold underlined');
  await page.keyboard.press('Enter');
  await insertBlock(page, 'Question for the peers');
  await page.keyboard.type('What would you do?');

  // A paste full of inline styles: the cleaner keeps underline and sub/superscript as style
  // attributes on its own detached copy, and the result must still carry those formats.
  await page.keyboard.press('Enter');
  await pasteHtml(
    page,
    '<p style="color:red">Kept <span style="text-decoration:underline">underlined</span> and H<span style="vertical-align:sub">2</span>O</p>',
    'Kept underlined and H2O',
  );
  await expect(ed.locator('u, .editor-text-underline, [class*="underline"]').filter({ hasText: 'underlined' }).first()).toBeVisible();
  await expect(ed.locator('sub').filter({ hasText: '2' })).toHaveCount(1);
  await expect(page.locator('.save-status')).toHaveText('Saved');

  // Find and replace, a menu, a dialog (react-aria overlays, press handling, focus rings).
  await page.keyboard.press('ControlOrMeta+f');
  const panel = page.getByRole('complementary', { name: 'Find and replace' });
  await panel.getByLabel('Find', { exact: true }).fill('bold');
  await expect(panel.getByRole('status')).toContainText('1 match');
  await rowAction(page, 'Financial planning and management', 'Add subsection');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Section title').fill('Reserves');
  await dialog.getByRole('button', { name: 'Add subsection' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reserves');
  await page.getByRole('button', { name: 'File menu' }).click();
  await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
  await page.keyboard.press('Escape');

  // zod probes once whether it may compile validators (`new Function('')` in a try/catch); the
  // policy refuses, as it should, and zod validates without compiling. Only that is expected.
  const unexpected = (await violations()).filter((v) => !/^script-src blocked eval\b/.test(v) && !/'unsafe-eval'/.test(v));
  expect(unexpected).toEqual([]);
});
