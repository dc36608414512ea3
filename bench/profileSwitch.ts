/**
 * Profiles section switching (issue "Instant at council scale"): opens the 2023 statement at
 * `PCS_PROFILE_COPIES` copies (1 by default) in browser mode, clicks `PCS_PROFILE_VISITS` rows,
 * times each click until the section's text shows (the typing bench's probe), and records the
 * clicks with Chrome's CPU profiler (CDP `Profiler`): prints the switch times, the binder's render
 * counts per switch, and the functions with the most self time. Not part of `npm run bench`: a
 * tool for finding what a switch costs. Needs the renderer built (`npx electron-vite build`).
 *
 *   PCS_PROFILE_COPIES=10 npx tsx bench/profileSwitch.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { statementSections } from './statementFixture';
import { buildStatement, firstWords, sectionsToVisit, startServer, switchTo } from './typing';

const copies = Number(process.env.PCS_PROFILE_COPIES ?? 1);
const visits = Number(process.env.PCS_PROFILE_VISITS ?? 8);
const seed = resolve(import.meta.dirname, '../../shared/seeds/003_914e2cca6af3a5ec.txt');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-profile-'));
  const sections = statementSections(readFileSync(seed, 'utf8'));
  const file = await buildStatement(dir, `statement-${copies}x`, sections, copies);
  const server = await startServer(join(dir, 'config'), dir);
  const browser = await chromium.launch({
    executablePath: process.env.PCS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(120_000);
    await page.goto(server.url);
    await page.getByRole('button', { name: /Open an assessment/ }).click();
    await page.getByLabel('File path').fill(file);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.locator('#editor[contenteditable="true"]').waitFor();
    const openTitle = await page.locator('.section-title').textContent();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const counts = () => page.evaluate(() => ({ ...((window as unknown as { __pcsRenderCounts?: Record<string, number> }).__pcsRenderCounts ?? {}) }));
    const times: number[] = [];
    let profiling = false;
    for (const [i, visit] of sectionsToVisit(sections, copies, visits, openTitle).entries()) {
      // The first two clicks warm up (JIT, first mounts); the rest are profiled.
      if (i === 2) {
        await cdp.send('Profiler.start');
        profiling = true;
      }
      const before = await counts();
      const took = await switchTo(page, visit.title, firstWords(visit.text));
      const after = await counts();
      const delta = Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]).filter(([, v]) => v !== 0));
      times.push(took);
      console.log(`${took.toFixed(0).padStart(5)} ms  ${visit.title.slice(0, 40).padEnd(40)} ${JSON.stringify(delta)}`);
    }
    if (!profiling) return;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byName = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
      byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
    console.log('\nself time over the profiled clicks:');
    for (const [name, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
    // Inclusive time: each sample counted once for every distinct function on its stack.
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const { functionName, url, lineNumber } = byNode.get(at)!.callFrame;
        if (!functionName || !url.includes('index-')) continue;
        seen.add(`${functionName} :${lineNumber}`);
      }
      for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    console.log('\ninclusive time (named app and library functions):');
    for (const [name, us] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
    const sorted = times.filter(Number.isFinite).sort((a, b) => a - b);
    console.log(`\nswitch median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms of ${sorted.length}`);
  } finally {
    await browser.close();
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
