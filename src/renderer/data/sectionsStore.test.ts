import { describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/schemas/section';
import { SectionsStore, sameShape } from './sectionsStore';

const section = (id: string, parentId: string | null, position: number, wordCount: number): SectionSummary => ({
  id,
  parentId,
  position,
  depth: parentId ? 1 : 0,
  kind: parentId ? 'subsection' : 'theme',
  templateKey: null,
  title: id,
  fixed: !parentId,
  wordCount,
  totalWordCount: wordCount,
  wordTarget: null,
  updatedAt: '2026-11-24T00:00:00Z',
});

describe('SectionsStore', () => {
  it('patches one section: totals follow, the binder’s shape does not change', () => {
    const store = new SectionsStore([section('a', null, 0, 5), section('a1', 'a', 0, 3), section('b', null, 1, 2)]);
    const before = store.getState();
    let told = 0;
    store.subscribe(() => told++);
    store.patch('a1', { wordCount: 10 });
    const after = store.getState();
    expect(told).toBe(1);
    expect(after.byId.get('a1')?.wordCount).toBe(10);
    expect(after.totals.get('a')).toBe(15);
    expect(after.total).toBe(17);
    expect(after.byId.get('b')).toBe(before.byId.get('b')); // untouched rows keep their objects
    expect(sameShape(before.list, after.list)).toBe(true);
  });

  it('tells nobody when a patch changes nothing, and a rename changes the shape', () => {
    const store = new SectionsStore([section('a', null, 0, 5)]);
    let told = 0;
    store.subscribe(() => told++);
    store.patch('a', { wordCount: 5 });
    store.patch('missing', { wordCount: 1 });
    expect(told).toBe(0);
    const before = store.getState().list;
    store.patch('a', { title: 'Renamed' });
    expect(sameShape(before, store.getState().list)).toBe(false);
  });
});
