import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lexicalDocument, type SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { readAssessmentCopy } from '../assessment/readAssessmentCopy';
import { checkAssessmentFile } from '../storage/checkAssessmentFile';
import { paragraph } from './testFiles';

/**
 * The kill test (issue #8): a child process works on an assessment through the real core and
 * is killed (SIGKILL) at a random moment: mid-open, mid-create or mid-save. After every kill the
 * file must pass `pcs check` and hold at least everything the child had acknowledged.
 * Used by src/core/storage/killLoop.test.ts (a CI-sized run) and `npm run bench -- --kills N`.
 *
 * Random but reproducible: moments come from a seeded generator, and a failure names its seed
 * and kill. Every moment must pass, so there is nothing to retry.
 */
export const KILL_LOOP_SECTION = 'theme.governance';
const PARAGRAPHS = 60;

/** Revision n's text: large enough that a save spans many pages, so kills land inside writes. */
export function killLoopDocument(n: number): SerializedEditorStateJSON {
  return lexicalDocument([
    paragraph(`Revision ${n}`),
    ...Array.from({ length: PARAGRAPHS }, (_, p) => paragraph(`Paragraph ${p} of revision ${n}. ${'Evidence of impact. '.repeat(12)}`)),
  ]);
}

/** A small seeded generator (mulberry32), so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KillLoopOptions {
  dir: string;
  kills: number;
  seed: number;
  /** Every n-th kill creates a new assessment instead of saving into the main one. */
  createEvery?: number;
  log?: (line: string) => void;
}

export interface KillLoopResult {
  kills: number;
  byPhase: Record<string, number>;
  /** Saves acknowledged over the whole run; none was lost. */
  acknowledged: number;
  /** Kills that left a leftover the next open had to put right (journal, -wal, .tmp). */
  leftovers: number;
}

const CHILD = path.resolve(import.meta.dirname, '../../../tests/fixtures/kill-loop-child.ts');

interface ChildRun {
  lines: string[];
  phase: string;
}

/** Starts the child, kills it `delayMs` after it announces `aimAt`, and returns what it said. */
function runAndKill(args: string[], aimAt: string, delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let phase = 'starting';
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    // A child that never reaches its phase is killed anyway, so the loop cannot hang.
    const guard = setTimeout(kill, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        if (line.startsWith('phase ')) phase = line.slice(6);
        if (line === `phase ${aimAt}` && !timer) timer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`kill-loop child ended by itself (${code}): ${stderr}`));
      else resolve({ lines, phase });
    });
  });
}

function acknowledgedRevisions(lines: string[]): number[] {
  return lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
}

/** `pcs check` must pass; the one warning allowed is explained where it is accepted. */
function expectCheckPasses(filePath: string, context: string): void {
  const report = checkAssessmentFile(filePath);
  // A kill in the instant between the header switching to WAL and the -wal being created
  // leaves exactly what a copy taken without its -wal looks like; check cannot tell them
  // apart, so it warns. Nothing was in a -wal yet, and the content check below proves it.
  const unexplained = report.warnings.filter((w) => !/taken while the assessment was open/.test(w));
  if (!report.ok || unexplained.length > 0) {
    throw new Error(`${context}: pcs check failed: ${JSON.stringify(report)}`);
  }
}

/** The revision the file holds, read the way `pcs info` reads (a private copy). */
function savedRevision(filePath: string, context: string): number {
  return readAssessmentCopy(filePath, (open) => {
    const section = open.sections.list().find((s) => s.templateKey === KILL_LOOP_SECTION)!;
    const content = open.sections.get(section.id).content;
    const first = content.root.children[0] as { children?: Array<{ text?: string }> };
    const match = /^Revision (\d+)$/.exec(first.children?.[0]?.text ?? '');
    if (!match) {
      if (content.root.children.length <= 1) return -1; // never saved into: the template's empty text
      throw new Error(`${context}: the section holds text no save wrote`);
    }
    const n = Number(match[1]);
    if (JSON.stringify(content) !== JSON.stringify(killLoopDocument(n))) {
      throw new Error(`${context}: revision ${n} is not whole`);
    }
    return n;
  });
}

