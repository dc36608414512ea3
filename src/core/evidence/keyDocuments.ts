import type Database from 'better-sqlite3';
import type { EvidenceItem, KeyDocument } from '../../shared/schemas/evidence';
import { allCitations } from './citations';
import { listItems } from './evidenceStore';
import { relabelStoredCitations } from './citationNumbers';
import { AppError } from '../../shared/errors';

/**
 * The "Key and background documents" list, generated from the library, in the shape of a real
 * position statement's list: "1. Corporate Plan", "6. Budget and Budget Monitoring Report" with
 * "6a", "6b", "6c" beneath it.
 *
 * Order: items the user has placed (`keyOrder`) first, in that order; then the rest in order of
 * first citation in the statement; then any never cited, in the order they were added. A family
 * takes one number, at the place of its first member, headed by the family's name; its members
 * are lettered in their own order. A family of one is numbered as a single item.
 */
export function keyDocumentsList(db: Database.Database): KeyDocument[] {
  const firstCited = new Map<string, number>();
  allCitations(db).forEach((c, i) => {
    if (!firstCited.has(c.itemId)) firstCited.set(c.itemId, i);
  });
  return numberKeyDocuments(listItems(db), firstCited);
}

/** The numbering itself, on items and their first-citation positions (tested on its own). */
export function numberKeyDocuments(items: readonly EvidenceItem[], firstCited: ReadonlyMap<string, number>): KeyDocument[] {
  const added = new Map(items.map((item, i) => [item.id, i]));
  const sortKey = (item: EvidenceItem): [number, number] => {
    if (item.keyOrder !== null) return [0, item.keyOrder];
    const cited = firstCited.get(item.id);
    return cited !== undefined ? [1, cited] : [2, added.get(item.id)!];
  };
  const ordered = [...items].sort((a, b) => {
    const [ga, oa] = sortKey(a);
    const [gb, ob] = sortKey(b);
    return ga - gb || oa - ob || added.get(a.id)! - added.get(b.id)!;
  });
  const familySize = new Map<string, number>();
  for (const item of items) if (item.family) familySize.set(item.family, (familySize.get(item.family) ?? 0) + 1);

  const list: KeyDocument[] = [];
  const familyNumber = new Map<string, { number: number; members: EvidenceItem[] }>();
  let number = 0;
  // First pass: numbers in order, a family at its first member.
  const slots: Array<{ number: number; item?: EvidenceItem; family?: string }> = [];
  for (const item of ordered) {
    const family = item.family && (familySize.get(item.family) ?? 0) > 1 ? item.family : null;
    if (family) {
      const existing = familyNumber.get(family);
      if (existing) {
        existing.members.push(item);
        continue;
      }
      familyNumber.set(family, { number: ++number, members: [item] });
      slots.push({ number, family });
    } else {
      slots.push({ number: ++number, item });
    }
  }
  for (const slot of slots) {
    if (slot.item) {
      list.push({ label: String(slot.number), number: slot.number, letter: null, itemId: slot.item.id, title: slot.item.title });
      continue;
    }
    const family = familyNumber.get(slot.family!)!;
    list.push({ label: String(slot.number), number: slot.number, letter: null, itemId: null, title: slot.family! });
    family.members.forEach((member, i) => {
      const letter = letterFor(i);
      list.push({ label: `${slot.number}${letter}`, number: slot.number, letter, itemId: member.id, title: member.title });
    });
  }
  return list;
}

/** a, b, … z, aa, ab… */
function letterFor(index: number): string {
  let s = '';
  let n = index;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** The label citations show for each item ("6a", "11"), from the list above. */
export function citationLabels(list: readonly KeyDocument[]): Map<string, string> {
  return new Map(list.filter((d) => d.itemId !== null).map((d) => [d.itemId!, d.label]));
}

/**
 * The user's order for the key documents list: `itemIds` are numbered in this order (a family
 * at its first member, its members lettered in their order here). Items left out go after them,
 * in order of first citation. One transaction: the list is never half reordered.
 */
export function reorderKeyDocuments(db: Database.Database, itemIds: readonly string[]): KeyDocument[] {
  if (new Set(itemIds).size !== itemIds.length) throw new AppError('invalid-input', 'The new order names a document twice. Please try again.');
  const known = new Set(listItems(db).map((i) => i.id));
  if (itemIds.some((id) => !known.has(id))) throw new AppError('not-found', 'A document in the new order is no longer in the library. Please try again.');
  const setOrder = db.prepare('UPDATE evidence_items SET key_order = ? WHERE id = ?');
  db.transaction(() => {
    db.prepare('UPDATE evidence_items SET key_order = NULL').run();
    itemIds.forEach((id, i) => setOrder.run(i, id));
    renumberStoredCitations(db);
  })();
  return keyDocumentsList(db);
}

/**
 * Brings the citation text stored in every section in line with this list (see
 * relabelStoredCitations): call it in the same transaction as any change that can renumber it.
 */
export function renumberStoredCitations(db: Database.Database): string[] {
  return relabelStoredCitations(db, () => citationLabels(keyDocumentsList(db)));
}
