import type { EvidenceItem, SearchHit } from '../../../shared/schemas/evidence';
import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';
import { CheckFailed } from './checkCommand';

const usage = [
  'pcs evidence add <file> <paths…> [--json]',
  'pcs evidence list <file> [--json]',
  'pcs evidence search <file> "<query>" [--json] [--limit N]',
].join('\n       ');

const LOCATOR_WORDS = { page: 'page', sheet: 'sheet', slide: 'slide', part: 'part' } as const;

/** The shape `pcs evidence list --json` prints for each item (documented in the README). */
function listEntry(item: EvidenceItem) {
  const { id, title, type, date, owner, sourceUrl, family, fileName, mime, size, hash, addedAt, pageCount, locatorKind, textStatus, message } = item;
  return { id, title, type, date, owner, sourceUrl, family, fileName, mime, size, hash, addedAt, pageCount, locatorKind, textStatus, message };
}

/** The shape `pcs evidence search --json` prints for each hit (documented in the README). */
function searchEntry(hit: SearchHit) {
  const snippet = hit.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
  return hit.source === 'evidence'
    ? { source: hit.source, itemId: hit.itemId, title: hit.title, page: hit.page, locatorKind: hit.locatorKind, snippet, score: hit.score }
    : { source: hit.source, sectionId: hit.sectionId, title: hit.title, page: null, snippet, score: hit.score };
}

export const evidenceCommand: CliCommand = {
  name: 'evidence',
  summary: 'Add files to an assessment’s evidence library, list it, or search it and the statement.',
  usage,
  async run(args, { loadCore, out, err }) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: 'boolean', default: false }, limit: { type: 'string' } },
      usage,
    );
    const [sub, file, ...rest] = positionals;
    if (!sub || !['add', 'list', 'search'].includes(sub)) throw new UsageError('Say what to do: add, list or search.', usage);
    if (!file) throw new UsageError('Give the assessment file.', usage);
    const core = await loadCore();
    const h = core.handlers;
    await h['assessment-open']({ path: file });

    if (sub === 'add') {
      if (rest.length === 0) throw new UsageError('Give one or more files to add.', usage);
      const result = await h['evidence-add']({ paths: rest });
      if (values.json) out(JSON.stringify({ added: result.added.map(listEntry), duplicates: result.duplicates, failed: result.failed }, null, 2));
      else {
        for (const item of result.added) out(`Added “${item.title}” (${item.fileName}, ${item.pageCount} ${LOCATOR_WORDS[item.locatorKind]}${item.pageCount === 1 ? '' : 's'})${item.message ? ` — ${item.message}` : ''}`);
        for (const d of result.duplicates) out(d.message);
        for (const f of result.failed) err(f.message);
      }
      if (result.failed.length > 0) throw new CheckFailed();
      return;
    }

    if (sub === 'list') {
      if (rest.length > 0) throw new UsageError('list takes only the assessment file.', usage);
      const items = await h['evidence-list']({});
      if (values.json) return out(JSON.stringify(items.map(listEntry), null, 2));
      if (items.length === 0) return out('The evidence library is empty.');
      for (const item of items) {
        out(`${item.id}  ${item.title}  (${item.type}${item.fileName ? `, ${item.fileName}` : ''}${item.sourceUrl ? `, ${item.sourceUrl}` : ''}, ${item.pageCount} ${LOCATOR_WORDS[item.locatorKind]}${item.pageCount === 1 ? '' : 's'}${item.textStatus === 'no-text' ? ', no text found' : ''})`);
      }
      return;
    }

    if (rest.length !== 1) throw new UsageError('Give the words to search for, in quotes.', usage);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 200)) throw new UsageError('--limit takes a number from 1 to 200.', usage);
    const hits = (await h['evidence-search']({ query: rest[0]!, limit })).map(searchEntry);
    if (values.json) return out(JSON.stringify(hits, null, 2));
    if (hits.length === 0) return out('Nothing found.');
    for (const hit of hits) {
      const where = hit.source === 'evidence' ? `${hit.title}, ${LOCATOR_WORDS[hit.locatorKind]} ${hit.page}` : `Statement: ${hit.title}`;
      out(`${where}\n  ${hit.snippet}`);
    }
  },
};
