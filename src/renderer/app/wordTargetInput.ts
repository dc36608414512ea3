/**
 * A word target as typed: "4000", "4,000" or "4 000"; empty for no target. Returns the number
 * (or null) or a plain message saying what is wrong.
 */
export function parseWordTarget(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+$/.test(cleaned)) return { ok: false, message: 'Enter a whole number of words, such as 4000, or leave it empty for no target.' };
  const value = Number(cleaned);
  if (value < 1) return { ok: false, message: 'A word target must be more than nought. Leave it empty for no target.' };
  if (value > 1_000_000) return { ok: false, message: 'That word target is larger than any statement could need.' };
  return { ok: true, value };
}
