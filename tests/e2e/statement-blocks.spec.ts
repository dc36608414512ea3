import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, editor, insertBlock as insert, row, waitSaved } from './helpers';

/** Headline statements and the question for the peers: the statement's own blocks. */

const headlines = (page: Page) => editor(page).locator('[data-pcs-block="headline-statements"]');
const question = (page: Page) => editor(page).locator('[data-pcs-block="question-for-peers"]');

const create = (page: Page, council: string) => createAssessment(page, { council });

test('headline statements and a question for the peers: insert, edit, keep after a reload, count and find', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Blockley Borough Council');
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await editor(page).click();

  // Headline statements: the caret lands in the first bullet; Enter makes the next one.
  await insert(page, 'Headline statements');
  await expect(headlines(page)).toHaveCount(1);
  await expect(headlines(page)).toHaveAttribute('role', 'group');
  await expect(headlines(page)).toHaveAttribute('aria-label', 'Headline statements');
  await page.keyboard.type('Our governance is robust');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Scrutiny is strong');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Members and officers trust each other');
  await expect(headlines(page).locator('li')).toHaveText([
    'Our governance is robust',
    'Scrutiny is strong',
    'Members and officers trust each other',
  ]);
  // Enter on an empty last bullet leaves the block for an ordinary paragraph.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Our constitution was refreshed in 2025.');
  await expect(headlines(page).locator('li')).toHaveCount(3);
  await expect(editor(page).locator(':scope > p').first()).toHaveText('Our constitution was refreshed in 2025.');

  // The question for the peers starts with the usual words, caret after them.
  await page.keyboard.press('Enter');
  await insert(page, 'Question for the peers');
  await expect(question(page)).toHaveCount(1);
  await expect(question(page)).toHaveText('We ask the peers to');
  await page.keyboard.type('share their learning on member development.');
  // Enter at the end goes on in a new paragraph, outside the block.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Thank you.');
  await expect(question(page)).toHaveText('We ask the peers to share their learning on member development.');
  await expect(editor(page).locator(':scope > p').last()).toHaveText('Thank you.');

  // Edit inside both blocks.
  await headlines(page).locator('li').nth(1).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and independent');
  await question(page).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(' and scrutiny.');
  await expect(headlines(page).locator('li').nth(1)).toHaveText('Scrutiny is strong and independent');
  await expect(question(page)).toHaveText('We ask the peers to share their learning on member development and scrutiny.');

  // Words in both blocks count: 4 + 5 + 6 (bullets) + 6 + 13 (question) + 2 = 36.
  await expect(page.locator('.status-bar')).toContainText('36 / 4,000 words in this section');
  await waitSaved(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect(headlines(page)).toHaveClass(/doc-headlines/);
  await expect(headlines(page).locator('li')).toHaveText([
    'Our governance is robust',
    'Scrutiny is strong and independent',
    'Members and officers trust each other',
  ]);
  await expect(question(page)).toHaveClass(/doc-question/);
  await expect(question(page)).toHaveText('We ask the peers to share their learning on member development and scrutiny.');
  // The count the core stored agrees.
  await expect(row(page, 'Governance and culture')).toHaveAttribute('aria-label', 'Governance and culture, 36 of 4,000 words, under target');
  await expect(page.locator('.status-bar')).toContainText('36 / 4,000 words in this section');

  // Find looks inside both blocks.
  await row(page, 'Local priorities and outcomes').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Local priorities and outcomes');
  await page.keyboard.press('ControlOrMeta+f');
  const panel = page.getByRole('complementary', { name: 'Find and replace' });
  await panel.getByLabel('Find', { exact: true }).fill('independent');
  await expect(panel.getByRole('status')).toHaveText('1 match in 1 section');
  await panel.getByLabel('Find', { exact: true }).fill('member development');
  await expect(panel.getByRole('status')).toHaveText('1 match in 1 section');
  const result = panel.getByRole('list', { name: 'Matches by section' }).getByRole('button');
  await expect(result).toContainText('Governance and culture');
  await result.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('member development');
});

