import type { KeyDocument } from '../../shared/schemas/evidence';

/** A numbered entry of the key documents list: one item, or a family with its lettered members. */
export interface KeyEntry {
  key: string;
  label: string;
  title: string;
  /** The single item's id, or the family's members in their order. */
  itemIds: string[];
  family: boolean;
}

/** The list's lines grouped into numbered entries. */
export function keyEntries(list: readonly KeyDocument[]): KeyEntry[] {
  const entries: KeyEntry[] = [];
  for (const d of list) {
    if (d.letter === null) {
      entries.push({ key: d.itemId ?? `family:${d.title}`, label: d.label, title: d.title, itemIds: d.itemId ? [d.itemId] : [], family: d.itemId === null });
    } else {
      entries[entries.length - 1]?.itemIds.push(d.itemId!);
    }
  }
  return entries;
}

/** Every item id in list order after moving entry `index` by `by` (-1 up, +1 down); null if it cannot move. */
export function moveEntry(entries: readonly KeyEntry[], index: number, by: -1 | 1): string[] | null {
  const to = index + by;
  if (to < 0 || to >= entries.length) return null;
  const next = [...entries];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next.flatMap((e) => e.itemIds);
}

/** Every item id in list order after moving member `member` of family entry `index` by `by`; null if it cannot. */
export function moveMember(entries: readonly KeyEntry[], index: number, member: number, by: -1 | 1): string[] | null {
  const entry = entries[index];
  const to = member + by;
  if (!entry || to < 0 || to >= entry.itemIds.length) return null;
  const ids = [...entry.itemIds];
  [ids[member], ids[to]] = [ids[to]!, ids[member]!];
  return entries.flatMap((e, i) => (i === index ? ids : e.itemIds));
}
