import { Workbook } from 'exceljs';

/** A cell value as a spreadsheet reads it: text, a number, a date, or undefined for an empty cell. */
export type XlsxValue = string | number | Date | undefined;

/** One sheet read back: values by row (0-based), number formats by A1 reference, frozen rows and the filter range. */
export interface ReadSheet {
  rows: XlsxValue[][];
  formats: Map<string, string>;
  frozenRows: number;
  autoFilter: string | undefined;
  widths: number[];
}

/** Reads an XLSX workbook with exceljs, as a spreadsheet program would: sheets in order, by name. */
export async function readXlsx(buffer: Buffer): Promise<Map<string, ReadSheet>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets = new Map<string, ReadSheet>();
  workbook.eachSheet((sheet) => {
    const rows: XlsxValue[][] = [];
    const formats = new Map<string, string>();
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: XlsxValue[] = [];
      sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        row[c - 1] = v === null ? undefined : typeof v === 'object' && !(v instanceof Date) ? String((v as { text?: string }).text ?? v) : (v as XlsxValue);
        if (cell.numFmt) formats.set(cell.address, cell.numFmt);
      });
      rows.push(row);
    }
    const view = sheet.views?.[0] as { state?: string; ySplit?: number } | undefined;
    const filter = sheet.autoFilter;
    const widths: number[] = [];
    // exceljs leaves out a width equal to its default, 9.
    for (let c = 1; c <= sheet.columnCount; c++) widths.push(sheet.getColumn(c).width ?? 9);
    sheets.set(sheet.name, { rows, formats, frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0, autoFilter: typeof filter === 'string' ? filter : undefined, widths });
  });
  return sheets;
}
