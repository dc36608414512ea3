/** One place for "now", so every timestamp in the file has the same ISO 8601 UTC form. */
export function nowIso(): string {
  return new Date().toISOString();
}
