/**
 * A small, dependency-free PDF writer for printable A4 documents: text in Helvetica and
 * Helvetica-Bold (the standard fonts every PDF reader has, WinAnsi-encoded), word wrapping with the
 * fonts' real widths, horizontal rules, simple tables with wrapped cells and repeated headers,
 * automatic page breaks and a page-number footer. Enough for a plan to be printed and signed;
 * not a layout engine.
 */

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

// Advance widths (1/1000 em) of the printable ASCII characters 32–126, from Adobe's Helvetica AFM files.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
  611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
  278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

// Unicode punctuation that WinAnsiEncoding places in 0x80–0x9F.
const WIN_ANSI: Record<string, number> = {
  '\u20ac': 0x80, '\u201a': 0x82, '\u0192': 0x83, '\u201e': 0x84, '\u2026': 0x85, '\u2020': 0x86, '\u2021': 0x87, '\u02c6': 0x88, '\u2030': 0x89, '\u0160': 0x8a, '\u2039': 0x8b, '\u0152': 0x8c,
  '\u017d': 0x8e, '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2022': 0x95, '\u2013': 0x96, '\u2014': 0x97, '\u02dc': 0x98, '\u2122': 0x99, '\u0161': 0x9a, '\u203a': 0x9b,
  '\u0153': 0x9c, '\u017e': 0x9e, '\u0178': 0x9f,
};

/** The WinAnsi byte of a character: Latin-1 as is, common punctuation mapped, anything else "?". */
function winAnsi(ch: string): number {
  const code = ch.codePointAt(0) ?? 63;
  if (code === 9) return 32;
  if ((code >= 32 && code <= 126) || (code >= 160 && code <= 255)) return code;
  return WIN_ANSI[ch] ?? 63;
}

/** The width of `text` in points at `size`. */
export function textWidth(text: string, size: number, bold = false): number {
  const widths = bold ? HELVETICA_BOLD : HELVETICA;
  let units = 0;
  for (const ch of text) {
    const b = winAnsi(ch);
    units += b >= 32 && b <= 126 ? widths[b - 32] : 556;
  }
  return (units * size) / 1000;
}

/** A PDF literal string of `text`, WinAnsi bytes, with everything outside printable ASCII escaped. */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const b = winAnsi(ch);
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b >= 32 && b <= 126) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** Splits text into lines no wider than `width`; breaks inside a word only when the word alone is too wide. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate, size, bold) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (textWidth(rest, size, bold) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), size, bold) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Text style. */
export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** Left edge, from the left margin. */
  indent?: number;
  /** Extra space after the block, in points. */
  after?: number;
}

/** A table column: header, share of the width, alignment. */
export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** Builds a PDF page by page, top to bottom. */
export class PdfWriter {
  private readonly pages: string[][] = [];
  private ops: string[] = [];
  private y = 0;
  private readonly margin = 48;
  private readonly footerSpace = 28;

  constructor(private readonly footer: (page: number, pages: number) => string = (p, n) => `${p} / ${n}`) {
    this.newPage();
  }

  /** The usable width between the margins. */
  get contentWidth(): number {
    return A4.width - 2 * this.margin;
  }

