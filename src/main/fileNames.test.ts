import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessmentFromArgv, assessmentFromInstanceData, safeFileStem, withAssessmentExtension } from './fileNames';

describe('safeFileStem', () => {
  it('keeps an ordinary council name as it is', () => {
    expect(safeFileStem('Sefton Council')).toBe('Sefton Council');
    expect(safeFileStem('Brighton & Hove City Council')).toBe('Brighton & Hove City Council');
  });
  it('drops characters file systems refuse, and a trailing dot or space', () => {
    expect(safeFileStem('North/South: "Review"?')).toBe('North South Review');
    expect(safeFileStem('Council.  ')).toBe('Council');
    expect(safeFileStem('a\u0000b')).toBe('a b');
  });
  it('drops the extension if given, and falls back to a name when nothing is left', () => {
    expect(safeFileStem('Sefton.pcstudio')).toBe('Sefton');
    expect(safeFileStem('   ')).toBe('Position statement');
    expect(safeFileStem('???')).toBe('Position statement');
    expect(safeFileStem('CON')).toBe('Position statement');
  });
  it('keeps names to a sensible length', () => {
    expect(safeFileStem('x'.repeat(500)).length).toBeLessThanOrEqual(120);
  });
});

describe('withAssessmentExtension', () => {
  it('adds .pcstudio when missing, once', () => {
    expect(withAssessmentExtension('/home/a/Sefton')).toBe('/home/a/Sefton.pcstudio');
    expect(withAssessmentExtension('/home/a/Sefton.pcstudio')).toBe('/home/a/Sefton.pcstudio');
    expect(withAssessmentExtension('/home/a/Sefton.PCSTUDIO')).toBe('/home/a/Sefton.PCSTUDIO');
  });
});

describe('assessmentFromArgv', () => {
  const cwd = resolve(sep, 'home', 'user');
  it('finds the file in a packaged app’s command line', () => {
    expect(assessmentFromArgv(['/opt/pcs/pcs', 'Sefton.pcstudio'], cwd, false)).toBe(join(cwd, 'Sefton.pcstudio'));
    expect(assessmentFromArgv(['C:\\pcs.exe', '--flag', '/tmp/a.pcstudio'], cwd, false)).toBe('/tmp/a.pcstudio');
  });
  it('skips the script when run as `electron <script>`, and every switch', () => {
    expect(assessmentFromArgv(['electron', 'out/main/index.js'], cwd, true)).toBeNull();
    expect(
      assessmentFromArgv(['electron', 'out/main/index.js', '--inspect=0', '--x=y.pcstudio', 'b.pcstudio'], cwd, true),
    ).toBe(join(cwd, 'b.pcstudio'));
  });
  it('ignores other files', () => {
    expect(assessmentFromArgv(['/opt/pcs/pcs', 'notes.txt'], cwd, false)).toBeNull();
  });
});

describe('assessmentFromInstanceData', () => {
  it('accepts an absolute .pcstudio path only', () => {
    const file = resolve(sep, 'tmp', 'a.pcstudio');
    expect(assessmentFromInstanceData({ file })).toBe(file);
    expect(assessmentFromInstanceData({ file: 'a.pcstudio' })).toBeNull();
    expect(assessmentFromInstanceData({ file: resolve(sep, 'tmp', 'a.exe') })).toBeNull();
    expect(assessmentFromInstanceData({ file: null })).toBeNull();
    expect(assessmentFromInstanceData(null)).toBeNull();
    expect(assessmentFromInstanceData('x')).toBeNull();
  });
});