test('copy and paste between sections keeps both blocks', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Copyton Council');
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await insert(page, 'Headline statements');
  await page.keyboard.type('Decisions are open');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Audit is independent');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await insert(page, 'Question for the peers');
  await page.keyboard.type('test our scrutiny.');
  await waitSaved(page);

  // Select everything and copy, the way the browser does (a copy event with a DataTransfer).
  await editor(page).focus();
  await page.keyboard.press('ControlOrMeta+a');
  const copied = await editor(page).evaluate((el) => {
    const transfer = new DataTransfer();
    el.dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
    return { html: transfer.getData('text/html'), lexical: transfer.getData('application/x-lexical-editor'), plain: transfer.getData('text/plain') };
  });
  // The HTML on the clipboard marks both blocks, for pasting anywhere that reads HTML.
  expect(copied.html).toContain('data-pcs-block="headline-statements"');
  expect(copied.html).toContain('data-pcs-block="question-for-peers"');

  const paste = async (data: Record<string, string>) => {
    await editor(page).evaluate((el, d) => {
      const transfer = new DataTransfer();
      for (const [type, value] of Object.entries(d)) if (value) transfer.setData(type, value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, data);
  };

  // Into another section, as Lexical's own data.
  await row(page, 'Capacity for improvement').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capacity for improvement');
  await editor(page).click();
  await paste({ 'text/html': copied.html, 'application/x-lexical-editor': copied.lexical, 'text/plain': copied.plain });
  await expect(headlines(page).locator('li')).toHaveText(['Decisions are open', 'Audit is independent']);
  await expect(question(page)).toHaveText('We ask the peers to test our scrutiny.');

  // And from HTML alone (another program that kept our markup).
  await row(page, 'Financial planning and management').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial planning and management');
  await editor(page).click();
  await paste({ 'text/html': copied.html, 'text/plain': copied.plain });
  await expect(headlines(page).locator('li')).toHaveText(['Decisions are open', 'Audit is independent']);
  await expect(question(page)).toHaveText('We ask the peers to test our scrutiny.');
  await waitSaved(page);
});

test('Backspace at the start of a question turns it back into ordinary text', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Undoley Council');
  await row(page, 'Capacity for improvement').click();
  await editor(page).click();
  await insert(page, 'Question for the peers');
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(question(page)).toHaveCount(0);
  await expect(editor(page).locator('p').first()).toHaveText('We ask the peers to');
});

test('Backspace at the start of the paragraph after headline statements joins it to the last bullet', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Joinbury Council');
  await row(page, 'Governance and culture').click();
  await editor(page).click();
  await page.keyboard.type('Decisions are open.');
  // With the caret at the start of a paragraph, the block goes before it.
  await page.keyboard.press('Home');
  await insert(page, 'Headline statements');
  await page.keyboard.type('Our governance is robust');
  await expect(editor(page).locator(':scope > *').first()).toHaveAttribute('data-pcs-block', 'headline-statements');
  await editor(page).locator(':scope > p').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(headlines(page).locator('li')).toHaveText(['Our governance is robustDecisions are open.']);
  await page.keyboard.type(' ');
  await expect(headlines(page).locator('li')).toHaveText(['Our governance is robust Decisions are open.']);
});

/** The section's top-level blocks, as tag names with their `data-pcs-block` where they have one. */
const blocks = (page: Page) =>
  editor(page)
    .locator(':scope > *')
    .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.pcsBlock ?? el.tagName.toLowerCase()));

/** A section that starts with headline statements (two bullets), then a paragraph. */
async function startWithHeadlines(page: Page) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('Decisions are open.');
  await page.keyboard.press('Home');
  await insert(page, 'Headline statements');
  await page.keyboard.type('Our governance is robust');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Scrutiny is strong');
  await expect.poll(() => blocks(page)).toEqual(['headline-statements', 'p']);
}

