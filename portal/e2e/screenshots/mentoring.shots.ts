import { expect, type Page } from '@playwright/test';
import { DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

/** Opens the first session of the list with this status. */
async function openSession(page: Page, status: string) {
  await page.goto('/mentoring');
  await page.getByRole('radiogroup', { name: 'Tampilkan sesi' }).getByText(status).click();
  await page.getByRole('article').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rincian sesi' })).toBeVisible();
}

export const shots: Shot[] = [
  {
    name: 'mentoring-sessions',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/mentoring');
      await expect(page.getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-follow-ups',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/mentoring?tab=actions');
      await expect(page.getByRole('button', { name: 'Tandai selesai' }).first()).toBeVisible();
    },
  },
  {
    name: 'mentoring-session-to-confirm',
    as: DEMO.principal,
    go: (page) => openSession(page, 'Menunggu konfirmasi'),
  },
  {
    name: 'mentoring-session-disputed',
    as: DEMO.principal,
    go: (page) => openSession(page, 'Disanggah'),
  },
];
