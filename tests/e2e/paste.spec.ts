import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAssessment, pasteHtml } from './helpers';

const WEB_PAGE = `
<meta charset="utf-8"><h1 class="page-title" style="font-family:Georgia;color:#333">Financial resilience</h1>
<p style="font-size:18px;color:#555">Our <b style="color:red;font-family:Comic Sans MS">medium term plan</b> is balanced.
See the <a href="https://www.example.gov.uk/mtfs" style="color:purple">medium term financial strategy</a>.</p>
<h2 style="color:green">Reserves</h2>
<ul style="font-family:Verdana"><li>General fund reserve</li><li><span style="color:blue">Earmarked reserves</span></li></ul>
<table style="border:3px solid red;background:yellow"><tbody>
<tr><th>Year</th><th>Gap (£m)</th></tr>
<tr><td>2025/26</td><td style="color:red">4.2</td></tr>
</tbody></table>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]>Word item one<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]>Word item two<o:p></o:p></p>
`;

async function expectPastedStructure(page: Page) {
  const ed = page.locator('#editor');
  await expect(ed.locator('h2').first()).toHaveText('Financial resilience');
  await expect(ed.locator('h1')).toHaveCount(0);
  await expect(ed.locator('h2').nth(1)).toHaveText('Reserves');
  await expect(ed.locator('strong, b').first()).toHaveText('medium term plan');
  await expect(ed.locator('a[href="https://www.example.gov.uk/mtfs"]')).toHaveText('medium term financial strategy');
  await expect(ed.locator('ul').first().locator('li')).toHaveText(['General fund reserve', 'Earmarked reserves']);
  await expect(ed.locator('table')).toHaveCount(1);
  await expect(ed.locator('table tr')).toHaveCount(2);
  await expect(ed.locator('table')).toContainText('2025/26');
  await expect(ed.locator('table')).toContainText('4.2');
  // Word's fake list paragraphs become a real list, without the bullet characters.
  await expect(ed.locator('ul').nth(1).locator('li')).toHaveText(['Word item one', 'Word item two']);
  // None of the pasted look survives: no inline colours, fonts or sizes, no Word classes.
  const styled = await ed.evaluate((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('[style]'))
      .map((el) => el.getAttribute('style') ?? '')
      .filter((s) => /color|font|background|border|size/i.test(s)),
  );
  expect(styled).toEqual([]);
  await expect(ed.locator('[class*="Mso"], [class="page-title"]')).toHaveCount(0);
  await expect(ed).not.toContainText('·');
}

test('paste from a web page or Word keeps the structure and drops the styling', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Pasteford District Council', path: join(app.dir, 'paste.pcstudio') });
  await page.getByRole('row', { name: /^Financial planning and management, / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial planning and management');
  await page.locator('#editor').click();
  await pasteHtml(page, WEB_PAGE, 'Financial resilience');
  await expectPastedStructure(page);
  await expect(page.locator('.save-status')).toHaveText('Saved');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financial planning and management');
  await expectPastedStructure(page);
});

test('a picture pasted alone, a picture inside Word text, or a Word document dropped: each says what happened', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Pasteford District Council', path: join(app.dir, 'pictures.pcstudio') });
  const ed = page.locator('#editor');
  await ed.click();
  await page.keyboard.type('Before.');

  // A picture alone on the clipboard goes into the statement (tests/e2e/images.spec.ts); a damaged
  // one (four bytes of a PNG) is refused with a message, and nothing is pasted.
  await ed.evaluate((el) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.toast')).toContainText('The pasted picture');
  await expect(ed).toHaveText('Before.');

  // Word text with a picture in it: the text comes, and the picture is named as left out.
  await pasteHtml(page, '<p>Our plan works.</p><p><img src="file:///C:/clip_image002.png"></p>', 'Our plan works.');
  await expect(ed).toContainText('Our plan works.');
  await expect(page.locator('.toast', { hasText: 'Pasted the text; a picture was left out' })).toBeVisible();

  // A Word document dropped on the editor: not opened in place of the app, and not silent. It is
  // offered to the evidence library, which says this one (not a real document) could not be read.
  await ed.evaluate((el) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['PK'], 'Governance.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('complementary', { name: 'Evidence' }).getByRole('status', { name: 'What happened' })).toContainText('“Governance.docx” was not added', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
