import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, pasteHtml } from './helpers';

// The hostile corpus's clipboard HTML (tests/fixtures/hostile/scripts-and-links.html), pasted in a
// real browser: nothing in it may run, nothing may be fetched, and the words must arrive.
const HOSTILE_HTML = readFileSync(join(import.meta.dirname, '../fixtures/hostile/scripts-and-links.html'), 'utf8');

async function openSection(page: Page, url: string, dir: string) {
  await page.goto(url);
  await createAssessment(page, { council: 'Hostile Borough Council', path: join(dir, 'hostile.pcstudio') });
  await page.getByRole('row', { name: /^Financial planning and management, / }).click();
  await page.locator('#editor').click();
}

test('pasting hostile HTML runs nothing, fetches nothing, and keeps the words', async ({ page, app }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(app.url).origin) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSection(page, app.url, app.dir);

  await pasteHtml(page, HOSTILE_HTML, 'Our approach to partnership');
  const ed = page.locator('#editor');
  await expect(ed.locator('h2')).toContainText('Our approach to partnership');
  await expect(ed.locator('li')).toHaveText(['First point', 'Second point']);
  await expect(ed.locator('a[href="https://www.local.gov.uk/our-support/peer-challenges"]')).toHaveText('safe link');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  // Give any handler (onerror, onfocus, ontoggle) its chance to fire, then hover and click about.
  await ed.locator('li').nth(1).hover();
  await ed.locator('h2').click();
  await page.waitForTimeout(500);

  expect(await page.evaluate(() => (window as unknown as { __hostileRan?: string }).__hostileRan)).toBeUndefined();
  const dangerous = await ed.evaluate((root) => ({
    links: Array.from(root.querySelectorAll('a'))
      .map((a) => a.getAttribute('href') ?? '')
      // Lexical's own link sanitiser turns script links into about:blank, which runs nothing.
      .filter((href) => !/^https?:/i.test(href) && href !== 'about:blank'),
    elements: Array.from(root.querySelectorAll('script, iframe, object, embed, form, input, style, link, svg, math, img')).map((e) => e.tagName),
    handlers: Array.from(root.querySelectorAll('*')).flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
  }));
  expect(dangerous).toEqual({ links: [], elements: [], handlers: [] });
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);

  // And the same after a reload, from what was saved.
  await page.reload();
  await expect(ed.locator('h2')).toContainText('Our approach to partnership');
  const hrefs = await ed.evaluate((root) => Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => h !== 'about:blank')).toEqual(['https://www.local.gov.uk/our-support/peer-challenges']);
  expect(await page.evaluate(() => (window as unknown as { __hostileRan?: string }).__hostileRan)).toBeUndefined();
});

test('pasting lists nested 500 deep neither crashes the page nor loses the editor', async ({ page, app }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openSection(page, app.url, app.dir);
  const deep = `${'<ul><li>level'.repeat(500)}the bottom${'</li></ul>'.repeat(500)}`;
  await pasteHtml(page, deep, 'the bottom');
  // Whatever the editor makes of it, it is still there and still takes typing.
  await page.locator('#editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' still typing');
  await expect(page.locator('#editor')).toContainText('still typing');
  expect(pageErrors).toEqual([]);
});
