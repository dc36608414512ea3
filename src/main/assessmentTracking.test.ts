import { describe, expect, it, vi } from 'vitest';
import { assessmentEventFor, trackAssessment, type AssessmentEvent } from './assessmentTracking';

describe('assessmentEventFor', () => {
  it('recognises opening, creating, closing and forgetting', () => {
    expect(assessmentEventFor('assessment-open', { path: '/a.pcstudio' })).toEqual({ kind: 'opened', path: '/a.pcstudio' });
    expect(assessmentEventFor('assessment-create', { path: '/b.pcstudio' })).toEqual({ kind: 'opened', path: '/b.pcstudio' });
    // Restoring a backup opens the restored copy.
    expect(assessmentEventFor('backup-restore', { path: '/r.pcstudio' })).toEqual({ kind: 'opened', path: '/r.pcstudio' });
    // A new assessment from a previous one is opened as it is made.
    expect(assessmentEventFor('import-previous-assessment', { path: '/n.pcstudio' })).toEqual({ kind: 'opened', path: '/n.pcstudio' });
    expect(assessmentEventFor('assessment-current', { path: '/c.pcstudio' })).toEqual({ kind: 'opened', path: '/c.pcstudio' });
    expect(assessmentEventFor('assessment-current', null)).toEqual({ kind: 'closed' });
    expect(assessmentEventFor('assessment-close', { ok: true })).toEqual({ kind: 'closed' });
    expect(assessmentEventFor('recent-forget', { ok: true })).toEqual({ kind: 'recent-changed' });
  });
  it('ignores everything else', () => {
    expect(assessmentEventFor('sections-list', [])).toBeNull();
    expect(assessmentEventFor('assessment-open', { nope: 1 })).toBeNull();
    // Looked up in a table: names inherited from Object are not methods.
    expect(assessmentEventFor('toString', {})).toBeNull();
    expect(assessmentEventFor('__proto__', {})).toBeNull();
  });
});

describe('trackAssessment', () => {
  it('passes every call through and reports the events of successful ones', async () => {
    const events: AssessmentEvent[] = [];
    const dispatch = vi.fn(async (method: string) =>
      method === 'assessment-open'
        ? ({ ok: true, value: { path: '/a.pcstudio' } } as const)
        : ({ ok: false, error: { code: 'not-found', message: 'No such file.' } } as const),
    );
    const tracked = trackAssessment(dispatch, (event) => events.push(event));
    expect(await tracked('assessment-open', { path: '/a.pcstudio' })).toEqual({ ok: true, value: { path: '/a.pcstudio' } });
    expect(await tracked('assessment-close', {})).toEqual({ ok: false, error: { code: 'not-found', message: 'No such file.' } });
    expect(dispatch).toHaveBeenCalledWith('assessment-open', { path: '/a.pcstudio' });
    expect(events).toEqual([{ kind: 'opened', path: '/a.pcstudio' }]);
  });
  it('never lets the bookkeeping turn success into failure', async () => {
    const tracked = trackAssessment(
      async () => ({ ok: true, value: { ok: true } }),
      () => {
        throw new Error('menu broke');
      },
    );
    expect(await tracked('assessment-close', {})).toEqual({ ok: true, value: { ok: true } });
  });
});
