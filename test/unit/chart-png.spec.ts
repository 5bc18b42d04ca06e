import sharp from 'sharp';
import { ChartRenderer } from '../../src/reports/charts/chart-renderer';
import { chartSpec } from '../../src/reports/charts/chart-specs';
import type { ChartData } from '../../src/reports/reports.service';

/** The chunks of a PNG, by type, with their data. */
function chunks(png: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (!found.has(type)) found.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}

/** The share of dark pixels in a region of a PNG: text drawn in black inks some, no text none. */
async function darkShare(png: Buffer, region: { left: number; top: number; width: number; height: number }): Promise<number> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).extract(region).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] < 100) dark++;
  return dark / (info.width * info.height);
}

describe('chart PNG', () => {
  const renderer = new ChartRenderer();
  afterAll(() => renderer.onModuleDestroy());

  const data = {
    name: 'mentoring-hours',
    program: { name: 'Generasi Trakindo', company: { name: 'PT Trakindo Utama' } },
    series: [2025, 2026].map((year) => ({ year, mentoring: { plannedHours: 40, hoursDone: 36 } })),
  } as unknown as ChartData;

  it('is the SVG at twice its size, 144 dpi, with its title drawn in a real font', async () => {
    const svg = await renderer.svg(chartSpec(data, 'id'));
    const [, width, height] = /^<svg[^>]*\swidth="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg) ?? [];
    const png = await renderer.png(chartSpec(data, 'id'));

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = await sharp(png).metadata();
    expect({ width: meta.width, height: meta.height }).toEqual({ width: Math.round(Number(width) * 2), height: Math.round(Number(height) * 2) });
    const phys = chunks(png).get('pHYs');
    expect(phys && { x: phys.readUInt32BE(0), y: phys.readUInt32BE(4), unit: phys[8] }).toEqual({ x: 5669, y: 5669, unit: 1 });
    expect(meta.density).toBe(144);
    // The title ("Jam pendampingan: …", bold, 16 px at 2×) fills the top-left corner; without a font it stays white.
    expect(await darkShare(png, { left: 0, top: 0, width: 600, height: 50 })).toBeGreaterThan(0.05);
  });

  it('renders many charts at once, each complete', async () => {
    const pngs = await Promise.all(Array.from({ length: 8 }, (_, i) => renderer.png(chartSpec(data, i % 2 ? 'en' : 'id'))));
    for (const png of pngs) expect((await sharp(png).metadata()).format).toBe('png');
  });
});
