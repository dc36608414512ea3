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
import { countsDelta, openProfiledStatement, printProfile, type CpuProfile } from './profileSession';
import { firstWords, sectionsToVisit, switchTo } from './typing';

const copies = Number(process.env.PCS_PROFILE_COPIES ?? 1);

async function main(): Promise<void> {
  const { page, cdp, sections, openTitle, counts, close } = await openProfiledStatement(copies);
  try {
    const [visit] = sectionsToVisit(sections, copies, 5, openTitle).slice(-1);
    await switchTo(page, visit!.title, firstWords(visit!.text));
    await page.locator('#editor').click();
    await page.keyboard.press('Control+End');
    const before = await counts();
    await page.evaluate(`(() => {
      window.__slow = []; let n = 0;
      window.addEventListener('keydown', (e) => { const s = e.timeStamp; const i = n++; requestAnimationFrame(() => setTimeout(() => { const t = performance.now() - s; if (t > 25) window.__slow.push('#' + i + ': ' + Math.round(t) + ' ms'); }, 0)); }, { capture: true });
    })()`);
    await cdp.send('Profiler.start');
    const text = 'The council has strengthened its governance and the peers will see the evidence for it. '.repeat(3).slice(0, 200);
    await page.keyboard.type(text, { delay: 25 });
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const after = await counts();
    console.log('renders over 200 keystrokes:', JSON.stringify(countsDelta(before, after)));
    console.log('keystrokes over 25 ms (to paint):', JSON.stringify(await page.evaluate('window.__slow')));
    const busy = printProfile(profile, 25, 40);
    console.log(`\nJS and GC busy over the typing: ${(busy / 1000).toFixed(0)} ms (${(busy / 1000 / 200).toFixed(2)} ms a keystroke)`);
  } finally {
    await close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
