import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** The demo's national training of 2026 (read only here: nothing is changed). */
const TRAINING = '00000000-0000-4000-8000-0000c1263001';

export const shots: Shot[] = [
  {
    name: 'trainings-list',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/trainings');
      await expect(page.getByRole('link', { name: /^Pelatihan Nasional Guru Generasi Trakindo/ })).toBeVisible();
    },
  },
  {
    name: 'training-grid-evaluation',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto(`/trainings/${TRAINING}`);
      await expect(page.getByRole('region', { name: 'Evaluasi pelatihan' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Peserta' }).getByText(/Nilai dari/)).toBeVisible();
    },
  },
  {
    name: 'training-principal',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/trainings/${TRAINING}`);
      await expect(page.getByRole('region', { name: 'Evaluasi pelatihan' })).toBeVisible();
    },
  },
];
