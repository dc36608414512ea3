import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lexicalDocument, lexicalParagraph, lexicalText, type SerializedEditorStateJSON, type SerializedNode } from '../../shared/schemas/lexical';

/** Helpers shared by the core's tests: real files in a temporary folder, small Lexical documents. */

export function makeTempDir(prefix = 'pcs-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(filePath: string): string {
  return createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
}

/** Every file in a folder with its hash, to prove an operation changed nothing at all. */
export function folderSnapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => {
        const full = path.join(dir, name);
        return [name, fs.statSync(full).isDirectory() ? 'folder' : sha256(full)];
      }),
  );
}

export const text = lexicalText;

export function paragraph(...children: Array<string | SerializedNode>): SerializedNode {
  return lexicalParagraph(children.map((child) => (typeof child === 'string' ? lexicalText(child) : child)));
}

/** A document of paragraphs; each argument is a paragraph's text, or its text nodes. */
export function doc(...paragraphs: Array<string | Array<string | SerializedNode>>): SerializedEditorStateJSON {
  return lexicalDocument(paragraphs.map((p) => (Array.isArray(p) ? paragraph(...p) : paragraph(p))));
}

export const CREATE_DEFAULTS = { kind: 'full', visitDate: null, templateId: 'cpc-2024' } as const;
