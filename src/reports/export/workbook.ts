import { columnName, escapeXml } from '../../common/export/xlsx';
import { writeZip } from '../../common/export/zip';

/**
 * A cell of a report workbook: text, bold text, a plain number (a year: no thousands separator), a
 * whole number (#,##0), a decimal (#,##0.00) or a date (a real date cell, in the workbook's date format).
 */
export type WorkbookCell = string | { bold: string } | { number: number } | { int: string | number } | { decimal: number } | { date: string } | null;

/** One sheet: a name (at most 31 characters, unique in the workbook), rows and column widths. */
export interface Sheet {
  name: string;
  rows: WorkbookCell[][];
  widths: number[];
}

/** Days since 1899-12-30, the spreadsheet date serial of a YYYY-MM-DD date. */
export function dateSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000);
}

// Styles: 0 plain, 1 bold, 2 integer #,##0, 3 decimal #,##0.00, 4 date (custom format 164).
function cellXml(cell: WorkbookCell, ref: string): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  if ('bold' in cell) return `<c r="${ref}" s="1" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.bold)}</t></is></c>`;
  if ('number' in cell) return `<c r="${ref}"><v>${String(cell.number)}</v></c>`;
  if ('int' in cell) return `<c r="${ref}" s="2"><v>${String(cell.int)}</v></c>`;
  if ('decimal' in cell) return `<c r="${ref}" s="3"><v>${String(cell.decimal)}</v></c>`;
  return `<c r="${ref}" s="4"><v>${dateSerial(cell.date)}</v></c>`;
}

function sheetXml(sheet: Sheet): string {
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`)).join('')}</row>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows}</sheetData></worksheet>`
  );
}

/**
 * An XLSX workbook of several sheets, built on the same dependency-free ZIP writer as the plan
 * exports: inline strings, number formats for counts, rupiah and decimals, and real date cells in
 * `dateFormat` (e.g. "yyyy-mm-dd" or "dd/mm/yyyy"). Opens in Excel, LibreOffice and Google Sheets.
 */
export function writeWorkbook(sheets: Sheet[], dateFormat: string): Buffer {
  const names = new Set<string>();
  const safeNames = sheets.map((s, i) => {
    let name = s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || `Sheet${i + 1}`;
    while (names.has(name.toLowerCase())) name = `${name.slice(0, 28)} ${i + 1}`;
    names.add(name.toLowerCase());
    return name;
  });
  const overrides = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const parts: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        overrides +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        safeNames.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    [
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(dateFormat)}"/></numFmts>` +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '</styleSheet>',
    ],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return writeZip(parts.map(([name, xml]) => ({ name, data: Buffer.from(xml, 'utf8') })));
}