function leftoversBeside(dir: string): boolean {
  return fs.readdirSync(dir).some((n) => /-(wal|journal)$|\.tmp-/.test(n));
}

/**
 * Runs `kills` kills in `lanes` independent folders at once (default 2: most of a kill's time is
 * the child starting, so two lanes halve the wall-clock time on two cores).
 */
export async function runKillLoop(options: KillLoopOptions & { lanes?: number }): Promise<KillLoopResult> {
  const lanes = Math.max(1, options.lanes ?? 2);
  const results = await Promise.all(
    Array.from({ length: lanes }, (_, lane) => {
      const dir = path.join(options.dir, `lane-${lane + 1}`);
      fs.mkdirSync(dir, { recursive: true });
      const kills = Math.floor(options.kills / lanes) + (lane < options.kills % lanes ? 1 : 0);
      return runLane({ ...options, dir, kills, seed: options.seed + lane });
    }),
  );
  const total: KillLoopResult = { kills: 0, byPhase: {}, acknowledged: 0, leftovers: 0 };
  for (const r of results) {
    total.kills += r.kills;
    total.acknowledged += r.acknowledged;
    total.leftovers += r.leftovers;
    for (const [phase, n] of Object.entries(r.byPhase)) total.byPhase[phase] = (total.byPhase[phase] ?? 0) + n;
  }
  return total;
}

async function runLane(options: KillLoopOptions): Promise<KillLoopResult> {
  const { dir, kills, seed } = options;
  const createEvery = options.createEvery ?? 4;
  const next = random(seed);
  const main = path.join(dir, 'statement.pcstudio');
  const result: KillLoopResult = { kills: 0, byPhase: {}, acknowledged: 0, leftovers: 0 };
  let saved = -1; // the revision the main file is known to hold

  for (let kill = 1; kill <= kills; kill++) {
    const context = `${path.basename(dir)}, kill ${kill} of ${kills} (seed ${seed})`;
    const creating = !fs.existsSync(main) || kill % createEvery === 0;
    const target = !fs.existsSync(main) ? main : creating ? path.join(dir, `new-${kill}.pcstudio`) : main;
    const first = target === main ? saved + 1 : 0;
    // Aim at a phase, then a random moment within it: open and create take tens of
    // milliseconds, a save a few; a third of kills land among the saves.
    const roll = next();
    const aimAt = roll < 0.34 ? (creating ? 'create' : 'open') : roll < 0.67 ? 'save' : creating ? 'create' : 'open';
    const delay = Math.floor(next() * (aimAt === 'save' ? 60 : 45));
    const run = await runAndKill([creating ? 'create' : 'save', target, String(first)], aimAt, delay);
    result.kills++;
    result.byPhase[run.phase] = (result.byPhase[run.phase] ?? 0) + 1;
    const acked = acknowledgedRevisions(run.lines);
    result.acknowledged += acked.length;
    if (leftoversBeside(dir)) result.leftovers++;

    if (!fs.existsSync(target)) {
      if (run.lines.includes('created')) throw new Error(`${context}: the created file is gone`);
      options.log?.(`${context}: killed in ${run.phase} before the new file was in place`);
      continue;
    }
    expectCheckPasses(target, context);
    const holds = savedRevision(target, context);
    const lastAck = acked.at(-1) ?? first - 1;
    // Everything acknowledged is there; at most the one save in flight at the kill is more.
    if (holds < lastAck || holds > lastAck + 1) {
      throw new Error(`${context}: acknowledged up to revision ${lastAck}, the file holds ${holds}`);
    }
    if (target === main) {
      if (holds < saved) throw new Error(`${context}: the file went back from ${saved} to ${holds}`);
      saved = holds;
    }
    options.log?.(`${context}: killed in ${run.phase}, ${acked.length} saves acknowledged, file holds ${holds}`);
  }
  return result;
}
