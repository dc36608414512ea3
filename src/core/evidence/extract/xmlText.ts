import { Parser } from 'htmlparser2';

/**
 * The text of an XML part (Office Open XML), with a line break after each element named in
 * `breakAfter` (a paragraph, a row) and a tab after each in `tabAfter` (a cell). Only elements
 * named in `textIn` contribute text, e.g. `w:t`, `a:t`.
 */
export function xmlText(xml: string, options: { textIn: string[]; breakAfter?: string[]; tabAfter?: string[] }): string {
  const textIn = new Set(options.textIn);
  const breakAfter = new Set(options.breakAfter ?? []);
  const tabAfter = new Set(options.tabAfter ?? []);
  let depth = 0;
  let out = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (textIn.has(name)) depth++;
      },
      ontext(text) {
        if (depth > 0) out += text;
      },
      onclosetag(name) {
        if (textIn.has(name)) depth--;
        if (tabAfter.has(name)) out += '\t';
        if (breakAfter.has(name)) out += '\n';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

/** Each element `tag`'s text, in order (shared strings, titles). */
export function xmlElementsText(xml: string, tag: string, textIn: string[]): string[] {
  const results: string[] = [];
  const textTags = new Set(textIn);
  let inside = false;
  let inText = 0;
  let current = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === tag) {
          inside = true;
          current = '';
        }
        if (textTags.has(name)) inText++;
      },
      ontext(text) {
        if (inside && inText > 0) current += text;
      },
      onclosetag(name) {
        if (textTags.has(name)) inText--;
        if (name === tag) {
          inside = false;
          results.push(current);
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return results;
}

/** `dc:title` from docProps/core.xml, when the document has one. */
export function coreTitle(coreXml: string | undefined): string | null {
  if (!coreXml) return null;
  const title = xmlElementsText(coreXml, 'dc:title', ['dc:title'])[0]?.trim();
  return title ? title : null;
}
