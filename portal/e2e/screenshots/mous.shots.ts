import { expect } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** The demo school's MoUs (read only), as the CSR officer reads them. */
export const shots: Shot[] = [
  {
    name: 'mous-list',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mous');
      await expect(page.getByRole('link', { name: /TU-CSR\/MOU/ }).first()).toBeVisible();
    },
  },
  {
    name: 'mous-expiring',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mous?expiringWithinDays=90');
      await expect(page.getByRole('heading', { level: 1, name: 'MoU yang berakhir dalam 90 hari' })).toBeVisible();
    },
  },
  {
    name: 'mou-in-force',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mous?status=active');
      await page.getByRole('link', { name: /TU-CSR\/MOU/ }).first().click();
      await expect(page.getByRole('heading', { name: 'Para pihak' })).toBeVisible();
    },
  },
  {
    name: 'mou-new',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/mous/new');
      await expect(page.getByRole('heading', { level: 1, name: 'Susun MoU baru' })).toBeVisible();
      await page.getByLabel('Kemitraan').selectOption({ index: 1 });
      await expect(page.getByLabel('Organisasi pihak 2')).not.toHaveValue('');
    },
  },
];
