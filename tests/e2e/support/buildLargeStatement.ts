/**
 * Builds a large statement with the real core, for tests/e2e/performance.spec.ts: run with
 * `node --import tsx tests/e2e/support/buildLargeStatement.ts <file> <sections>` (the core's JSON
 * imports need tsx, not Playwright's loader). Each section is added and saved as the app does.
 */
import { dirname, join } from 'node:path';
import { createCore } from '../../../src/core';
import { createDispatcher } from '../../../src/core/dispatch';
import { createWebShellHandlers } from '../../../src/web/shellHandlers';

function paragraph(text: string) {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
    },
  };
}

async function main(file: string, count: number) {
  const core = createCore({ configDir: join(dirname(file), 'build-config') });
  const dispatch = createDispatcher({ ...core.handlers, ...createWebShellHandlers({ version: 'e2e' }) });
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const e = await dispatch(method, args);
    if (!e.ok) throw new Error(`${method}: ${JSON.stringify(e.error)}`);
    return e.value as T;
  };
  await call('assessment-create', { path: file, councilName: 'Largeton Council' });
  const chapters = (await call<Array<{ id: string; depth: number }>>('sections-list')).filter((s) => s.depth === 0);
  for (let i = 0; i < count; i++) {
    const parent = chapters[Math.floor((i * chapters.length) / count)]!;
    const added = await call<{ id: string }>('section-add', { parentId: parent.id, title: `Evidence note ${i + 1}` });
    await call('section-save-content', { id: added.id, content: paragraph(`Note ${i + 1} on how the council works with its partners.`) });
  }
  await call('assessment-close');
  core.close();
}

main(process.argv[2]!, Number(process.argv[3])).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
