import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { makeTempDir } from '../testing/testFiles';
import { CHECK_EXIT } from './commands/checkCommand';
import { pcsInProcess as pcs } from '../testing/pcsInProcess';

const STATEMENT_2023_DOCX = path.resolve(process.cwd(), '../shared/corpus/lga-peer-challenge-self-assessment-2023.docx');

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(async () => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'sefton.pcstudio');
  expect((await pcs('new', file, '--council', 'Sefton Council', '--kind', 'full')).status).toBe(0);
});
afterEach(() => temp.cleanup());

/** What an import could have changed: the register and the file's last-changed time. (Opening rewrites the header, so not the bytes.) */
function savedState(filePath: string) {
  const db = new Database(filePath, { readonly: true });
  try {
    return {
      recommendations: db.prepare('SELECT * FROM recommendations').all(),
      updatedAt: (db.prepare('SELECT updated_at FROM assessment').get() as { updated_at: string }).updated_at,
    };
  } finally {
    db.close();
  }
}

describe('pcs recommendations import', () => {
  it('without --yes prints what it recognised in the 2023 statement and saves nothing', async () => {
    const before = savedState(file);
    const result = await pcs('recommendations', 'import', file, STATEMENT_2023_DOCX, '--source', '2022 revisit');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Recognised 6 recommendations under “Peer Team Recommendations from the 2022 Revisit”:');
    expect(result.stdout).toContain('  E. Continue to build on the significant progress seen in regards to economic growth');
    expect(result.stdout).toContain('Nothing was saved.');
    expect(savedState(file)).toEqual(before);
    expect(JSON.parse((await pcs('recommendations', 'list', file, '--json')).stdout)).toEqual([]);
  });

  it('with --yes adds them; list --json shows them; a second import leaves them as they are', async () => {
    expect((await pcs('recommendations', 'import', file, STATEMENT_2023_DOCX, '--source', '2022 revisit', '--yes')).stdout).toContain(
      'Added 6 recommendations from “2022 revisit”.',
    );
    const list = JSON.parse((await pcs('recommendations', 'list', file, '--json')).stdout) as Array<Record<string, unknown>>;
    expect(list.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(list[0]).toMatchObject({ source: '2022 revisit', status: 'not-started', sections: [], evidence: [] });
    const again = await pcs('recommendations', 'import', file, STATEMENT_2023_DOCX, '--source', '2022 revisit', '--yes');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('is already in the register');
    expect(again.stderr).toContain('Nothing was saved.');
  });

  it('refuses a report without recommendations, and a list with duplicated labels, saving nothing', async () => {
    const before = savedState(file);
    const plan = path.resolve(process.cwd(), '../shared/corpus/sefton-corporate-plan-2023-2026.docx');
    const none = await pcs('recommendations', 'import', file, plan, '--source', 'x', '--yes');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('No recommendations were recognised in this document');
    const list = path.join(temp.dir, 'list.txt');
    fs.writeFileSync(list, 'A. One\nB. Two\nA. Three\n');
    const dupes = await pcs('recommendations', 'import', file, list, '--source', 'x', '--yes');
    expect(dupes.status).toBe(1);
    expect(dupes.stderr).toContain('The label A is used more than once.');
    expect(savedState(file)).toEqual(before);
  });

  it('needs --source, and says so', async () => {
    const result = await pcs('recommendations', 'import', file, STATEMENT_2023_DOCX);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--source');
  });

  it('reads a pasted list from standard input (its own process)', () => {
    const result = spawnSync('npx', ['tsx', 'src/core/cli/main.ts', 'recommendations', 'import', file, '-', '--source', 'stdin', '--yes'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      input: '• Refresh the vision\n  for the borough.\n• Review the MTFP.\n',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  1. Refresh the vision for the borough.');
    expect(result.stdout).toContain('Added 2 recommendations from “stdin”.');
  }, 30_000);
});

describe('pcs check with the register', () => {
  it('prints the coverage and every gap, exits 3 while there are gaps and 0 once there are none', async () => {
    expect((await pcs('check', file)).status).toBe(0);
    await pcs('recommendations', 'import', file, STATEMENT_2023_DOCX, '--source', '2022 revisit', '--yes');

    const gaps = await pcs('check', file);
    expect(gaps.status).toBe(CHECK_EXIT.gaps);
    expect(gaps.stdout).toContain('This assessment file is sound.');
    expect(gaps.stdout).toContain('Earlier recommendations: 6; 0 of 6 addressed in a section, 0 of 6 with evidence.');
    expect(gaps.stdout).toContain('  ✗ A (2022 revisit): Not addressed in any section.');

    const json = JSON.parse((await pcs('check', file, '--json')).stdout) as {
      ok: boolean;
      recommendations: { summary: { total: number; gaps: Record<string, number> }; gaps: Array<{ label: string; gaps: string[] }> };
    };
    expect(json.ok).toBe(true);
    expect(json.recommendations.summary).toMatchObject({ total: 6, gaps: { 'not-addressed': 6 } });
    expect(json.recommendations.gaps[0]).toMatchObject({ label: 'A', gaps: ['not-addressed'] });

    // Answer every recommendation (a section and evidence cited in it) through the core, then check again.
    const core = createCore({ configDir: path.join(temp.dir, 'config') });
    try {
      await core.handlers['assessment-open']({ path: file });
      const plan = await core.handlers['evidence-add-link']({ title: 'Corporate plan', url: 'https://www.sefton.gov.uk/corporate-plan' });
      const intro = (await core.handlers['sections-list']({})).find((s) => s.templateKey === 'introduction')!;
      const citation = { type: 'citation', version: 1, itemId: plan.id };
      await core.handlers['section-save-content']({
        id: intro.id,
        content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [citation] }] } },
      });
      for (const r of await core.handlers['recommendations-list']({})) {
        await core.handlers['recommendation-link']({ id: r.id, sectionId: intro.id });
        await core.handlers['recommendation-link']({ id: r.id, evidenceItemId: plan.id });
      }
    } finally {
      core.close();
    }
    const clean = await pcs('check', file);
    expect(clean.stdout).toContain('  ✓ No gaps.');
    expect(clean.status).toBe(0);
  });

  it('keeps exit code 1 for a damaged file, distinct from gaps', async () => {
    await pcs('recommendations', 'import', file, STATEMENT_2023_DOCX, '--source', '2022 revisit', '--yes');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 100, 4096 * 3);
    fs.writeFileSync(file, bytes);
    const result = await pcs('check', file, '--json');
    expect(result.status).toBe(CHECK_EXIT.damaged);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, recommendations: null });
  });
});