  /** Starts a new page. */
  newPage(): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = A4.height - this.margin;
  }

  /** Makes room for `height` points, breaking the page when they do not fit. */
  ensureSpace(height: number): void {
    if (this.y - height < this.margin + this.footerSpace) this.newPage();
  }

  private textAt(x: number, baseline: number, text: string, size: number, bold: boolean): void {
    this.ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(2)} ${baseline.toFixed(2)} Td ${pdfString(text)} Tj ET`);
  }

  /** A block of wrapped text. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const bold = style.bold ?? false;
    const indent = style.indent ?? 0;
    const leading = size * 1.3;
    for (const line of wrapText(text, this.contentWidth - indent, size, bold)) {
      this.ensureSpace(leading);
      this.y -= leading;
      this.textAt(this.margin + indent, this.y + size * 0.25, line, size, bold);
    }
    this.y -= style.after ?? 2;
  }

  /** A heading with space above it, kept with at least a few lines of what follows. */
  heading(text: string, size = 13): void {
    this.ensureSpace(size * 1.3 + 40);
    this.y -= 6;
    this.text(text, { size, bold: true, after: 4 });
  }

  /** "Label: value" on one wrapped line, the label in bold. */
  field(label: string, value: string): void {
    const size = 10;
    const labelWidth = textWidth(`${label}: `, size, true);
    const lines = wrapText(value, this.contentWidth - labelWidth, size);
    const leading = size * 1.3;
    lines.forEach((line, i) => {
      this.ensureSpace(leading);
      this.y -= leading;
      if (i === 0) this.textAt(this.margin, this.y + size * 0.25, `${label}:`, size, true);
      this.textAt(this.margin + labelWidth, this.y + size * 0.25, line, size, false);
    });
    this.y -= 1;
  }

  /** A horizontal rule across the page. */
  rule(): void {
    this.ensureSpace(8);
    this.y -= 4;
    this.ops.push(`0.5 w ${this.margin} ${this.y.toFixed(2)} m ${(A4.width - this.margin).toFixed(2)} ${this.y.toFixed(2)} l S`);
    this.y -= 4;
  }

  /** Vertical space. */
  space(points: number): void {
    this.y -= points;
  }

  /** A table with a bold header row (repeated after a page break) and wrapped cells. */
  table(columns: Column[], rows: string[][], size = 8.5): void {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const pad = 3;
    const leading = size * 1.25;
    const drawRow = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((cell, i) => wrapText(cell, widths[i] - 2 * pad, size, bold));
      const height = Math.max(...wrapped.map((w) => w.length)) * leading + 2 * pad;
      return { wrapped, height, bold };
    };
    const header = drawRow(columns.map((c) => c.header), true);
    const paint = (row: { wrapped: string[][]; height: number; bold: boolean }) => {
      const top = this.y;
      let x = this.margin;
      row.wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          const baseline = top - pad - (j + 1) * leading + size * 0.3;
          const tx = columns[i].align === 'right' ? x + widths[i] - pad - textWidth(line, size, row.bold) : x + pad;
          this.textAt(tx, baseline, line, size, row.bold);
        });
        x += widths[i];
      });
      const bottom = top - row.height;
      this.ops.push(`0.4 w ${this.margin} ${bottom.toFixed(2)} m ${(A4.width - this.margin).toFixed(2)} ${bottom.toFixed(2)} l S`);
      this.y = bottom;
    };
    this.ensureSpace(header.height * 2);
    this.ops.push(`0.4 w ${this.margin} ${this.y.toFixed(2)} m ${(A4.width - this.margin).toFixed(2)} ${this.y.toFixed(2)} l S`);
    paint(header);
    for (const cells of rows) {
      const row = drawRow(cells, false);
      if (this.y - row.height < this.margin + this.footerSpace) {
        this.newPage();
        paint(header);
      }
      paint(row);
    }
    this.y -= 6;
  }

  /** The finished file. */
  toBuffer(meta: { title: string; author?: string }): Buffer {
    const objects: string[] = [];
    const add = (body: string): number => objects.push(body);
    const catalog = add('');
    const pagesObj = add('');
    const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    const fontBold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
    const kids: number[] = [];
    this.pages.forEach((ops, i) => {
      const footerText = this.footer(i + 1, this.pages.length);
      const fx = A4.width - this.margin - textWidth(footerText, 8);
      const stream = [...ops, `BT /F1 8 Tf ${fx.toFixed(2)} ${(this.margin - 16).toFixed(2)} Td ${pdfString(footerText)} Tj ET`].join('\n');
      const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
      kids.push(
        add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 ${font} 0 R /F2 ${fontBold} 0 R >> >> /Contents ${content} 0 R >>`),
      );
    });
    objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
    objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
    const info = add(`<< /Title ${pdfString(meta.title)}${meta.author ? ` /Author ${pdfString(meta.author)}` : ''} /Producer (Jalin) >>`);
    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }
}
