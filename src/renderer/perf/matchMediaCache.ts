/**
 * Makes `window.matchMedia(query)` hand back the same MediaQueryList for the same query.
 *
 * Why: react-aria's drag and drop asks `matchMedia('(pointer: coarse)')` in every render of every
 * draggable binder row (to tell touch from mouse), and the tree renders every row on each
 * selection and focus change. Each call builds a new MediaQueryList and parses the query: a
 * profile of section switching at 77 rows showed it as 7% of the CPU time. A MediaQueryList is
 * live (its `matches` follows the page, and its listeners fire on changes), so one object per
 * query answers exactly as a new one would.
 */
export function cacheMatchMedia(target: Window = window): void {
  const original = target.matchMedia?.bind(target);
  if (!original) return;
  const lists = new Map<string, MediaQueryList>();
  target.matchMedia = (query: string): MediaQueryList => {
    let list = lists.get(query);
    if (!list) {
      list = original(query);
      lists.set(query, list);
    }
    return list;
  };
}
