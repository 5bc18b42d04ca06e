import { CsvError, parse } from 'csv-parse/sync';

/**
 * Reading spreadsheet exports with csv-parse: RFC 4180 quoted fields, doubled quotes inside them,
 * line breaks inside quotes, CRLF, LF or CR line ends, a leading byte-order mark, and a comma or a
 * semicolon as delimiter (spreadsheets in Indonesian locales write semicolons, since the comma is
 * the decimal mark there).
 *
 * Lenient where spreadsheets are sloppy and RFC 4180 is strict: a quote that does not open a field
 * is kept as a character. Only a quote that is never closed is an error, since everything after it
 * would be one field.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  /** Every record in order; record 0 is the header. A blank line is a record with one empty cell. */
  records: string[][];
  /** Set when a quoted field is never closed: the records before it are returned. */
  error?: { code: 'unterminated_quote'; /** 1-based record number where the quoted field starts. */ record: number };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/** Decodes a file as UTF-8, dropping a byte-order mark; null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    // TextDecoder drops a leading BOM unless told otherwise.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The delimiter of the first line: a semicolon when it has more semicolons than commas outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = text.charCodeAt(0) === BOM ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      if (c === LF || c === CR) break;
      if (c === COMMA) commas++;
      else if (c === SEMICOLON) semicolons++;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/** Splits CSV text into records of cells (through csv-parse); the delimiter is detected from the header unless given. */
export function parseCsv(input: string, delimiter?: CsvDelimiter): CsvParseResult {
  const text = input.charCodeAt(0) === BOM ? input.slice(1) : input;
  const delim = delimiter ?? detectDelimiter(text);
  // Collected as they are read, so the records before an unclosed quote are still there when it fails.
  const records: string[][] = [];
  try {
    parse(text, {
      delimiter: delim,
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED') return { delimiter: delim, records, error: { code: 'unterminated_quote', record: records.length + 1 } };
    throw err;
  }
  return { delimiter: delim, records };
}
