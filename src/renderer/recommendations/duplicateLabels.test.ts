import { describe, expect, it } from 'vitest';
import { duplicatedLabels, resolveDuplicates } from './duplicateLabels';

const items = [
  { label: 'A', text: 'one' },
  { label: 'B', text: 'two' },
  { label: 'b', text: 'three' },
  { label: 'B2', text: 'four' },
  { label: 'B', text: 'five' },
];

describe('duplicated labels in a pasted list', () => {
  it('finds them whatever their case', () => {
    expect(duplicatedLabels(items)).toEqual(['B']);
    expect(duplicatedLabels(items.slice(0, 2))).toEqual([]);
  });

  it('numbers the repeats, skipping labels the list already has', () => {
    expect(resolveDuplicates(items, 'number-repeats').map((i) => [i.label, i.text])).toEqual([
      ['A', 'one'],
      ['B', 'two'],
      ['b3', 'three'],
      ['B2', 'four'],
      ['B4', 'five'],
    ]);
    expect(duplicatedLabels(resolveDuplicates(items, 'number-repeats'))).toEqual([]);
  });

  it('or keeps only the first with each label', () => {
    expect(resolveDuplicates(items, 'keep-first').map((i) => i.text)).toEqual(['one', 'two', 'four']);
  });
});
