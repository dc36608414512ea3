import { MIME_TYPES, ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';
import { coreTitle, xmlElementsText, xmlText } from './xmlText';
import { unzipParts } from './zipGuard';

/**
 * One page per sheet: each row's cell values, tab-separated. Read straight from the Office Open XML
 * parts (shared strings, inline strings and values) after the zip checks: search needs the words
 * and numbers, not formulas or formatting, and this keeps the workbook's code paths out of it.
 */
export async function extractXlsx(data: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const parts = unzipParts(
    data,
    limits,
    (name) => name === 'xl/workbook.xml' || name === 'xl/sharedStrings.xml' || name === 'docProps/core.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name),
  );
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) throw new ExtractionError('The file’s name says it is an Excel workbook, but its content is not. It may be damaged or renamed.');
  const shared = parts.has('xl/sharedStrings.xml') ? xmlElementsText(parts.get('xl/sharedStrings.xml')!, 'si', ['t']) : [];
  const sheetNames = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]!);
  const sheets = [...parts.keys()]
    .filter((name) => name.startsWith('xl/worksheets/'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const pages = sheets.slice(0, limits.maxPages).map((name, i) => {
    const rows: string[] = [];
    // Each cell: <c r=".." t="s|inlineStr|str|n|b"><v>..</v> or <is><t>..</t></is></c>.
    for (const row of parts.get(name)!.split(/<\/row>/)) {
      const cells: string[] = [];
      for (const cell of row.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cell[1] ?? '';
        const body = cell[2] ?? '';
        const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
        if (type === 'inlineStr') cells.push(xmlText(body, { textIn: ['t'] }));
        else {
          const value = xmlText(`<v0>${body}</v0>`, { textIn: ['v'] });
          cells.push(type === 's' ? (shared[Number(value)] ?? '') : value);
        }
      }
      const line = cells.filter((c) => c !== '').join('\t');
      if (line) rows.push(line);
    }
    const sheetName = sheetNames[i];
    return (sheetName ? `${sheetName}\n` : '') + rows.join('\n');
  });
  return { kind: 'xlsx', mime: MIME_TYPES.xlsx, title: coreTitle(parts.get('docProps/core.xml')), locatorKind: 'sheet', pages };
}
