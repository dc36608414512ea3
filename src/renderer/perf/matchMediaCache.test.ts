import { describe, expect, it } from 'vitest';
import { cacheMatchMedia } from './matchMediaCache';

describe('cacheMatchMedia', () => {
  it('hands back the same live list for the same query, and asks the browser once per query', () => {
    const asked: string[] = [];
    const page = {
      matchMedia(query: string) {
        asked.push(query);
        return { media: query, matches: query.includes('coarse') } as MediaQueryList;
      },
    } as unknown as Window;
    cacheMatchMedia(page);
    const first = page.matchMedia('(pointer: coarse)');
    expect(page.matchMedia('(pointer: coarse)')).toBe(first);
    expect(first.matches).toBe(true);
    expect(page.matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(false);
    expect(asked).toEqual(['(pointer: coarse)', '(prefers-reduced-motion: reduce)']);
  });
});
