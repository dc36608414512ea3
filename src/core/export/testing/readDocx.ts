import { execFileSync } from 'node:child_process';

/**
 * Tests only: reads an exported .docx without the code that wrote it — `unzip -p` for the parts,
 * regular expressions over the WordprocessingML — so a test sees what Word would see.
 */
export function docxPart(file: string, part: string): string {
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a piece of XML: its w:t elements joined. */
export function xmlText(xml: string): string {
  return decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** Each paragraph of the body with its style id and text. */
export function paragraphs(documentXml: string): Array<{ style: string | null; text: string; xml: string }> {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: xmlText(m[0]),
    xml: m[0],
  }));
}

/** The headings of the body (not the contents), as Word's navigation pane lists them. */
export function headings(documentXml: string): Array<{ level: number; text: string }> {
  const body = documentXml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '');
  return paragraphs(body)
    .filter((p) => p.style !== null && /^Heading[1-6]$/.test(p.style))
    .map((p) => ({ level: Number(p.style!.slice(-1)), text: p.text }));
}

/** The entries of the table of contents, as written in the file (before Word refreshes it). */
export function contentsEntries(documentXml: string): Array<{ level: number; text: string }> {
  const sdt = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(documentXml)?.[0] ?? '';
  return paragraphs(sdt)
    .filter((p) => p.style !== null && /^TOC[1-9]$/i.test(p.style))
    .map((p) => ({ level: Number(p.style!.slice(-1)), text: p.text.replace(/\t.*$/, '').trim() }));
}

/** The PDF's outline (bookmarks) titles, decoded from their UTF-16 hex strings. */
export function pdfOutlineTitles(pdf: Buffer): string[] {
  const titles: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/\/Title\s*<FEFF([0-9A-Fa-f]*)>/g)) {
    const hex = m[1]!;
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    titles.push(s);
  }
  for (const m of pdf.toString('latin1').matchAll(/\/Title\s*\(([^)]*)\)/g)) titles.push(m[1]!);
  return titles;
}
