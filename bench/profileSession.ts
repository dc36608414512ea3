/**
 * What the two profiling tools (profileSwitch.ts, profileTyping.ts) share: the 2023 statement at
 * `copies` copies opened in browser mode in Chromium with Chrome's CPU profiler ready (CDP
 * `Profiler`, 100 µs samples), the renderer's render counters, and the printed summary of a
 * profile (self time, and inclusive time of the app's named functions).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { statementSections, type FixtureSection } from './statementFixture';
import { buildStatement, startServer } from './typing';

const seed = resolve(import.meta.dirname, '../../shared/seeds/003_914e2cca6af3a5ec.txt');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfiledStatement {
  page: Page;
  cdp: CDPSession;
  sections: FixtureSection[];
  /** The title of the section the statement opened on. */
  openTitle: string | null;
  /** The renderer's render counters now (`window.__pcsRenderCounts`). */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** The statement `copies` times over, opened from its path, with the profiler enabled (not started). */
export async function openProfiledStatement(copies: number): Promise<ProfiledStatement> {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-profile-'));
  const sections = statementSections(readFileSync(seed, 'utf8'));
  const file = await buildStatement(dir, `statement-${copies}x`, sections, copies);
  const server = await startServer(join(dir, 'config'), dir);
  const browser = await chromium.launch({
    executablePath: process.env.PCS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const close = async () => {
    await browser.close();
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
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
    return { page, cdp, sections, openTitle, counts, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The counters that changed between two readings. */
export function countsDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]).filter(([, v]) => v !== 0));
}

const ms = (us: number) => `${(us / 1000).toFixed(1).padStart(8)} ms`;

/**
 * Prints the `selfTop` functions with the most self time, then the `inclusiveTop` named app and
 * library functions (the built renderer's `index-*` bundle) with the most inclusive time (each
 * sample counted once for every distinct function on its stack). Returns the busy time (all
 * samples but idle and program), in microseconds.
 */
export function printProfile(profile: CpuProfile, selfTop: number, inclusiveTop: number): number {
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
  console.log('\nself time:');
  for (const [name, us] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, selfTop)) console.log(`${ms(us)}  ${name}`);
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
  for (const [name, us] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, inclusiveTop)) console.log(`${ms(us)}  ${name}`);
  return busy;
}
