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
import { countsDelta, openProfiledStatement, printProfile, type CpuProfile } from './profileSession';
import { firstWords, sectionsToVisit, switchTo } from './typing';

const copies = Number(process.env.PCS_PROFILE_COPIES ?? 1);
const visits = Number(process.env.PCS_PROFILE_VISITS ?? 8);

async function main(): Promise<void> {
  const { page, cdp, sections, openTitle, counts, close } = await openProfiledStatement(copies);
  try {
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
      const delta = countsDelta(before, await counts());
      times.push(took);
      console.log(`${took.toFixed(0).padStart(5)} ms  ${visit.title.slice(0, 40).padEnd(40)} ${JSON.stringify(delta)}`);
    }
    if (!profiling) return;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    console.log('\nover the profiled clicks:');
    printProfile(profile, 30, 45);
    const sorted = times.filter(Number.isFinite).sort((a, b) => a - b);
    console.log(`\nswitch median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms of ${sorted.length}`);
  } finally {
    await close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
