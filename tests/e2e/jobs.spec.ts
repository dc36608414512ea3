import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { createAssessment, fileMenu, waitSaved } from './helpers';

/** The open assessment's bytes on disk: the file and its WAL (where edits wait while it is open). */
function fileBytes(filePath: string): string {
  const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
  return hash(filePath) + (existsSync(`${filePath}-wal`) ? hash(`${filePath}-wal`) : '-');
}

/**
 * The bytes once the app has stopped writing after opening: it records the section the user is
 * in just after showing it, which a busy machine can delay past the moment the test looks.
 */
async function settledFileBytes(filePath: string): Promise<string> {
  let last = fileBytes(filePath);
  for (;;) {
    await new Promise((done) => setTimeout(done, 1000));
    const now = fileBytes(filePath);
    if (now === last) return now;
    last = now;
  }
}

// Each step of a job waits this long (a test-only knob, see src/core/jobs/jobRunner.ts), so
// there is time to see the progress bar and press Cancel.
test.beforeAll(() => {
  process.env.PCS_JOB_STEP_DELAY_MS = '4000';
});
test.afterAll(() => {
  delete process.env.PCS_JOB_STEP_DELAY_MS;
});

test('Save a clean copy runs as a job: progress shown, Cancel leaves the file unchanged, then it completes', async ({ page, app }) => {
  await page.goto(app.url);
  await createAssessment(page, { council: 'Sefton Council' });
  const original = join(app.dir, readdirSync(app.dir).find((name) => name.endsWith('.pcstudio'))!);
  await waitSaved(page);
  const before = await settledFileBytes(original);

  await fileMenu(page, 'Save a clean copy…');
  const dialog = page.getByRole('dialog', { name: 'Save a clean copy' });
  await dialog.getByLabel('Name of the copy').fill('For the peers');
  await dialog.getByRole('button', { name: 'Save copy' }).click();

  const progress = dialog.getByRole('progressbar', { name: 'Saving a clean copy' });
  await expect(progress).toBeVisible();
  await expect(dialog.getByText('Leaving out deleted sections')).toBeVisible({ timeout: 10_000 });
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: 'test-results/jobs-progress.png' });

  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.getByText('Cancelled. No copy was made, and this assessment was not changed.')).toBeVisible();
  await expect(progress).toBeHidden();
  expect(fileBytes(original)).toBe(before);
  expect(readdirSync(app.dir).filter((name) => name.startsWith('For the peers'))).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Again, to the end.
  await fileMenu(page, 'Save a clean copy…');
  await dialog.getByLabel('Name of the copy').fill('For the peers');
  await dialog.getByRole('button', { name: 'Save copy' }).click();
  await expect(dialog.getByText(/Saved a clean copy as “.*For the peers\.pcstudio”/)).toBeVisible({ timeout: 20_000 });
  expect(readdirSync(app.dir).filter((name) => name.startsWith('For the peers'))).toEqual(['For the peers.pcstudio']);
  expect(fileBytes(original)).toBe(before);
});
