/**
 * A pasted list with the same label twice ("B." on two lines: a typo, or two lists run together)
 * cannot be saved as it is: each recommendation needs its own label. The import dialog lets the
 * user choose what happens instead of making them edit the paste.
 */
export type DuplicateChoice = 'number-repeats' | 'keep-first';

interface Item {
  label: string;
  text: string;
}

export function duplicatedLabels(items: readonly Item[]): string[] {
  const seen = new Map<string, number>();
  for (const item of items) seen.set(item.label.toUpperCase(), (seen.get(item.label.toUpperCase()) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([label]) => label);
}

/**
 * 'number-repeats': every item kept, a repeat labelled B2, B3… (skipping any label already in
 * the list); 'keep-first': only the first item with each label.
 */
export function resolveDuplicates<T extends Item>(items: readonly T[], choice: DuplicateChoice): T[] {
  const used = new Set(items.map((i) => i.label.toUpperCase()));
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const key = item.label.toUpperCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
      continue;
    }
    if (choice === 'keep-first') continue;
    let n = 2;
    while (used.has(`${key}${n}`)) n++;
    const label = `${item.label}${n}`;
    used.add(label.toUpperCase());
    out.push({ ...item, label });
  }
  return out;
}
