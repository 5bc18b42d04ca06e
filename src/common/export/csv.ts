/** The field separators the CSV export offers. */
export type CsvSeparator = ',' | ';';

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break; text a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe.
 * Amounts are passed as plain digit strings and never start with those characters.
 */
export function csvField(value: string, separator: CsvSeparator, isNumber = false): string {
  const safe = !isNumber && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: UTF-8 with a byte-order mark (so Excel reads the accents), CRLF line ends. */
export function writeCsv(rows: Array<Array<{ value: string; number?: boolean }>>, separator: CsvSeparator): Buffer {
  const body = rows.map((row) => row.map((c) => csvField(c.value, separator, c.number)).join(separator)).join('\r\n');
  return Buffer.from(`\ufeff${body}\r\n`, 'utf8');
}
