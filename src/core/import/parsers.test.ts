import { describe, expect, it } from 'vitest';
import { placeholdersFromLines, placeholdersFromList } from './keyDocumentsInDocument';
import { bestChapter, type ImportChapter } from './matchChapters';
import { parseRecommendationList } from './recommendationsInDocument';

const CHAPTERS: ImportChapter[] = [
  { ref: 'front-matter', kind: 'front-matter', title: 'Front matter' },
  { ref: 'introduction', kind: 'introduction', title: 'Introduction' },
  { ref: 'recommendations', kind: 'introduction', title: 'Progress against the recommendations' },
  { ref: 'theme.local-priorities', kind: 'theme', title: 'Local priorities and outcomes' },
  { ref: 'theme.leadership', kind: 'theme', title: 'Organisational and place leadership' },
  { ref: 'theme.governance', kind: 'theme', title: 'Governance and culture' },
  { ref: 'theme.finance', kind: 'theme', title: 'Financial planning and management' },
  { ref: 'theme.capacity', kind: 'theme', title: 'Capacity for improvement' },
  { ref: 'documents', kind: 'documents', title: 'Key and background documents' },
];

describe('matching headings to chapters', () => {
  it.each([
    ['Capacity for improvement & fit for the future', 'theme.capacity'],
    ['CAPACITY FOR IMPROVEMENT', 'theme.capacity'],
    ['Organizational and Place Leadership', 'theme.leadership'],
    ['Our governance', 'theme.governance'],
    ['Financial planning & management', 'theme.finance'],
    ['Finance', 'theme.finance'],
    ['Local priorities & outcomes', 'theme.local-priorities'],
    ['Background documents', 'documents'],
    ['Introduction', 'introduction'],
  ])('“%s” is %s', (heading, ref) => {
    expect(bestChapter(heading, CHAPTERS)?.ref).toBe(ref);
  });

  it.each(['Our Sefton', 'Where does every £100 of your Council Tax go?', 'Welcome from the Leader of the Council', 'Contents', 'Climate Change'])(
    '“%s” is no chapter',
    (heading) => {
      expect(bestChapter(heading, CHAPTERS)).toBeNull();
    },
  );
});

describe('parseRecommendationList', () => {
  it('keeps wrapped lines with the recommendation they continue', () => {
    const text = [
      'The following are the peer team’s key recommendations.',
      'A. Ensure the planned refresh of the vision',
      'is used as an opportunity.',
      'B) Inform the above work',
      'C: Embed the improvements',
      '',
      'We have made progress since.',
    ].join('\n');
    expect(parseRecommendationList(text)).toEqual([
      { label: 'A', text: 'Ensure the planned refresh of the vision is used as an opportunity.' },
      { label: 'B', text: 'Inform the above work' },
      { label: 'C', text: 'Embed the improvements' },
    ]);
  });

  it('reads numbered lists and "Recommendation 2:" labels, and ignores a list that does not start at A or 1', () => {
    expect(parseRecommendationList('Recommendation 1: Review the plan\nRecommendation 2: Refresh the vision').map((r) => r.label)).toEqual(['1', '2']);
    expect(parseRecommendationList('C. Not a list start\nD. Nor this')).toEqual([]);
  });
});

describe('key documents as evidence placeholders', () => {
  it('numbers a nested list, lettering the family members', () => {
    const list = [
      { text: 'Corporate Plan', children: [] },
      { text: 'Statement of Accounts', children: [{ text: 'Report', children: [] }, { text: 'Accounts', children: [] }] },
    ];
    expect(placeholdersFromList(list)).toEqual([
      { number: '1', letter: null, title: 'Corporate Plan' },
      { number: '2', letter: null, title: 'Statement of Accounts' },
      { number: '2', letter: 'a', title: 'Report' },
      { number: '2', letter: 'b', title: 'Accounts' },
    ]);
  });

  it('reads the list typed as lines', () => {
    expect(placeholdersFromLines('No. Document\n6 Budget report\n6a. Budget monitoring\n11f Accounts 2022/23')).toEqual([
      { number: '6', letter: null, title: 'Budget report' },
      { number: '6', letter: 'a', title: 'Budget monitoring' },
      { number: '11', letter: 'f', title: 'Accounts 2022/23' },
    ]);
  });
});
