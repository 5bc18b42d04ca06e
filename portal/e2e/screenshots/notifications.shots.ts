import { expect } from '@playwright/test';
import { apiAs, DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

export const shots: Shot[] = [
  {
    name: 'notifications',
    as: DEMO.csr,
    go: async (page) => {
      await page.getByRole('link', { name: /^Notifikasi, \d+ belum dibaca$/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
      await expect(page.getByText('Baru').first()).toBeVisible();
    },
  },
  {
    name: 'notifications-email-settings',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/notifications/email');
      await expect(page.getByLabel('Kompetisi')).toBeVisible();
    },
  },
  {
    name: 'unsubscribe',
    as: null,
    go: async (page) => {
      // The link of the follow-up reminder the demo's daily job wrote to the principal, as the outbox keeps it.
      const admin = await apiAs(DEMO.admin);
      await admin.post('/jobs/mentoring-overdue/run');
      const { items } = await admin.get<{ items: Array<{ text: string }> }>('/admin/outbox?limit=100');
      const link = items.map((m) => /\/unsubscribe\?token=[A-Za-z0-9_.%-]+/.exec(m.text)?.[0]).find(Boolean);
      expect(link, 'an e-mail with an unsubscribe link is in the outbox').toBeTruthy();
      await page.goto(link as string);
      await expect(page.getByRole('button', { name: 'Ya, hentikan email ini' })).toBeVisible();
    },
  },
];