test('select all, then typing or deleting, replaces headline statements at the start like anything else', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Wipeham Council');
  await row(page, 'Governance and culture').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');

  // Select all and type: the section holds just what was typed, in an ordinary paragraph.
  await startWithHeadlines(page);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('A fresh start.');
  await expect(headlines(page)).toHaveCount(0);
  await expect.poll(() => blocks(page)).toEqual(['p']);
  await expect(editor(page)).toHaveText('A fresh start.');

  // Select all and Delete, or Backspace: one empty paragraph, where typing starts afresh.
  for (const key of ['Delete', 'Backspace']) {
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await startWithHeadlines(page);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press(key);
    await expect(headlines(page)).toHaveCount(0);
    await expect.poll(() => blocks(page)).toEqual(['p']);
    await expect(editor(page)).toHaveText('');
    await page.keyboard.type(`Cleared with ${key}.`);
    await expect.poll(() => blocks(page)).toEqual(['p']);
    await expect(editor(page)).toHaveText(`Cleared with ${key}.`);
  }

  // Select all and paste: the same.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await startWithHeadlines(page);
  await page.keyboard.press('ControlOrMeta+a');
  await editor(page).evaluate((el) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'Pasted over everything.');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(headlines(page)).toHaveCount(0);
  await expect.poll(() => blocks(page)).toEqual(['p']);
  await expect(editor(page)).toHaveText('Pasted over everything.');

  // What is saved agrees.
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Governance and culture');
  await expect.poll(() => blocks(page)).toEqual(['p']);
  await expect(editor(page)).toHaveText('Pasted over everything.');
});

test('in a question for the peers headings, quote and lists are unavailable, Normal text makes it a paragraph; in headline statements the block stays', async ({ page, app }) => {
  await page.goto(app.url);
  await create(page, 'Stylesby Council');
  await row(page, 'Capacity for improvement').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Capacity for improvement');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });
  const blockTools = ['Heading 2', 'Heading 3', 'Bulleted list', 'Numbered list', 'Quote'];

  await editor(page).click();
  await insert(page, 'Question for the peers');
  await page.keyboard.type('test our scrutiny.');
  for (const name of blockTools) await expect(tool(name)).toHaveAttribute('aria-disabled', 'true');
  await expect(tool('Normal text')).not.toHaveAttribute('aria-disabled');
  await expect(tool('Normal text')).toHaveAttribute('aria-pressed', 'false');
  // Inline formatting still works there.
  await expect(tool('Bold')).not.toHaveAttribute('aria-disabled');

  // A click on a disabled tool does nothing.
  for (const name of blockTools) await tool(name).click({ force: true });
  await expect(question(page)).toHaveText('We ask the peers to test our scrutiny.');
  await expect(editor(page).locator('h2, h3, ul, ol, blockquote')).toHaveCount(0);

  // The disabled tools stay in the toolbar's arrow-key order (and do nothing on Enter).
  await tool('Normal text').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tool('Heading 2')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await expect(tool('Heading 3')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question(page)).toHaveText('We ask the peers to test our scrutiny.');
  await expect(editor(page).locator('h2, h3')).toHaveCount(0);

  // Normal text: back to an ordinary paragraph with the same words, caret where it was.
  await tool('Normal text').click();
  await expect(question(page)).toHaveCount(0);
  await expect(editor(page).locator(':scope > p').first()).toHaveText('We ask the peers to test our scrutiny.');
  await expect(tool('Normal text')).toHaveAttribute('aria-pressed', 'true');
  for (const name of blockTools) await expect(tool(name)).not.toHaveAttribute('aria-disabled');
  await page.keyboard.type(' Thank you.');
  await expect(editor(page).locator(':scope > p').first()).toHaveText('We ask the peers to test our scrutiny. Thank you.');

  // Headline statements: the block's bullets are what it is, so block styles and lists are unavailable.
  await page.keyboard.press('ControlOrMeta+End');
  await insert(page, 'Headline statements');
  await page.keyboard.type('Our governance is robust');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Scrutiny is strong');
  for (const name of ['Normal text', ...blockTools]) await expect(tool(name)).toHaveAttribute('aria-disabled', 'true');
  await expect(tool('Bulleted list')).toHaveAttribute('aria-pressed', 'true');
  for (const name of ['Normal text', ...blockTools]) await tool(name).click({ force: true });
  await expect(headlines(page)).toHaveCount(1);
  await expect(headlines(page).locator('ul > li')).toHaveText(['Our governance is robust', 'Scrutiny is strong']);
  await expect(editor(page).locator('h2, h3, ol, blockquote')).toHaveCount(0);
  await page.keyboard.type(' and open');
  await expect(headlines(page).locator('li').last()).toHaveText('Scrutiny is strong and open');
  await waitSaved(page);
});
