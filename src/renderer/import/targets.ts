import type { ImportPlanSummary, ImportTarget } from '../../shared/contracts/import';

/** A target as one value of the "Goes to" list: "chapter:theme.finance", "subsection:…", "focus-area". */
export function targetKey(target: ImportTarget): string {
  return target.kind === 'focus-area' ? 'focus-area' : `${target.kind}:${target.ref}`;
}

export function targetFromKey(key: string): ImportTarget {
  if (key === 'focus-area') return { kind: 'focus-area' };
  const cut = key.indexOf(':');
  return { kind: key.slice(0, cut) as 'chapter' | 'subsection', ref: key.slice(cut + 1) };
}

/** Every place a part can go, in the binder's order: each chapter, then a new subsection under it. */
export function targetOptions(plan: ImportPlanSummary): Array<{ key: string; label: string }> {
  const options = plan.chapters.flatMap((c) => [
    { key: `chapter:${c.ref}`, label: c.title },
    { key: `subsection:${c.ref}`, label: `New subsection under “${c.title}”` },
  ]);
  return [...options, { key: 'focus-area', label: 'A new focus area' }];
}

/** The user's changes: only the parts whose place differs from the proposal. */
export function overridesFor(plan: ImportPlanSummary, chosen: ReadonlyMap<number, string>) {
  return plan.parts
    .filter((p) => chosen.has(p.index) && chosen.get(p.index) !== targetKey(p.proposed))
    .map((p) => ({ index: p.index, target: targetFromKey(chosen.get(p.index)!) }));
}
