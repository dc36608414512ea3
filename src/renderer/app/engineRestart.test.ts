import { describe, expect, it } from 'vitest';
import { emptyEditorState, type SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { SaveQueue } from '../save/saveQueue';
import { resendAfterRestart } from './engineRestart';

function content(text: string): SerializedEditorStateJSON {
  const state = emptyEditorState();
  (state.root.children[0] as { children: unknown[] }).children.push({ type: 'text', version: 1, text });
  return state;
}

/** The core as the page sees it across a crash: down, then up with nothing open, then reopened. */
function crashingCore() {
  let state: 'down' | 'nothing-open' | 'reopened' = 'down';
  const stored = new Map<string, SerializedEditorStateJSON>();
  const queue = new SaveQueue({
    async save(id, c) {
      if (state === 'down') throw Object.assign(new Error('The part … stopped unexpectedly.'), { code: 'internal' });
      if (state === 'nothing-open') throw Object.assign(new Error('Open or create an assessment first.'), { code: 'no-assessment-open' });
      stored.set(id, c);
      return { id, wordCount: 1, revision: 2, updatedAt: '' };
    },
  });
  return { queue, stored, set: (next: typeof state) => (state = next) };
}

describe('after the engine restarts (core crash), the page’s unsaved text is sent again', () => {
  it('text that failed as the core went down is saved once it is open again', async () => {
    const core = crashingCore();
    core.queue.schedule('s1', () => content('Typed as it crashed'));
    await core.queue.flush();
    expect(core.queue.getStatus()).toBe('error');
    core.set('reopened');
    await resendAfterRestart(core.queue);
    expect(core.stored.get('s1')).toEqual(content('Typed as it crashed'));
    expect(core.queue.getStatus()).toBe('saved');
    core.queue.dispose();
  });

  it('text refused while nothing was open (held) is sent again, not left held', async () => {
    const core = crashingCore();
    core.set('nothing-open');
    core.queue.schedule('s1', () => content('Typed during the restart'));
    await core.queue.flush();
    expect(core.queue.hasHeld()).toBe(true);
    core.set('reopened');
    await resendAfterRestart(core.queue);
    expect(core.stored.get('s1')).toEqual(content('Typed during the restart'));
    expect(core.queue.hasHeld()).toBe(false);
    expect(core.queue.getStatus()).toBe('saved');
    core.queue.dispose();
  });
});
