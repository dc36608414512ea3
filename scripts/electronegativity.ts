// `npm run lint:electron` (part of `npm test`): Doyensec's Electronegativity over the Electron
// shell (src/main, src/preload, and their builds in out/ when present), failing on any
// high-severity finding that `.electronegativity-allowlist.json` does not explain.
//
// Why a script and not the tool's own CLI:
// - Electronegativity always exits 0, whatever it finds; a gate has to read its findings.
// - Its CLI needs a `commander` older than the one installed (it does not declare it), so we call
//   its runner, the function the CLI calls, directly.
// - Its SARIF report (written to out/electronegativity.sarif, for code-scanning tools) carries only
//   "note"/"warning" (needs a manual review or not), not the severity; the runner's own findings,
//   which the SARIF is written from, carry the severity, so the gate reads those.
// - Offline, two of its look-ups fail (the Electron release list, for "available security fixes",
//   and its translation download): the first check is left out (it is about upgrading, not our
//   code), the second only logs, and the process ends as soon as the report is read.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** One finding, reduced to what the gate and the allowlist need. */
export interface Finding {
  check: string;
  severity: Severity;
  /** Relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  sample: string;
}

/** An explained false positive (or accepted risk): the check, where, and why it is fine here. */
export interface AllowlistEntry {
  check: string;
  file: string;
  reason: string;
}

export interface Verdict {
  /** High or critical, not explained: these fail the run. */
  failures: Finding[];
  /** Explained in the allowlist. */
  allowed: Array<{ finding: Finding; reason: string }>;
  /** Below high and not in the allowlist: shown, not failed. */
  notices: Finding[];
  /** Allowlist entries that matched nothing: a fix landed, or a file moved; tidy them away. */
  stale: AllowlistEntry[];
}

const FAILING: ReadonlySet<Severity> = new Set(['HIGH', 'CRITICAL']);

/** What fails and what is explained. Pure, so the rules are tested without running the scanner. */
export function judgeFindings(findings: Finding[], allowlist: AllowlistEntry[]): Verdict {
  const verdict: Verdict = { failures: [], allowed: [], notices: [], stale: [] };
  const used = new Set<AllowlistEntry>();
  for (const finding of findings) {
    const entry = allowlist.find((e) => e.check === finding.check && e.file === finding.file);
    if (entry) {
      used.add(entry);
      verdict.allowed.push({ finding, reason: entry.reason });
    } else if (FAILING.has(finding.severity)) {
      verdict.failures.push(finding);
    } else {
      verdict.notices.push(finding);
    }
  }
  verdict.stale = allowlist.filter((e) => !used.has(e));
  return verdict;
}

/** Reads the allowlist, refusing entries without a reason: an unexplained exception explains nothing. */
export function readAllowlist(file: string): AllowlistEntry[] {
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected { "entries": [...] }.`);
  return entries.map((raw, i) => {
    const e = raw as Partial<AllowlistEntry>;
    if (typeof e.check !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new Error(`${file}: entry ${i + 1} needs "check", "file" and a "reason".`);
    }
    return { check: e.check, file: e.file, reason: e.reason };
  });
}

/**
 * Files the scanner cannot parse, each explained (bundled third-party code whose syntax its
 * parser predates). `file` may use `*` for a bundle's content hash. Any other unreadable file
 * fails the gate: code nobody checked is not passed.
 */
export function readUnparsedAllowlist(file: string): Array<{ pattern: RegExp; reason: string }> {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { unparsed?: unknown };
  if (data.unparsed === undefined) return [];
  if (!Array.isArray(data.unparsed)) throw new Error(`${file}: "unparsed" must be a list.`);
  return data.unparsed.map((raw, i) => {
    const e = raw as { file?: unknown; reason?: unknown };
    if (typeof e.file !== 'string' || typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new Error(`${file}: unparsed entry ${i + 1} needs "file" and a "reason".`);
    }
    const source = e.file.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
    return { pattern: new RegExp(`(^|/)${source}$`), reason: e.reason };
  });
}

interface RunnerIssue {
  id: string;
  file: string;
  severity: { name: string };
  location?: { line?: number };
  sample?: string;
}
interface RunnerResult {
  issues: RunnerIssue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

export interface ScanResult {
  findings: Finding[];
  /** Files the scanner could not parse, so did not check. */
  unreadable: string[];
}

/**
 * Electronegativity downloads its message texts from GitHub on every run; offline, its client's
 * retry then throws from a timer and kills the process mid-scan. Its module that does this is
 * replaced, before the runner loads it, by one that sets up the same texts from the copies the
 * package ships, with no network.
 */
function useLocalMessagesOnly(require: NodeJS.Require): void {
  const i18nModule = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  if (require.cache[i18nModule]) return;
  const i18n = createRequire(i18nModule)('i18n') as { configure(options: Record<string, unknown>): void; setLocale(l: string): void };
  const setUp = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nModule),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nModule] = { id: i18nModule, filename: i18nModule, loaded: true, exports: setUp } as NodeJS.Module;
}

/**
 * The runner writes its SARIF report without waiting for the write to finish; wait for it (a
 * whole, parseable report with every finding), so the report is complete before the process ends.
 */
async function waitForSarif(file: string, expectedResults: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const sarif = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: Array<{ results: unknown[] }> };
      if (sarif.runs[0]?.results.length === expectedResults) return;
    } catch {
      // Not there yet, or half-written.
    }
    if (Date.now() > deadline) throw new Error(`Electronegativity did not write its report ${file}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs Electronegativity's runner over one folder; writes its SARIF report to `sarifFile`. Files show as under `shownAs`. */
export async function scanFolder(folder: string, shownAs: string, sarifFile: string): Promise<ScanResult> {
  const require = createRequire(import.meta.url);
  useLocalMessagesOnly(require);
  const run = require('@doyensec/electronegativity/dist/runner.js') as (
    options: Record<string, unknown>,
    forCli: boolean,
  ) => Promise<RunnerResult>;
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  fs.rmSync(sarifFile, { force: true });
  const result = await run(
    {
      input: folder,
      output: sarifFile,
      isSarif: true,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: false,
      isVerbose: false,
      // Scanning source folders, it cannot find package.json to learn the version; without it,
      // it assumes Electron 0.1 and judges defaults that changed long ago.
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  await waitForSarif(sarifFile, result.issues.length);
  // Findings not tied to a file (global checks) come as "N/A".
  const relative = (file: string) =>
    file === 'N/A' ? shownAs : path.posix.join(shownAs, path.relative(folder, path.resolve(folder, file)).split(path.sep).join('/'));
  return {
    findings: result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name.toUpperCase() as Severity,
      file: relative(issue.file),
      line: issue.location?.line ?? 0,
      sample: (issue.sample ?? '').trim().slice(0, 100),
    })),
    unreadable: result.errors.filter((e) => !e.tolerable).map((e) => `${relative(e.file)}: ${e.message}`),
  };
}

/**
 * What to scan, as (folder, name) pairs. Its global checks (navigation limits, permission
 * handler, CSP) look across everything in one scan, so the main process and the preload are
 * scanned together, never apart (the preload alone "has no navigation limits"): the sources as
 * `src` (the renderer parses too, and adds nothing to flag), and the builds of the main process
 * and the preload, when present, copied side by side into a temporary folder (the renderer's
 * bundle is left out: the scanner's parser cannot read its modern syntax).
 */
export function foldersToScan(root: string, tempDir: string): Array<{ folder: string; shownAs: string }> {
  const scans = [{ folder: path.join(root, 'src'), shownAs: 'src' }];
  const builds = ['main', 'preload'].filter((f) => fs.existsSync(path.join(root, 'out', f)));
  if (builds.length > 0) {
    const copy = path.join(tempDir, 'out');
    for (const f of builds) fs.cpSync(path.join(root, 'out', f), path.join(copy, f), { recursive: true });
    scans.push({ folder: copy, shownAs: 'out' });
  }
  return scans;
}

function describe(f: Finding): string {
  return `${f.severity.padEnd(8)} ${f.check}  ${f.file}:${f.line}  ${f.sample}`;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const root = path.resolve(argv[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const allowlistFile = path.join(root, '.electronegativity-allowlist.json');
  const allowlist = fs.existsSync(allowlistFile) ? readAllowlist(allowlistFile) : [];
  const unparsedAllowed = fs.existsSync(allowlistFile) ? readUnparsedAllowlist(allowlistFile) : [];
  const reportDir = path.join(root, 'out', 'electronegativity');
  fs.mkdirSync(reportDir, { recursive: true });

  const findings: Finding[] = [];
  const unreadable: string[] = [];
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-electronegativity-'));
  try {
    for (const { folder, shownAs } of foldersToScan(root, tempDir)) {
      const scan = await scanFolder(folder, shownAs, path.join(reportDir, `${shownAs}.sarif`));
      findings.push(...scan.findings);
      unreadable.push(...scan.unreadable);
    }
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }

  const verdict = judgeFindings(findings, allowlist);
  for (const { finding, reason } of verdict.allowed) console.log(`explained ${describe(finding)}\n          ${reason}`);
  for (const f of verdict.notices) console.log(`notice    ${describe(f)}`);
  for (const e of verdict.stale) console.log(`stale allowlist entry (matches nothing now; remove it): ${e.check} ${e.file}`);
  const unexplainedUnreadable: string[] = [];
  for (const u of unreadable) {
    const known = unparsedAllowed.find((entry) => entry.pattern.test(u.split(':')[0]!.trim()));
    if (known) console.log(`explained unparsed ${u}\n          ${known.reason}`);
    else unexplainedUnreadable.push(u);
  }
  for (const u of unexplainedUnreadable) console.error(`Electronegativity could not read ${u}, so did not check it.`);
  for (const f of verdict.failures) console.error(`HIGH      ${describe(f)}`);

  if (verdict.failures.length > 0 || unexplainedUnreadable.length > 0) {
    console.error(
      `\nElectronegativity: ${verdict.failures.length} high-severity finding(s) not explained. Fix them, or, for a ` +
        'false positive, add an entry with the reason to .electronegativity-allowlist.json. ' +
        'Details: https://github.com/doyensec/electronegativity/wiki/<CHECK>',
    );
    return 1;
  }
  console.log(`\nElectronegativity: no unexplained high-severity findings (${findings.length} finding(s) in all). SARIF in out/electronegativity/.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Exit as soon as the verdict is in: the scanner leaves a network retry timer behind offline.
  process.exit(await main());
}
