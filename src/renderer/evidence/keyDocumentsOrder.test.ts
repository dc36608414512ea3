import { describe, expect, it } from 'vitest';
import type { KeyDocument } from '../../shared/schemas/evidence';
import { keyEntries, moveEntry, moveMember } from './keyDocumentsOrder';

const list: KeyDocument[] = [
  { label: '1', number: 1, letter: null, itemId: 'plan', title: 'Corporate Plan' },
  { label: '2', number: 2, letter: null, itemId: null, title: 'Budget' },
  { label: '2a', number: 2, letter: 'a', itemId: 'b1', title: 'Budget 2024' },
  { label: '2b', number: 2, letter: 'b', itemId: 'b2', title: 'Budget monitoring' },
  { label: '3', number: 3, letter: null, itemId: 'minutes', title: 'Minutes' },
];

describe('key documents order', () => {
  it('moves a numbered entry, a family moving as one', () => {
    const entries = keyEntries(list);
    expect(entries.map((e) => e.itemIds)).toEqual([['plan'], ['b1', 'b2'], ['minutes']]);
    expect(moveEntry(entries, 1, -1)).toEqual(['b1', 'b2', 'plan', 'minutes']);
    expect(moveEntry(entries, 2, -1)).toEqual(['plan', 'minutes', 'b1', 'b2']);
    expect(moveEntry(entries, 0, -1)).toBeNull();
    expect(moveEntry(entries, 2, 1)).toBeNull();
  });

  it('moves a member within its family', () => {
    const entries = keyEntries(list);
    expect(moveMember(entries, 1, 1, -1)).toEqual(['plan', 'b2', 'b1', 'minutes']);
    expect(moveMember(entries, 1, 1, 1)).toBeNull();
  });
});
