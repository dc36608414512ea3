import { describe, expect, it } from 'vitest';
import { emptyEditorState, type SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { SaveQueue, SECTION_GONE_MESSAGE, type SaveBackend, type SaveStatus } from './saveQueue';

/** An error as the renderer's api throws it: a message and a code from the core. */
function apiError(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}

function content(text: string): SerializedEditorStateJSON {
  const state = emptyEditorState();
  (state.root.children[0] as { children: unknown[] }).children.push({ type: 'text', version: 1, text });
  return state;
}

/** A stand-in for the file: answers each save with what `answer` says, and records what it kept. */
function fakeFile(answer: (id: string) => Error | null) {
  const stored = new Map<string, SerializedEditorStateJSON>();
  const backend: SaveBackend = {
    async save(id, c) {
      const error = answer(id);
      if (error) throw error;
      stored.set(id, c);
      return { id, wordCount: 1, revision: 1, updatedAt: '' };
    },
  };
  return { backend, stored };
}

function statuses(queue: SaveQueue) {
  const seen: SaveStatus[] = [];
  queue.subscribe((s) => seen.push(s));
  return seen;
}

describe('SaveQueue (issue #8: never lose a council’s work)', () => {
  it('holds text refused because another tab replaced the assessment, never shows Saved, and saves it after a reopen', async () => {
    let replaced = true;
    const file = fakeFile(() => (replaced ? apiError('assessment-changed', 'This assessment was closed because another tab…') : null));
    const queue = new SaveQueue(file.backend);
    const seen = statuses(queue);
    queue.schedule('s1', () => content('Later words'));
    await queue.flush();
    expect(queue.getStatus()).toBe('blocked');
    expect(seen).not.toContain('saved');
    expect(queue.getProblem()).toMatchObject({ kind: 'assessment-changed', message: expect.stringMatching(/another tab/) });
    expect(queue.heldTexts()).toEqual([expect.objectContaining({ sectionId: 's1', content: content('Later words') })]);
    expect(file.stored.size).toBe(0);

    replaced = false; // the user chose "Reopen and save"
    await queue.retryHeld();
    expect(file.stored.get('s1')).toEqual(content('Later words'));
    expect(queue.getStatus()).toBe('saved');
    expect(queue.getProblem()).toBeNull();
  });

  it('drops a save only for a section this tab deleted; one deleted elsewhere is held and explained', async () => {
    const file = fakeFile(() => apiError('not-found', 'That section could not be found.'));
    const queue = new SaveQueue(file.backend);
    queue.sectionsDeleted(['mine']);
    queue.schedule('mine', () => content('gone with its section'));
    await queue.flush();
    expect(queue.getStatus()).toBe('saved');
    expect(queue.hasHeld()).toBe(false);

    queue.schedule('theirs', () => content('deleted in the other tab'));
    await queue.flush();
    expect(queue.getStatus()).toBe('blocked');
    expect(queue.getProblem()).toEqual({ kind: 'section-gone', message: SECTION_GONE_MESSAGE });
    expect(queue.heldTexts().map((h) => h.sectionId)).toEqual(['theirs']);
  });

  it('holds content the file refuses (too deep, too large) with the core’s message, and still saves other sections', async () => {
    let tooDeep = true;
    const file = fakeFile((id) => (id === 'deep' && tooDeep ? apiError('invalid-input', 'This section has lists … too deep to save.') : null));
    const queue = new SaveQueue(file.backend);
    queue.schedule('deep', () => content('deep'));
    queue.schedule('fine', () => content('fine'));
    await queue.flush();
    expect(file.stored.has('fine')).toBe(true);
    expect(queue.getStatus()).toBe('blocked');
    expect(queue.getProblem()).toEqual({ kind: 'refused', message: 'This section has lists … too deep to save.' });
    // Newer text for the section (the user undid the nesting) is tried afresh.
    tooDeep = false;
    queue.schedule('deep', () => content('flatter'));
    await queue.flush();
    expect(file.stored.get('deep')).toEqual(content('flatter'));
    expect(queue.getStatus()).toBe('saved');
  });

  it('on a full disk says so at once, keeps the text, and resumes saving by itself', async () => {
    let diskFull = true;
    const file = fakeFile(() =>
      diskFull ? apiError('io', 'The disk is full, so “a.pcstudio” could not be saved. Free up some space, then try again.') : null,
    );
    const queue = new SaveQueue(file.backend);
    queue.schedule('s1', () => content('precious'));
    await queue.flush();
    expect(queue.getStatus()).toBe('error');
    expect(queue.getProblem()).toMatchObject({ kind: 'retrying', message: expect.stringMatching(/disk is full.*saving will start again by itself/) });
    diskFull = false; // space freed: no action from the user
    await expect.poll(() => queue.getStatus(), { timeout: 5000 }).toBe('saved');
    expect(file.stored.get('s1')).toEqual(content('precious'));
    expect(queue.getProblem()).toBeNull();
  });
});

describe('SaveQueue: stale writes (issue #6)', () => {
  it('sends the revision the text was based on, follows its own saves, and holds text refused as stale', async () => {
    const bases: Array<number | undefined> = [];
    let stored = 4;
    const backend: SaveBackend = {
      async save(id, _c, base) {
        bases.push(base);
        if (base !== undefined && base !== stored) throw apiError('stale', 'This section was changed after this text was loaded.');
        stored++;
        return { id, wordCount: 1, revision: stored, updatedAt: '' };
      },
    };
    const queue = new SaveQueue(backend);
    const staleFor: string[] = [];
    queue.onStale((id) => staleFor.push(id));
    queue.noteLoaded('s1', 4);
    queue.schedule('s1', () => content('one'));
    await queue.flush();
    queue.schedule('s1', () => content('two'));
    await queue.flush();
    expect(bases).toEqual([4, 5]);
    expect(queue.getStatus()).toBe('saved');

    stored = 9; // replace-all, or another tab, moved the section on
    queue.schedule('s1', () => content('three'));
    await queue.flush();
    expect(queue.getStatus()).toBe('blocked');
    expect(queue.getProblem()?.kind).toBe('stale');
    expect(staleFor).toEqual(['s1']);
    expect(queue.heldTexts()[0]?.content).toEqual(content('three'));
    // Reloaded at the new revision, the next change saves on top of it.
    queue.noteLoaded('s1', 9);
    queue.schedule('s1', () => content('four'));
    await queue.flush();
    expect(bases.at(-1)).toBe(9);
    expect(queue.getStatus()).toBe('saved');
  });
});

describe('SaveQueue off the keystroke path (issue "Instant at council scale")', () => {
  it('makes the content only when the save goes, once for many keystrokes, and sends nothing when it is unchanged', async () => {
    const file = fakeFile(() => null);
    const queue = new SaveQueue(file.backend);
    let made = 0;
    for (let i = 0; i < 50; i++) {
      queue.schedule('s1', () => {
        made++;
        return content(`keystroke ${i}`);
      });
    }
    expect(made).toBe(0); // nothing serialised while typing
    await queue.flush();
    expect(made).toBe(1);
    expect(file.stored.get('s1')).toEqual(content('keystroke 49'));
    file.stored.clear();
    queue.schedule('s1', () => null); // the text is what is in the file already
    await queue.flush();
    expect(file.stored.size).toBe(0);
    expect(queue.getStatus()).toBe('saved');
  });
});

describe('SaveQueue: “Saving…” only for a real save', () => {
  it('a quiet update (a section loaded and laid out, nothing typed) never shows saving when it changes nothing', async () => {
    const file = fakeFile(() => null);
    const queue = new SaveQueue(file.backend);
    const seen = statuses(queue);
    queue.schedule('s1', () => null, { quiet: true });
    expect(queue.getStatus()).toBe('saved');
    await queue.flush();
    expect(seen.filter((s) => s !== 'saved')).toEqual([]);
    expect(file.stored.size).toBe(0);
  });

  it('a quiet update that did change the text is still saved, and says so while it is', async () => {
    const file = fakeFile(() => null);
    const queue = new SaveQueue(file.backend);
    const seen = statuses(queue);
    queue.schedule('s1', () => content('normalised'), { quiet: true });
    await queue.flush();
    expect(file.stored.get('s1')).toEqual(content('normalised'));
    expect(seen).toContain('saving');
    expect(queue.getStatus()).toBe('saved');
  });

  it('typing still shows pending at once, and a quiet update after it does not hide it', () => {
    const queue = new SaveQueue(fakeFile(() => null).backend);
    queue.schedule('s1', () => content('typed'));
    expect(queue.getStatus()).toBe('pending');
    queue.schedule('s1', () => content('typed'), { quiet: true });
    expect(queue.getStatus()).toBe('pending');
    queue.dispose();
  });
});
