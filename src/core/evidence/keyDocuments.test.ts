import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../shared/schemas/evidence';
import { citationLabels, numberKeyDocuments } from './keyDocuments';

function item(id: string, family: string | null = null, keyOrder: number | null = null): EvidenceItem {
  return {
    id, title: `Document ${id}`, type: 'other', date: null, owner: null, sourceUrl: null, notes: '', family, keyOrder,
    fileName: `${id}.pdf`, mime: 'application/pdf', size: 1, hash: null, addedAt: '2025-01-01T00:00:00.000Z',
    pageCount: 1, locatorKind: 'page', textStatus: 'ok', message: null,
  };
}

describe('key documents list', () => {
  it('reproduces the shape of the 2023 list: 25 documents, 6a–6c and 11a–11f', () => {
    // 32 items as the 2023 statement's list has them: 5 singles, a family of 3, 4 singles, a family
    // of 6, then 14 singles. Added in a scrambled order; the user's order (keyOrder) decides.
    const ordered: EvidenceItem[] = [];
    for (let n = 1; n <= 5; n++) ordered.push(item(`d${n}`));
    for (const l of 'abc') ordered.push(item(`d6${l}`, 'Budget and Budget Monitoring Report'));
    for (let n = 7; n <= 10; n++) ordered.push(item(`d${n}`));
    for (const l of 'abcdef') ordered.push(item(`d11${l}`, 'Performance and risk'));
    for (let n = 12; n <= 25; n++) ordered.push(item(`d${n}`));
    const withOrder = ordered.map((it, i) => ({ ...it, keyOrder: i }));
    const scrambled = [...withOrder].reverse();
    const list = numberKeyDocuments(scrambled, new Map());
    const numbers = new Set(list.map((d) => d.number));
    expect(numbers.size).toBe(25);
    expect(list.filter((d) => d.letter !== null).map((d) => d.label)).toEqual(['6a', '6b', '6c', '11a', '11b', '11c', '11d', '11e', '11f']);
    expect(list.find((d) => d.label === '6')).toMatchObject({ itemId: null, title: 'Budget and Budget Monitoring Report' });
    expect(list.find((d) => d.label === '6b')).toMatchObject({ itemId: 'd6b' });
    expect(list.find((d) => d.label === '25')).toMatchObject({ itemId: 'd25' });
    expect(citationLabels(list).get('d11f')).toBe('11f');
  });

  it('defaults to the order of first citation, then the uncited in the order they were added; a family of one is a plain number', () => {
    const items = [item('a'), item('b', 'Lonely family'), item('c'), item('d')];
    const list = numberKeyDocuments(items, new Map([['c', 0], ['a', 1]]));
    expect(list.map((d) => `${d.label}:${d.itemId}`)).toEqual(['1:c', '2:a', '3:b', '4:d']);
  });
});
