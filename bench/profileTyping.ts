/**
 * Profiles typing (issue "Instant at council scale"): opens the 2023 statement at
 * `PCS_PROFILE_COPIES` copies (1 by default) in browser mode, opens a section, and types 200
 * characters at 40 a second under Chrome's CPU profiler (CDP `Profiler`), as the typing bench
 * does. Prints the renders counted per keystroke (`window.__pcsRenderCounts`), the garbage
 * collections seen, and the functions with the most self and inclusive time. Not part of
 * `npm run bench`: a tool for finding what a keystroke costs. Needs the renderer built.
 *
 *   PCS_PROFILE_COPIES=10 npx tsx bench/profileTyping.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { statementSections } from './statementFixture';
import { buildStatement, firstWords, sectionsToVisit, startServer, switchTo } from './typing';

const copies = Number(process.env.PCS_PROFILE_COPIES ?? 1);
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
    const [visit] = sectionsToVisit(sections, copies, 5, openTitle).slice(-1);
    await switchTo(page, visit!.title, firstWords(visit!.text));
    await page.locator('#editor').click();
    await page.keyboard.press('Control+End');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const counts = () => page.evaluate(() => ({ ...((window as unknown as { __pcsRenderCounts?: Record<string, number> }).__pcsRenderCounts ?? {}) }));
    const before = await counts();
    await page.evaluate(`(() => {
      window.__slow = []; let n = 0;
      window.addEventListener('keydown', (e) => { const s = e.timeStamp; const i = n++; requestAnimationFrame(() => setTimeout(() => { const t = performance.now() - s; if (t > 25) window.__slow.push('#' + i + ': ' + Math.round(t) + ' ms'); }, 0)); }, { capture: true });
    })()`);
    await cdp.send('Profiler.start');
    const text = 'The council has strengthened its governance and the peers will see the evidence for it. '.repeat(3).slice(0, 200);
    await page.keyboard.type(text, { delay: 25 });
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const after = await counts();
    console.log('renders over 200 keystrokes:', JSON.stringify(Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]))));
    console.log('keystrokes over 25 ms (to paint):', JSON.stringify(await page.evaluate('window.__slow')));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byName = new Map<string, number>();
    let busy = 0;
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)' || functionName === '(program)') continue;
      busy += self.get(node.id) ?? 0;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber}`;
      byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    console.log(`\nJS and GC busy over the typing: ${(busy / 1000).toFixed(0)} ms (${(busy / 1000 / 200).toFixed(2)} ms a keystroke)`);
    console.log('self time:');
    for (const [name, us] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
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
    for (const [name, us] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
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
