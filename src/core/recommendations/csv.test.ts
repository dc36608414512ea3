import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('the CSV writer (RFC 4180)', () => {
  it('leaves plain fields alone and ends each record with CRLF', () => {
    expect(toCsv([['A', 'Ensure the vision'], ['B', '']])).toBe('A,Ensure the vision\r\nB,\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('one, two')).toBe('"one, two"');
    expect(csvField('the “vision” and "plan"')).toBe('"the “vision” and ""plan"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('crlf\r\n')).toBe('"crlf\r\n"');
  });

  it('never lets a spreadsheet run a field as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
