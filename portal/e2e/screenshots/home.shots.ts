import { expect } from '@playwright/test';
import type { Shot } from '../support/shots';
import { apiAs, DEMO } from '../support/fixtures';

export const shots: Shot[] = [
  {
    name: 'sign-in',
    as: null,
    go: async (page) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Masuk ke Jalin' })).toBeVisible();
    },
  },
  {
    name: 'password-reset-request',
    as: null,
    go: async (page) => {
      await page.goto('/password-reset');
      await page.getByLabel('Email').fill('kepsek@sdnpelambuan4.example');
      await page.getByRole('button', { name: 'Kirim tautan' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Periksa email Anda' })).toBeVisible();
    },
  },
  {
    name: 'password-reset-choose',
    as: null,
    go: async (page) => {
      // The link of the email just asked for, as the outbox keeps it (no mail server here).
      const admin = await apiAs(DEMO.admin);
      await admin.post('/auth/password-reset', { email: DEMO.facilitator });
      const { items } = await admin.get<{ items: Array<{ to: string; text: string }> }>('/admin/outbox?kind=password_reset&limit=100');
      const link = /\/password-reset\?token=[A-Za-z0-9_%-]+/.exec(items.find((m) => m.to === DEMO.facilitator)?.text ?? '')?.[0];
      expect(link, 'the reset link is in the outbox').toBeTruthy();
      await page.goto(link as string);
      await page.getByLabel('Kata sandi baru').fill('pasar terapung');
      await expect(page.getByRole('heading', { name: 'Buat kata sandi baru' })).toBeVisible();
    },
  },
  {
    name: 'home-principal',
    as: DEMO.principal,
    go: async (page) => {
      await expect(page.getByRole('heading', { name: 'Yang perlu Anda kerjakan sekarang' })).toBeVisible();
      await expect(page.getByRole('link').filter({ hasText: 'komentar' }).first()).toBeVisible();
    },
  },
];
