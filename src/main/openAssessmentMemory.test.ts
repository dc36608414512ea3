import { describe, expect, it } from 'vitest';
import { rememberedAfter } from './openAssessmentMemory';

describe('rememberedAfter: which assessment the core has open, for reopening it after a crash', () => {
  it('remembers the path and whether it is read-only from the calls that open one, and forgets on close', () => {
    const a = rememberedAfter(null, 'assessment-open', { path: '/a.pcstudio', readOnly: null });
    expect(a).toEqual({ path: '/a.pcstudio', readOnly: false });
    const b = rememberedAfter(a, 'assessment-open', { path: '/b.pcstudio', readOnly: { reason: 'open-elsewhere', message: 'x' } });
    expect(b).toEqual({ path: '/b.pcstudio', readOnly: true });
    expect(rememberedAfter(b, 'import-previous-assessment', { path: '/c.pcstudio' })).toEqual({ path: '/c.pcstudio', readOnly: false });
    expect(rememberedAfter(b, 'assessment-close', { ok: true })).toBeNull();
    expect(rememberedAfter(b, 'assessment-current', null)).toBeNull();
  });
  it('is unchanged by every other call', () => {
    const a = { path: '/a.pcstudio', readOnly: false };
    expect(rememberedAfter(a, 'section-save-content', { id: 's' })).toBe(a);
    expect(rememberedAfter(a, 'recent-forget', { ok: true })).toBe(a);
  });
});
