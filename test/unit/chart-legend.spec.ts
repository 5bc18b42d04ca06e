import { ChartRenderer } from '../../src/reports/charts/chart-renderer';
import { CHART_WIDTH, chartSpec } from '../../src/reports/charts/chart-specs';
import type { ChartData } from '../../src/reports/reports.service';

const PROVINCES = ['Bali', 'Daerah Istimewa Yogyakarta', 'Daerah Khusus Ibukota Jakarta', 'Jawa Barat', 'Jawa Tengah', 'Jawa Timur', 'Kalimantan Selatan', 'Sulawesi Selatan', 'Sumatera Utara', 'Nusa Tenggara Timur'];

describe('chart legends', () => {
  const renderer = new ChartRenderer();
  afterAll(() => renderer.onModuleDestroy());

  it('wrap many long series names under the plot instead of widening the image, and show them whole', async () => {
    const data = {
      name: 'cohort-by-year-province',
      program: { name: 'Generasi Trakindo', company: { name: 'PT Trakindo Utama' } },
      series: [2024, 2025, 2026].map((year) => ({ year, cohort: { byProvince: PROVINCES.map((provinceName, i) => ({ provinceCode: String(51 + i), provinceName, schools: 1 + (i % 3) })) } })),
    } as unknown as ChartData;
    const svg = await renderer.svg(chartSpec(data, 'id'));
    const width = Number(/^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    // The plot is CHART_WIDTH wide; axes and padding add a little, a legend in one long row added ~900 px.
    expect(width).toBeLessThan(CHART_WIDTH * 1.4);
    for (const name of PROVINCES) expect(svg).toContain(name);
  });
});
