import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECOMMENDATIONS, parseRecommendations } from './parseRecommendations';
import { readDocxText, readPdfText, readSourceFile } from './readSource';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const STATEMENT_2023 = path.join(CORPUS, 'lga-peer-challenge-self-assessment-2023');

/** The 2022 revisit's recommendations as the 2023 statement gives them (A to F). */
const EXPECTED_2022 = [
  ['A', 'Ensure the planned refresh of the vision for Sefton is used as an opportunity to then ensure the underpinning strategies and plans reflect the key priorities of the Council over the next period such as improving Children’s Services.'],
  ['B', 'Inform the above work by taking stock, internally and with partners of the new opportunities, strengths and challenges that the Council will wish to build on, capitalise from and address in the next three year period.'],
  ['C', 'Embed the service level improvements in performance management made recently and establish regular, collective and cross-cutting performance discussions at Cabinet.'],
  ['D', 'Given how much change the world has seen in the last two years and how the localities model has been required to react, work with partners to review the localities model.'],
  ['E', 'Continue to build on the significant progress seen in regards to economic growth'],
  ['F', 'The purpose of this position statement is to provide an update on the progress made and share the further changes that we plan to make over the next few years.'],
].map(([label, text]) => ({ label, text }));

describe('parseRecommendations on the real 2023 statement', () => {
  it('finds A to F under “Peer Team Recommendations from the 2022 Revisit” in the DOCX', async () => {
    const text = await readDocxText(fs.readFileSync(`${STATEMENT_2023}.docx`));
    const result = parseRecommendations(text, 'document');
    expect(result.heading).toBe('Peer Team Recommendations from the 2022 Revisit');
    expect(result.problems).toEqual([]);
    expect(result.items).toEqual(EXPECTED_2022);
  });

  it('finds the same list in the PDF, with its wrapped lines joined and its bullets in front of the letters', async () => {
    const text = await readPdfText(fs.readFileSync(`${STATEMENT_2023}.pdf`));
    const result = parseRecommendations(text, 'document');
    expect(result.heading).toBe('Peer Team Recommendations from the 2022 Revisit');
    expect(result.items).toEqual(EXPECTED_2022);
  });

  it('reads a file by its content, whatever it is called', async () => {
    const { kind, text } = await readSourceFile(`${STATEMENT_2023}.docx`);
    expect(kind).toBe('docx');
    expect(parseRecommendations(text, 'document').items.map((i) => i.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});

describe('parseRecommendations: the usual shapes of a list, with wrapped lines kept whole', () => {
  const shapes: Array<[string, string, string[]]> = [
    ['“A. …”', 'A. Ensure the vision\nis refreshed.\nB. Review the localities\nmodel with partners.', ['A', 'B']],
    ['“A) …”', 'A) Ensure the vision\nis refreshed.\nB) Review the localities\nmodel with partners.', ['A', 'B']],
    ['“(a) …”', '(a) Ensure the vision\nis refreshed.\n(b) Review the localities\nmodel with partners.', ['a', 'b']],
    ['“1. …”', '1. Ensure the vision\nis refreshed.\n2. Review the localities\nmodel with partners.', ['1', '2']],
    ['“1) …”', '1) Ensure the vision\nis refreshed.\n2) Review the localities\nmodel with partners.', ['1', '2']],
    ['“•” bullets', '• Ensure the vision\nis refreshed.\n• Review the localities\nmodel with partners.', ['1', '2']],
    ['“-” bullets', '- Ensure the vision\nis refreshed.\n- Review the localities\nmodel with partners.', ['1', '2']],
    ['“*” bullets', '* Ensure the vision\nis refreshed.\n* Review the localities\nmodel with partners.', ['1', '2']],
    ['“▪” bullets', '▪ Ensure the vision\nis refreshed.\n▪ Review the localities\nmodel with partners.', ['1', '2']],
    ['“Recommendation B:”', 'Recommendation A: Ensure the vision\nis refreshed.\nRecommendation B: Review the localities\nmodel with partners.', ['A', 'B']],
    ['one per line', 'Ensure the vision\nis refreshed.\nReview the localities\nmodel with partners.', ['1', '2']],
  ];
  for (const [shape, text, labels] of shapes) {
    it(shape, () => {
      const result = parseRecommendations(text);
      expect(result.problems).toEqual([]);
      expect(result.items).toEqual([
        { label: labels[0], text: 'Ensure the vision is refreshed.' },
        { label: labels[1], text: 'Review the localities model with partners.' },
      ]);
    });
  }

  it('copes with Windows line endings, tabs, non-breaking spaces and indentation', () => {
    const result = parseRecommendations('  A.\tEnsure the vision\r\n\u00a0 is refreshed.\r\n  B.  Review it.\r\n');
    expect(result.items).toEqual([
      { label: 'A', text: 'Ensure the vision is refreshed.' },
      { label: 'B', text: 'Review it.' },
    ]);
  });

  it('keeps sub-bullets as part of their recommendation, not as recommendations of their own', () => {
    const result = parseRecommendations('1. Strengthen scrutiny:\n- train members\n- publish a work plan\n2. Review the MTFP.');
    expect(result.items).toEqual([
      { label: '1', text: 'Strengthen scrutiny: - train members - publish a work plan' },
      { label: '2', text: 'Review the MTFP.' },
    ]);
  });

  it('finds the list under its heading in a document and stops at the next heading', () => {
    const text = [
      'Contents',
      'Recommendations from 2019….. 4',
      '',
      'Introduction',
      '',
      'We welcome the peers.',
      '',
      'Recommendations from the 2019 challenge',
      '',
      'The peers recommended:',
      '',
      '1. Develop a clear vision',
      'for the borough.',
      '',
      '2. Refresh the MTFP.',
      '',
      'Our place',
      '',
      'Sefton is a coastal borough.',
    ].join('\n');
    const result = parseRecommendations(text);
    expect(result.heading).toBe('Recommendations from the 2019 challenge');
    expect(result.items).toEqual([
      { label: '1', text: 'Develop a clear vision for the borough.' },
      { label: '2', text: 'Refresh the MTFP.' },
    ]);
  });
});

describe('parseRecommendations: bad input gets a clear message', () => {
  it('an empty paste', () => {
    for (const text of ['', '   \n\n \t ']) {
      const result = parseRecommendations(text);
      expect(result.items).toEqual([]);
      expect(result.problems).toEqual([{ code: 'empty', message: expect.stringContaining('the text is empty') }]);
    }
  });

  it('a document with no recognisable recommendations', async () => {
    const { text } = await readSourceFile(path.join(CORPUS, 'sefton-corporate-plan-2024-2027.txt'));
    const result = parseRecommendations(text, 'document');
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([{ code: 'none-found', message: expect.stringMatching(/^No recommendations were recognised in this document/) }]);
    // A heading with prose and no list under it is not a list either.
    const prose = parseRecommendations('Recommendations\n\n' + 'We have no list here, only prose.\n\n'.repeat(12), 'document');
    expect(prose.problems.map((p) => p.code)).toEqual(['none-found']);
  });

  it('duplicated labels', () => {
    const result = parseRecommendations('A. One.\nB. Two.\nA. Three.\nb) Four.');
    expect(result.items).toHaveLength(4);
    expect(result.problems).toEqual([
      { code: 'duplicate-labels', message: 'The labels A and B are used more than once. Give each recommendation its own label before saving.' },
    ]);
  });

  it(`a list of ${MAX_RECOMMENDATIONS} is fine, one of ${MAX_RECOMMENDATIONS + 1} is refused with a reason`, () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. Recommendation number ${i + 1}`).join('\n');
    expect(parseRecommendations(list(MAX_RECOMMENDATIONS)).problems).toEqual([]);
    const tooMany = parseRecommendations(list(MAX_RECOMMENDATIONS + 1));
    expect(tooMany.items).toHaveLength(MAX_RECOMMENDATIONS + 1);
    expect(tooMany.problems.map((p) => p.message)).toEqual([
      'This list has 201 recommendations; up to 200 can be added at once. Split it into smaller lists, or check that only the recommendations were chosen.',
    ]);
  });
});

describe('reading a report is a long operation', () => {
  it('reports progress page by page and stops when cancelled', async () => {
    const steps: number[] = [];
    await readSourceFile(`${STATEMENT_2023}.pdf`, { onProgress: (p) => steps.push(p.done) });
    expect(steps.length).toBeGreaterThan(10);
    const controller = new AbortController();
    const reading = readSourceFile(`${STATEMENT_2023}.pdf`, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ message: expect.stringContaining('cancelled') });
  });
});
