import fs from 'node:fs';
import path from 'node:path';
import { editorStateToJSON, parseEditorState } from '../../document/headless';
import type { SectionSummary } from '../../shared/schemas/section';
import type { TestCore } from './openTestCore';
import { doc, text } from './testFiles';

/** A saved citation node of `itemId`, showing `[label]`. */
export function citation(itemId: string, label: string, locator: string | null = null) {
  return { type: 'citation', version: 1, direction: null, format: '', indent: 0, itemId, locator, quote: null, children: [text(`[${label}]`)] };
}

/** Adds a small text file to the evidence library for each name; their item ids by name. */
export async function addTextEvidence(t: TestCore, names: readonly string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) {
    const file = path.join(t.dir, `${name}.txt`);
    fs.writeFileSync(file, `${name} document\nThe ${name} text.`);
    ids[name] = (await t.api['evidence-add']({ paths: [file] })).added[0]!.id;
  }
  return ids;
}

/** Saves one paragraph of `children` (text and citations) as the whole of a section, through the document model. */
export async function saveParagraph(t: TestCore, keyOrTitle: string, ...children: unknown[]): Promise<SectionSummary> {
  const section = await t.section(keyOrTitle);
  await t.api['section-save-content']({ id: section.id, content: editorStateToJSON(parseEditorState(doc(children as never))) });
  return section;
}
