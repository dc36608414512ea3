/**
 * Render counters the performance guards read (tests/e2e/performance.spec.ts): how many times a
 * view rendered, on `window.__pcsRenderCounts[what]`. Counts, not timings, so the guards hold on a
 * busy machine. One property write per render: nothing a user would notice.
 */
export function countRender(what: string): void {
  const w = window as unknown as { __pcsRenderCounts?: Record<string, number> };
  const counts = (w.__pcsRenderCounts ??= {});
  counts[what] = (counts[what] ?? 0) + 1;
}
