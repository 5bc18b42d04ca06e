import PDFDocument from 'pdfkit';

/**
 * Printable A4 documents through pdfkit, in DejaVu Sans embedded from npm (so every Indonesian
 * name, "–", "…" and accented letter prints): wrapped text, "label: value" fields, headings kept
 * with what follows them, tables whose header repeats after a page break and whose header words are
 * never split, and a footer on every page.
 */

/** The embedded fonts, resolved where npm installed them (works from dist/ and from the tests alike). */
function fontFiles(): { regular: string; bold: string } {
  return { regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') };
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
} as const;

/** A date (YYYY-MM-DD or a Date, taken in UTC) as printed: "5 Desember 2026" or "5 December 2026". */
export function printedDate(value: string | Date, lang: 'en' | 'id'): string {
  const iso = typeof value === 'string' ? value : value.toISOString();
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Text style. */
export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** Left edge, from the left margin. */
  indent?: number;
  /** Extra space after the block, in points. */
  after?: number;
  /** Grey text, for notes. */
  muted?: boolean;
}

/** A table column: header, share of the width, alignment. */
export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** A table row: cells, cells in bold (a totals row), or one note across the whole width. */
export type TableRow = string[] | { bold: string[] } | { note: string };

/** Table options. */
export interface TableOptions {
  /** Font size of the cells. */
  size?: number;
  /** A bold caption above the table, kept on the page with the header and the first rows. */
  caption?: string;
}

const INK = '#000000';
const MUTED = '#555555';
const LINE = '#999999';

/** Builds a PDF top to bottom, breaking pages where needed. */
export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly margin = 48;
  private readonly footerSpace = 28;
  private y: number;

  constructor(
    meta: { title: string; author?: string; lang: 'en' | 'id' },
    private readonly footer: (page: number, pages: number) => string,
  ) {
    const fonts = fontFiles();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: this.margin, left: this.margin, right: this.margin, bottom: this.margin + this.footerSpace },
      bufferPages: true,
      lang: meta.lang,
      displayTitle: true,
      info: { Title: meta.title, Author: meta.author ?? 'Jalin', Producer: 'Jalin', Creator: 'Jalin' },
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.y = this.margin;
  }

  /** The usable width between the margins. */
  get contentWidth(): number {
    return A4.width - 2 * this.margin;
  }

  private get bottom(): number {
    return A4.height - this.margin - this.footerSpace;
  }

  private font(size: number, bold: boolean): PDFKit.PDFDocument {
    return this.doc.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  /** The width of `text` at `size`. */
  textWidth(text: string, size: number, bold = false): number {
    return this.font(size, bold).widthOfString(text);
  }

  private height(text: string, width: number, size: number, bold: boolean): number {
    return this.font(size, bold).heightOfString(text === '' ? ' ' : text, { width, lineGap: size * 0.2 });
  }

  /** Starts a new page. */
  newPage(): void {
    this.doc.addPage();
    this.y = this.margin;
  }

  /** Makes room for `height` points, breaking the page when they do not fit (unless the page is still empty). */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom && this.y > this.margin) this.newPage();
  }

  private draw(text: string, x: number, y: number, width: number, size: number, bold: boolean, options: { align?: 'left' | 'right'; muted?: boolean } = {}): void {
    this.font(size, bold)
      .fillColor(options.muted ? MUTED : INK)
      .text(text, x, y, { width, align: options.align ?? 'left', lineGap: size * 0.2 });
  }

  /** A block of wrapped text; a long one flows onto the next page. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const bold = style.bold ?? false;
    const indent = style.indent ?? 0;
    const width = this.contentWidth - indent;
    this.ensureSpace(Math.min(this.height(text, width, size, bold), size * 2.5));
    this.draw(text, this.margin + indent, this.y, width, size, bold, { muted: style.muted });
    this.y = this.doc.y + (style.after ?? 2);
  }

  /** A heading with space above it, kept on the page with at least `keep` points of what follows. */
  heading(text: string, size = 13, keep = 70): void {
    this.y += 6;
    this.ensureSpace(this.height(text, this.contentWidth, size, true) + keep);
    this.text(text, { size, bold: true, after: 4 });
  }

  /** "Label: value", the label in bold and the value wrapped beside it. */
  field(label: string, value: string): void {
    const size = 10;
    const labelWidth = Math.min(this.textWidth(`${label}: `, size, true), this.contentWidth * 0.4);
    const valueWidth = this.contentWidth - labelWidth;
    this.ensureSpace(Math.min(this.height(value, valueWidth, size, false), size * 2.5));
    const top = this.y;
    this.draw(`${label}:`, this.margin, top, labelWidth, size, true);
    const labelBottom = this.doc.y;
    this.draw(value, this.margin + labelWidth, top, valueWidth, size, false);
    this.y = Math.max(this.doc.y, labelBottom) + 1;
  }

  /** A horizontal rule across the page. */
  rule(): void {
    this.ensureSpace(10);
    this.y += 4;
    this.doc.moveTo(this.margin, this.y).lineTo(A4.width - this.margin, this.y).lineWidth(0.5).strokeColor(LINE).stroke();
    this.y += 6;
  }

  /** Vertical space. */
  space(points: number): void {
    this.y += points;
  }

  /**
   * A table: a bold header (repeated after a page break) whose words are never split (the header
   * type shrinks a little instead), wrapped cells, and lines between rows. The caption, the header
   * and the first rows stay together on one page.
   */
  table(columns: Column[], rows: TableRow[], options: TableOptions = {}): void {
    const size = options.size ?? 8.5;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const pad = 3;
    let headerSize = size;
    const longestWordFits = () =>
      columns.every((c, i) => c.header.split(/\s+/).every((word) => this.textWidth(word, headerSize, true) <= widths[i] - 2 * pad));
    while (headerSize > 4 && !longestWordFits()) headerSize -= 0.25;

    const rowHeight = (row: TableRow): number => {
      if ('note' in row) return this.height(row.note, this.contentWidth - 2 * pad, size, false) + 2 * pad;
      const cells = Array.isArray(row) ? row : row.bold;
      return Math.max(...cells.map((cell, i) => this.height(cell, widths[i] - 2 * pad, size, !Array.isArray(row)))) + 2 * pad;
    };
    const headerHeight = Math.max(...columns.map((c, i) => this.height(c.header, widths[i] - 2 * pad, headerSize, true))) + 2 * pad;
    const line = (y: number, weight: number) => this.doc.moveTo(this.margin, y).lineTo(A4.width - this.margin, y).lineWidth(weight).strokeColor(LINE).stroke();
    const paintHeader = () => {
      line(this.y, 0.6);
      let x = this.margin;
      columns.forEach((c, i) => {
        this.draw(c.header, x + pad, this.y + pad, widths[i] - 2 * pad, headerSize, true, { align: c.align });
        x += widths[i];
      });
      this.y += headerHeight;
      line(this.y, 0.6);
    };
    const paintRow = (row: TableRow, height: number) => {
      if ('note' in row) {
        this.draw(row.note, this.margin + pad, this.y + pad, this.contentWidth - 2 * pad, size, false, { muted: true });
      } else {
        const cells = Array.isArray(row) ? row : row.bold;
        let x = this.margin;
        cells.forEach((cell, i) => {
          if (cell !== '') this.draw(cell, x + pad, this.y + pad, widths[i] - 2 * pad, size, !Array.isArray(row), { align: columns[i].align });
          x += widths[i];
        });
      }
      this.y += height;
      line(this.y, 0.3);
    };

    const heights = rows.map(rowHeight);
    const captionHeight = options.caption ? this.height(options.caption, this.contentWidth, 10, true) + 2 : 0;
    this.ensureSpace(captionHeight + headerHeight + heights.slice(0, 2).reduce((a, b) => a + b, 0));
    if (options.caption) {
      this.y += 4;
      this.text(options.caption, { size: 10, bold: true, after: 2 });
    }
    paintHeader();
    rows.forEach((row, i) => {
      if (this.y + heights[i] > this.bottom) {
        this.newPage();
        paintHeader();
      }
      paintRow(row, heights[i]);
    });
    this.y += 8;
  }

  /** The finished file, with the footer on every page. */
  toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
      const bottomMargin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.draw(this.footer(i + 1, range.count), this.margin, A4.height - this.margin - 4, this.contentWidth, 7.5, false, { align: 'right', muted: true });
      this.doc.page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    return this.done;
  }
}
