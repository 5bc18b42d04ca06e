import { writeCsv } from '../../common/export/csv';
import { writeXlsx } from '../../common/export/xlsx';
import type { XlsxCell } from '../../common/export/xlsx';
import type { ReportLocale } from '../dto/report-queries';
import { formatDate, formatDecimal, formatInteger } from './locale-format';
import type { Cell, ReportTable } from './report-tables';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file, ready to send. */
export interface ReportFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

function cellText(cell: Cell, locale: ReportLocale): { value: string; number?: boolean } {
  if (cell === null) return { value: '' };
  if ('text' in cell) return { value: cell.text };
  if ('label' in cell) return { value: cell.label[locale] };
  if ('year' in cell) return { value: String(cell.year), number: true };
  if ('int' in cell) return { value: formatInteger(cell.int, locale), number: true };
  if ('money' in cell) return { value: formatInteger(cell.money, locale), number: true };
  if ('decimal' in cell) return { value: formatDecimal(cell.decimal, locale), number: true };
  return { value: formatDate(cell.date, locale) };
}

/**
 * The tables as one CSV document (UTF-8 with BOM, CRLF): for each table a title line, a header line,
 * its rows and a blank line. `en`: comma-separated, plain numbers, ISO dates; `id`: semicolon-
 * separated (what a spreadsheet set to Indonesian expects), 1.234.567,5 and dd/mm/yyyy.
 */
export function reportCsv(tables: ReportTable[], locale: ReportLocale): Buffer {
  const rows: Array<Array<{ value: string; number?: boolean }>> = [];
  tables.forEach((t, i) => {
    if (i > 0) rows.push([]);
    rows.push([{ value: t.title[locale] }]);
    rows.push(t.columns.map((c) => ({ value: c[locale] })));
    for (const row of t.rows) rows.push(row.map((cell) => cellText(cell, locale)));
  });
  return writeCsv(rows, locale === 'id' ? ';' : ',');
}

function workbookCell(cell: Cell, locale: ReportLocale): XlsxCell {
  if (cell === null) return null;
  if ('text' in cell) return cell.text;
  if ('label' in cell) return cell.label[locale];
  if ('year' in cell) return { number: cell.year };
  if ('int' in cell) return { int: cell.int };
  if ('money' in cell) return { money: cell.money };
  if ('decimal' in cell) return { decimal: cell.decimal };
  return { date: cell.date };
}

/**
 * The tables as an XLSX workbook, one sheet each: a bold header row, frozen and with filters;
 * numbers as numbers (counts #,##0, rupiah "Rp" #,##0, decimals #,##0.00; the spreadsheet shows
 * its reader's separators), dates as dates in yyyy-mm-dd (`en`) or dd/mm/yyyy (`id`).
 */
export function reportXlsx(tables: ReportTable[], locale: ReportLocale): Promise<Buffer> {
  return writeXlsx(
    tables.map((t) => ({ name: t.title[locale], rows: [t.columns.map((c) => ({ bold: c[locale] })), ...t.rows.map((row) => row.map((cell) => workbookCell(cell, locale)))] })),
    locale,
  );
}

/** The report as a file in `format`, named `<base>-<locale>.<ext>`. */
export async function reportFile(tables: ReportTable[], format: 'csv' | 'xlsx', locale: ReportLocale, base: string): Promise<ReportFile> {
  if (format === 'csv') return { content: reportCsv(tables, locale), contentType: 'text/csv; charset=utf-8', filename: `${base}-${locale}.csv` };
  return { content: await reportXlsx(tables, locale), contentType: XLSX_MEDIA_TYPE, filename: `${base}-${locale}.xlsx` };
}
