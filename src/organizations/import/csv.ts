/**
 * A small RFC 4180 CSV reader for spreadsheet exports: quoted fields, doubled quotes inside them,
 * line breaks inside quotes, CRLF, LF or CR line ends, a leading byte-order mark, and a comma or a
 * semicolon as delimiter (spreadsheets in Indonesian locales write semicolons, since the comma is
 * the decimal mark there).
 *
 * Lenient where spreadsheets are sloppy and RFC 4180 is strict: a quote inside an unquoted field is
 * kept as a character, and text between a closing quote and the next delimiter is appended to the
 * field. Only a quote that is never closed is an error, since everything after it would be one field.
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

/** Index of the first delimiter or line end at or after `from`, or the text's length. */
function endOfField(text: string, from: number, delimiter: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === delimiter || c === LF || c === CR) break;
    j++;
  }
  return j;
}

/** Splits CSV text into records of cells; the delimiter is detected from the header unless given. */
export function parseCsv(input: string, delimiter?: CsvDelimiter): CsvParseResult {
  const text = input.charCodeAt(0) === BOM ? input.slice(1) : input;
  const delim = delimiter ?? detectDelimiter(text);
  const d = delim.charCodeAt(0);
  const records: string[][] = [];
  const n = text.length;
  if (n === 0) return { delimiter: delim, records };

  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let start = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', start);
        if (q === -1) return { delimiter: delim, records, error: { code: 'unterminated_quote', record: records.length + 1 } };
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(start, q + 1);
          start = q + 2;
          continue;
        }
        value += text.slice(start, q);
        i = q + 1;
        break;
      }
      const end = endOfField(text, i, d);
      if (end > i) value += text.slice(i, end);
      i = end;
    } else {
      const end = endOfField(text, i, d);
      value = text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (i >= n) {
      records.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    i += c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(row);
    row = [];
    // A line end at the very end of the file closes the last record; it does not open another.
    if (i >= n) break;
  }
  return { delimiter: delim, records };
}
