/**
 * Does headless Chromium here paint on a 60 Hz grid, and do `--disable-gpu-vsync
 * --disable-frame-rate-limit` take the grid away? Prints the interval between animation frames
 * (a chain of 120 requestAnimationFrame callbacks) with the typing bench's flags, and with those
 * two added. If the interval stays about 16.7 ms, "keystroke to paint" includes a wait for the
 * grid whatever the flags, and the typing bench's "handled and laid out" rows measure the work.
 *
 *   npx tsx bench/frameGrid.ts
 */
import { chromium } from '@playwright/test';

const base = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'];
const modes: Array<[string, string[]]> = [
  ['the typing bench’s flags', base],
  ['with --disable-gpu-vsync --disable-frame-rate-limit', [...base, '--disable-gpu-vsync', '--disable-frame-rate-limit']],
];
for (const [label, args] of modes) {
  const browser = await chromium.launch({ executablePath: process.env.PCS_CHROMIUM ?? '/usr/bin/chromium', args });
  const page = await browser.newPage();
  await page.setContent('<p contenteditable="true">x</p>');
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  const gaps = (await page.evaluate(`new Promise((done) => {
    const t = [];
    const f = (ts) => { t.push(ts); if (t.length < 121) requestAnimationFrame(f); else done(t.slice(1).map((v, i) => v - t[i])); };
    requestAnimationFrame(f);
  })`)) as number[];
  gaps.sort((a, b) => a - b);
  console.log(`${label}: frame interval median ${gaps[60]!.toFixed(1)} ms, shortest ${gaps[0]!.toFixed(1)} ms (Chromium ${browser.version()})`);
  await browser.close();
}
