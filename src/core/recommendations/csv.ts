/**
 * A small RFC 4180 CSV writer: fields with a comma, quote or line break are quoted and quotes
 * doubled; records end with CRLF. A field that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) gets a leading apostrophe, so opening an exported
 * matrix never runs text someone typed into a recommendation (CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
