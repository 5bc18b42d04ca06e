import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';

/**
 * A cell of a workbook: text, bold text, a plain number (a year: no thousands separator), a whole
 * number (#,##0), rupiah ("Rp" #,##0), a decimal (#,##0.00) or a date (a real date cell).
 * Whole numbers and rupiah come as digit strings or numbers; beyond what a spreadsheet holds exactly
 * (2^53) they are written as text, so no digit is ever lost.
 */
export type XlsxCell = string | { bold: string } | { number: number } | { int: string | number } | { money: string | number } | { decimal: number } | { date: string } | null;

/** One sheet: a name (at most 31 characters; made unique), rows whose first is the header, and column widths. */
export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  /** Widths in characters; computed from the content when left out. */
  widths?: number[];
  /** How many rows after the header the filter covers (e.g. not a totals block); all rows when left out. */
  filterRows?: number;
}

/** The file's language: Indonesian workbooks show dates as dd/mm/yyyy, English ones as yyyy-mm-dd. */
export type XlsxLocale = 'en' | 'id';

/** The number formats. Excel shows its reader's own thousands separator (a dot in Indonesian). */
export const XLSX_FORMATS = {
  int: '#,##0',
  money: '"Rp" #,##0',
  decimal: '#,##0.00',
  date: { en: 'yyyy-mm-dd', id: 'dd/mm/yyyy' },
} as const;

/** Whether XML 1.0 can hold a character at all (C0 controls other than tab and line ends, U+FFFE and U+FFFF it cannot). */
const xmlChar = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};

/** Text with the characters XML cannot hold dropped, rather than a workbook that does not open. */
const xmlSafe = (s: string): string => [...s].filter(xmlChar).join('');

/** A digit string or number as a number when a spreadsheet holds it exactly, else as text. */
function exactNumber(value: string | number): number | string {
  if (typeof value === 'number') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** The text a cell shows, to size the column. */
function shownLength(cell: XlsxCell): number {
  if (cell === null) return 0;
  if (typeof cell === 'string') return Math.max(...cell.split('\n').map((l) => l.length));
  if ('bold' in cell) return cell.bold.length;
  if ('date' in cell) return 10;
  if ('money' in cell) return String(cell.money).length * 1.35 + 3;
  if ('int' in cell) return String(cell.int).length * 1.35;
  if ('decimal' in cell) return String(Math.round(cell.decimal)).length * 1.35 + 3;
  return String(cell.number).length;
}

function writeCell(sheet: Worksheet, row: number, column: number, cell: XlsxCell, locale: XlsxLocale): void {
  if (cell === null || cell === '') return;
  const target = sheet.getCell(row, column);
  if (typeof cell === 'string') target.value = xmlSafe(cell);
  else if ('bold' in cell) {
    target.value = xmlSafe(cell.bold);
    target.font = { bold: true };
  } else if ('number' in cell) target.value = cell.number;
  else if ('int' in cell || 'money' in cell) {
    const value = exactNumber('int' in cell ? cell.int : cell.money);
    target.value = value;
    if (typeof value === 'number') target.numFmt = 'int' in cell ? XLSX_FORMATS.int : XLSX_FORMATS.money;
    else target.alignment = { horizontal: 'right' };
  } else if ('decimal' in cell) {
    target.value = cell.decimal;
    target.numFmt = XLSX_FORMATS.decimal;
  } else {
    target.value = new Date(`${cell.date}T00:00:00Z`);
    target.numFmt = XLSX_FORMATS.date[locale];
  }
}

/** Sheet names Excel accepts: no \ / ? * [ ] :, at most 31 characters, unique regardless of case. */
function sheetNames(sheets: XlsxSheet[]): string[] {
  const taken = new Set<string>();
  return sheets.map((s, i) => {
    let name = s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || `Sheet${i + 1}`;
    while (taken.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${i + 1}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * An XLSX workbook of one or more sheets, written by exceljs: the first row of each sheet is a bold
 * header, frozen and with filters; numbers are numbers (counts #,##0, rupiah "Rp" #,##0, decimals
 * #,##0.00), dates are date cells, and columns are as wide as their content (within reason).
 */
export async function writeXlsx(sheets: XlsxSheet[], locale: XlsxLocale): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Jalin';
  // A fixed stamp: the same data gives the same workbook.
  workbook.created = new Date('2000-01-01T00:00:00Z');
  workbook.modified = workbook.created;
  const names = sheetNames(sheets);
  sheets.forEach((s, i) => {
    const columns = Math.max(1, ...s.rows.map((r) => r.length));
    const sheet = workbook.addWorksheet(names[i], { views: s.rows.length > 0 ? [{ state: 'frozen', ySplit: 1, xSplit: 0 }] : [] });
    s.rows.forEach((cells, r) => cells.forEach((cell, c) => writeCell(sheet, r + 1, c + 1, cell, locale)));
    if (s.rows.length > 0) {
      sheet.getRow(1).font = { bold: true };
      const last = 1 + Math.min(s.filterRows ?? s.rows.length - 1, s.rows.length - 1);
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: columns } };
    }
    for (let c = 0; c < columns; c++) {
      const content = Math.max(0, ...s.rows.map((r) => shownLength(r[c] ?? null)));
      // Room for the filter button beside the header.
      const width = s.widths?.[c] ?? Math.min(60, Math.max(8, Math.ceil(content) + 2, shownLength(s.rows[0]?.[c] ?? null) + 4));
      sheet.getColumn(c + 1).width = width;
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
