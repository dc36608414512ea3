import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from './extract/pdf';
import { DEFAULT_LIMITS } from './extract/types';
import { readingParagraphs } from './readingText';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
const STATEMENT_2023 = path.join(CORPUS, 'lga-peer-challenge-self-assessment-2023.pdf');
const PLAN_2024 = path.join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf');
const PLAN_2023 = path.join(CORPUS, 'sefton-corporate-plan-2023-2026.pdf');

/** The words of a text, spacing and hyphens aside: joining lines may only ever change those. */
const letters = (text: string) => text.replace(/[\s-]+/g, '');

describe('readingParagraphs (made-up lines)', () => {
  it('joins a line that runs on, and keeps blank lines, list items and sentence ends as breaks', () => {
    const text = [
      'Our progress',
      'We will continue to work with our partners in the',
      'borough, and with',
      'Sefton Council’s partners across the region.',
      'Next year we will:',
      '• deliver the plan',
      '• report on',
      'progress',
      '',
      'a new paragraph after a blank line',
    ].join('\n');
    expect(readingParagraphs(text)).toEqual([
      'Our progress',
      'We will continue to work with our partners in the borough, and with Sefton Council’s partners across the region.',
      'Next year we will:',
      '• deliver the plan',
      '• report on progress',
      'a new paragraph after a blank line',
    ]);
  });

  it('drops a hyphen only for a word the text spells whole elsewhere, and never for a compound', () => {
    expect(readingParagraphs('our commu-\nnity and our community')).toEqual(['our community and our community']);
    expect(readingParagraphs('a long-\nterm plan')).toEqual(['a long-term plan']);
    expect(readingParagraphs('a long-\nterm plan, long-term and longterm')).toEqual(['a long-term plan, long-term and longterm']);
    expect(readingParagraphs('Strategy 2022-\n2025')).toEqual(['Strategy 2022-2025']);
    expect(readingParagraphs('roles were introduced -\nCabinet Member')).toEqual(['roles were introduced - Cabinet Member']);
  });

  it('keeps a heading apart from the text under it', () => {
    expect(readingParagraphs('Organisational Leadership\nThe Council is composed of 66 Councillors')).toEqual([
      'Organisational Leadership',
      'The Council is composed of 66 Councillors',
    ]);
    expect(readingParagraphs('• Local job creation\nOur Council\nCabinet will oversee it.')).toEqual(['• Local job creation', 'Our Council', 'Cabinet will oversee it.']);
  });

  it('leaves text whose lines are paragraphs already (Word, a spreadsheet) as its lines', () => {
    expect(readingParagraphs('apples,\npears\n\nplums', { wrapped: false })).toEqual(['apples,', 'pears', 'plums']);
  });
});

// The real PDFs are in ../shared/corpus beside the worktree; without them there is nothing to read.
describe.skipIf(!fs.existsSync(STATEMENT_2023))('readingParagraphs on the real corpus PDFs', () => {
  const pages = new Map<string, string[]>();
  beforeAll(async () => {
    for (const file of [STATEMENT_2023, PLAN_2024, PLAN_2023]) {
      pages.set(file, (await extractPdf(new Uint8Array(fs.readFileSync(file)), DEFAULT_LIMITS)).pages);
    }
  }, 60_000);

  it('reads a page of the 2024 plan as whole list items and headings', () => {
    const paragraphs = readingParagraphs(pages.get(PLAN_2024)![11]!);
    expect(paragraphs).toContain('- Secured approvals for the investment of over £7.5m of brownfield land grant in the borough to deliver new homes.');
    expect(paragraphs).toContain(
      '- Deliver the organisational cultural change to ensure our workforce is equipped with the skills needed for the future – this is to be an enabler for residents and help the community help themselves.',
    );
    expect(paragraphs).toContain('- Deliver our agreed strategies on Community Safety, Culture, Digital, Homelessness and Rough Sleeping.');
    // Headings stay headings.
    expect(paragraphs).toContain('Delivering on the services that matter to residents');
    expect(paragraphs).toContain('- Adopted our new Housing Strategy, and our Homeless and Rough Sleeping Strategy.');
    expect(paragraphs).toContain('Our priority actions');
    expect(paragraphs).toContain('How will we measure success?');
  });

  it('reads a page of the 2023 statement in paragraphs, compounds whole', () => {
    const paragraphs = readingParagraphs(pages.get(STATEMENT_2023)![13]!);
    expect(paragraphs).toContain('Organisational and place leadership');
    expect(paragraphs).toContain('• We are confident and connected');
    expect(paragraphs).toContain('Organisational Leadership');
    expect(paragraphs).toContain(
      'The Council is composed of 66 Councillors with one-third elected annually (three years in every four) for a term of four years. The political composition now is Labour 51, The Liberal Democrat and Progressive Alliance Group 9, Conservative Party 5 and 1 Independent Member.',
    );
    expect(paragraphs.find((p) => p.includes('Our strategy continues'))).toContain('our bold and long-term commitment');
    expect(paragraphs).toContain('We still have a great deal to do in Sefton to eradicate childhood poverty and the Council and its partners are still facing significant financial challenge.');
  });

  it('changes nothing but spacing and line-break hyphens, and reads the prose in far fewer pieces than the lines', () => {
    // The 2023 plan is mostly figures and captions (short lines that are paragraphs of their own).
    const proseShare = new Map([
      [STATEMENT_2023, 0.6],
      [PLAN_2024, 0.6],
      [PLAN_2023, 0.9],
    ]);
    for (const [file, texts] of pages) {
      let lines = 0;
      let paragraphs = 0;
      for (const text of texts) {
        const read = readingParagraphs(text);
        expect(letters(read.join('\n')), `${path.basename(file)}`).toBe(letters(text));
        lines += text.split('\n').filter((l) => l.trim()).length;
        paragraphs += read.length;
      }
      expect(paragraphs, path.basename(file)).toBeLessThan(lines * proseShare.get(file)!);
    }
  });
});
