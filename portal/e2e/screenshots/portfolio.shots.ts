import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

export const shots: Shot[] = [
  {
    name: 'portfolio-dashboard',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/portfolio');
      await expect(page.getByRole('heading', { level: 1, name: 'Portofolio program' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Sekolah dalam kohort/ })).toBeVisible();
      // Every chart drawn before the capture.
      for (const name of ['Dana hibah per tahun', 'Jumlah sekolah kohort per tahun dan provinsi', 'Jam pendampingan: terlaksana dan direncanakan', 'Nilai kompetisi per tahun']) {
        await expect(page.getByRole('img', { name: new RegExp(`^Grafik .*`) }).first()).toBeVisible();
        await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
      }
      await expect.poll(() => page.locator('figure img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length)).toBe(4);
    },
  },
  {
    name: 'portfolio-health',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/portfolio/health');
      await expect(page.getByRole('heading', { level: 1, name: 'Kesehatan kemitraan' })).toBeVisible();
      await expect(page.getByText(/dari \d+ kemitraan/)).toBeVisible();
    },
  },
  {
    name: 'region-office',
    as: DEMO.officer,
    go: async (page) => {
      await page.goto('/region');
      await expect(page.getByRole('heading', { level: 1, name: /^Wilayah / })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: 'Per kabupaten/kota', exact: true })).toBeVisible();
    },
  },
];
