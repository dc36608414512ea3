import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../shared/constants';
import { TemplateSchema, type TemplateSection } from '../../shared/schemas/template';
import { BUILT_IN_TEMPLATE_FILES, builtInTemplate, builtInTemplates } from './builtInTemplates';
import { parseTemplateData, parseTemplateJson, TemplateProblem } from './templateValidation';

const TEMPLATES_DIR = path.resolve('templates');
const FIXTURES_DIR = path.resolve('tests/fixtures/templates');

function allKeys(sections: TemplateSection[]): string[] {
  return sections.flatMap((s) => [s.key, ...allKeys(s.children ?? [])]);
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateProblem);
    return (error as Error).message;
  }
  throw new Error('expected a template problem');
}

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');

describe('built-in templates', () => {
  const files = fs.readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json'));

  it('ships every templates/*.json file, and nothing else', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(BUILT_IN_TEMPLATE_FILES).sort()).toEqual([...files].sort());
  });

  for (const file of files) {
    it(`${file} validates, with unique keys, its id matching its file name and the five themes in order`, () => {
      const text = fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf8');
      const template = parseTemplateJson(file, text);
      expect(template.id).toBe(path.basename(file, '.json'));
      // Nothing in the file is silently dropped by the schema.
      expect(template).toEqual(JSON.parse(text));
      const keys = allKeys(template.sections);
      expect(new Set(keys).size).toBe(keys.length);
      const themes = template.sections.filter((s) => s.kind === 'theme');
      expect(themes.map((s) => s.title)).toEqual(THEMES.map((t) => t.title));
      expect(themes.map((s) => s.key)).toEqual(THEMES.map((t) => `theme.${t.key}`));
      expect(template.sections.at(-1)).toMatchObject({ kind: 'documents', fixed: true });
      expect(template.wordTarget).toBeGreaterThan(0);
      // Every theme tells the writer what the peers will ask.
      for (const theme of themes) expect(theme.guidance?.questions?.length).toBeGreaterThan(0);
    });
  }

  it('are the ones the app offers, CPC first', () => {
    expect(builtInTemplates().map((t) => t.id)).toEqual(['cpc-2024', 'progress-review']);
    expect(builtInTemplate('cpc-2024')).toMatchObject({ name: 'Corporate Peer Challenge (2024 onwards)', kind: 'full' });
    expect(() => builtInTemplate('cpc-1999')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('the progress review goes recommendation by recommendation, then a short section per theme', () => {
    const template = builtInTemplate('progress-review');
    expect(template.kind).toBe('progress');
    const recommendations = template.sections.find((s) => s.key === 'recommendations')!;
    expect(recommendations.children!.map((c) => c.title)).toEqual([
      'Recommendation A',
      'Recommendation B',
      'Recommendation C',
      'Recommendation D',
    ]);
    const topKeys = template.sections.map((s) => s.key);
    expect(topKeys.indexOf('recommendations')).toBeLessThan(topKeys.indexOf('theme.local-priorities'));
    const themes = template.sections.filter((s) => s.kind === 'theme');
    for (const theme of themes) expect(theme.wordTarget).toBeLessThanOrEqual(1000);
  });
});

describe('a broken template is refused, naming the file and the field', () => {
  it('a wrong kind, deep in the tree', () => {
    expect(problemOf(() => parseTemplateJson('bad-kind.json', fixture('bad-kind.json')))).toBe(
      'bad-kind.json: sections[2].children[0].kind should be one of front-matter, introduction, theme, focus-area, documents, subsection.',
    );
  });

  it('a missing title', () => {
    expect(problemOf(() => parseTemplateJson('missing-title.json', fixture('missing-title.json')))).toBe(
      'missing-title.json: sections[1].title is missing.',
    );
  });

  it('children that are not a list', () => {
    expect(problemOf(() => parseTemplateJson('children-not-array.json', fixture('children-not-array.json')))).toBe(
      'children-not-array.json: sections[0].children should be a list.',
    );
  });

  it('invalid JSON, with the line and column', () => {
    expect(problemOf(() => parseTemplateJson('invalid-json.json', fixture('invalid-json.json')))).toBe(
      "invalid-json.json is not valid JSON: Expected ',' or '}' after property value at line 5, column 3.",
    );
    expect(problemOf(() => parseTemplateJson('cut-short.json', '{\n  "id": "x",\n  "name": '))).toMatch(
      /^cut-short\.json is not valid JSON: .+ at (line 3, column \d+|the end of the file)\.$/,
    );
    expect(problemOf(() => parseTemplateJson('empty.json', '  \n'))).toBe('empty.json is empty: a template is a JSON object.');
  });

  it('not an object at all, or missing the sections', () => {
    expect(problemOf(() => parseTemplateJson('list.json', '[]'))).toBe('list.json: the template should be an object ({ … }).');
    const noSections = { id: 'x', name: 'X', kind: 'full', version: 1 };
    expect(problemOf(() => parseTemplateData('x.json', noSections))).toBe('x.json: sections is missing.');
    expect(problemOf(() => parseTemplateData('x.json', { ...noSections, sections: [] }))).toBe(
      'x.json: sections needs at least 1 item.',
    );
    expect(problemOf(() => parseTemplateData('x.json', { ...noSections, kind: 'inspection', sections: [] }))).toBe(
      'x.json: kind should be one of full, progress.',
    );
  });

  it('an empty title, a bad word target', () => {
    const base = { id: 'x', name: 'X', kind: 'full', version: 1 };
    expect(problemOf(() => parseTemplateData('x.json', { ...base, sections: [{ key: 'a', kind: 'theme', title: '' }] }))).toBe(
      'x.json: sections[0].title cannot be empty.',
    );
    expect(
      problemOf(() =>
        parseTemplateData('x.json', { ...base, sections: [{ key: 'a', kind: 'theme', title: 'A', wordTarget: 12.5 }] }),
      ),
    ).toBe('x.json: sections[0].wordTarget should be a whole number.');
  });

  it('structure the schema cannot see: duplicate keys, kinds in the wrong place, too deep', () => {
    const base = { id: 'x', name: 'X', kind: 'full', version: 1 };
    const dup = [
      { key: 'a', kind: 'theme', title: 'A' },
      { key: 'b', kind: 'theme', title: 'B', children: [{ key: 'a', kind: 'subsection', title: 'Again' }] },
    ];
    expect(problemOf(() => parseTemplateData('x.json', { ...base, sections: dup }))).toBe(
      'x.json: sections[1].children[0].key “a” is already used by sections[0].',
    );
    expect(problemOf(() => parseTemplateData('x.json', { ...base, sections: [{ key: 'a', kind: 'subsection', title: 'A' }] }))).toMatch(
      /^x\.json: sections\[0\]\.kind should be one of front-matter, .*: a top-level section is a chapter\.$/,
    );
    const nestedTheme = [{ key: 'a', kind: 'theme', title: 'A', children: [{ key: 'b', kind: 'focus-area', title: 'B' }] }];
    expect(problemOf(() => parseTemplateData('x.json', { ...base, sections: nestedTheme }))).toBe(
      'x.json: sections[0].children[0].kind should be subsection: only top-level sections can be a focus-area.',
    );
    const deep = (depth: number): TemplateSection => ({
      key: `k${depth}`,
      kind: depth === 0 ? 'theme' : 'subsection',
      title: `Level ${depth}`,
      ...(depth < 3 ? { children: [deep(depth + 1)] } : {}),
    });
    expect(problemOf(() => parseTemplateData('x.json', { ...base, sections: [deep(0)] }))).toMatch(
      /^x\.json: sections\[0\]\.children\[0\]\.children\[0\]\.children\[0\] is nested too deeply/,
    );
  });

  it('the good fixture passes', () => {
    const template = parseTemplateJson('regeneration-focus.json', fixture('regeneration-focus.json'));
    expect(TemplateSchema.parse(template).id).toBe('regeneration-focus');
  });
});
