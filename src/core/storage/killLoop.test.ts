import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKillLoop } from '../testing/killLoop';
import { makeTempDir } from '../testing/testFiles';
import { AssessmentDatabase } from './assessmentDatabase';
import { checkAssessmentFile } from './checkAssessmentFile';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('pcs-kill-loop-');
});
afterEach(() => temp.cleanup());

/** Issue #8 "the kill test made real"; `npm run bench -- --kills 300` runs it longer. */
describe('never lose a council’s work: the kill loop', () => {
  it('50 kills at random moments (mid-open, mid-create, mid-save): every file passes check and keeps every acknowledged save', async () => {
    const seed = Number(process.env.PCS_KILL_SEED ?? Date.now() % 100_000);
    const result = await runKillLoop({ dir: temp.dir, kills: 50, seed });
    console.log(`kill loop (seed ${seed}): ${JSON.stringify(result)}`);
    expect(result.kills).toBe(50);
    expect(result.acknowledged).toBeGreaterThan(0);
    // The kills did land in the phases aimed at.
    expect(Object.keys(result.byPhase).sort()).toEqual(expect.arrayContaining(['save']));

    // Leftovers (journals, -wal, .tmp files of killed creates) are put right by the next open.
    for (const lane of fs.readdirSync(temp.dir).map((n) => path.join(temp.dir, n))) {
      for (const name of fs.readdirSync(lane).filter((n) => n.endsWith('.pcstudio'))) {
        AssessmentDatabase.open(path.join(lane, name)).close();
        expect(checkAssessmentFile(path.join(lane, name))).toMatchObject({ ok: true, warnings: [] });
      }
      expect(fs.readdirSync(lane).filter((n) => !n.endsWith('.pcstudio'))).toEqual([]);
    }
  }, 300_000); // ~20 s of CPU on two cores; generous for a machine under load
});
