import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * PDFs as a reader sees them, through poppler-utils (`pdftotext`, `pdftoppm`; Debian's
 * poppler-utils package, which .ci/run installs when missing): the text in reading order, and each
 * page rendered to PNG.
 */

function withFile<T>(pdf: Buffer, run: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jalin-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, page by page (pages separated by form feeds), laid out as printed. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (_dir, file) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** How many pages a PDF has. */
export function pdfPages(pdf: Buffer): number {
  const info = withFile(pdf, (_dir, file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** Every page of a PDF as a PNG at `dpi`. */
export function renderPages(pdf: Buffer, dpi = 80): Buffer[] {
  return withFile(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  });
}

/** The share of a PNG's pixels that are not (nearly) white: 0 for a blank page. */
export async function inkShare(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] < 200) ink++;
  return ink / (info.width * info.height);
}
