import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createAssessment, fileMenu } from './helpers';

// Each export step waits this long (a test-only knob, see src/core/jobs/jobRunner.ts; it ends
// at once on Cancel), so the export is surely still running when the test stops it.
test.beforeAll(() => {
  process.env.PCS_JOB_STEP_DELAY_MS = '6000';
});
test.afterAll(() => {
  delete process.env.PCS_JOB_STEP_DELAY_MS;
});

test('a running export has one way to stop it, from the keyboard: Cancel has focus, then Close; Escape stops and closes', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Stopford Council' });
  const out = join(app.dir, 'Stopford statement.docx');

  await fileMenu(page, 'Export to Word…');
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByRole('button', { name: 'Export to Word' }).focus();
  await page.keyboard.press('Enter');

  await expect(dialog.getByRole('progressbar', { name: 'Exporting to Word' })).toBeVisible();
  // One clear way to stop: a single Cancel, not Cancel and "Stop and close" side by side.
  expect(await dialog.getByRole('button', { name: /cancel|stop|close/i }).allTextContents()).toEqual(['Cancel']);
  const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
  // The Export button has gone; focus is on Cancel rather than lost to the page.
  await expect(cancel).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('export-running.png') });

  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Cancelled. Nothing was written.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  expect(existsSync(out)).toBe(false);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Escape while it runs stops it as it closes the dialog: nothing is written.
  await fileMenu(page, 'Export to Word…');
  await dialog.getByLabel('Save as').fill(out);
  await dialog.getByRole('button', { name: 'Export to Word' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Exporting to Word' })).toBeVisible();
  // The clicked Export button went away; focus has moved to Cancel, inside the dialog, where Escape works.
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.waitForTimeout(7000); // past the step's wait: a job left running would have written by now
  expect(existsSync(out)).toBe(false);
});
