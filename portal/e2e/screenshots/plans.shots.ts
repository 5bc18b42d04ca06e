import { expect } from '@playwright/test';
import { apiAs, DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

const PLAN_2025 = '00000000-0000-4000-8000-0000a1250000';
const PLAN_2026 = '00000000-0000-4000-8000-0000a1260000';

/** The 2026 plan in review (as the demo has it), or sent back to the school by the facilitator. */
async function plan2026(state: 'submitted' | 'changes_requested'): Promise<void> {
  const principal = await apiAs(DEMO.principal);
  const { status } = (await principal.get(`/plans/${PLAN_2026}`)) as { status: string };
  if (state === 'submitted' && status === 'changes_requested') await principal.post(`/plans/${PLAN_2026}/submit`);
  if (state === 'changes_requested' && status === 'submitted') {
    const facilitator = await apiAs(DEMO.facilitator);
    await facilitator.post(`/plans/${PLAN_2026}/request-changes`, { comment: 'Mohon rinci kegiatan skrining: kelas sasaran dan penanggung jawabnya.' });
  }
}

export const shots: Shot[] = [
  {
    name: 'plan-2026-form-field-problem',
    as: DEMO.principal,
    // First, so the next shot puts the plan back in review (as the demo has it) for every other page.
    go: async (page) => {
      await plan2026('changes_requested');
      await page.goto(`/plans/${PLAN_2026}`);
      await page.getByRole('button', { name: 'Berikutnya' }).click();
      await page.getByRole('button', { name: 'Berikutnya' }).click();
      // An emptied activity name is refused by the server (nothing is saved) and named at its field.
      await page.getByRole('group', { name: 'Kegiatan 2' }).getByLabel('Nama kegiatan').fill('');
      await page.getByRole('button', { name: 'Simpan draf' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Beberapa isian perlu diperbaiki' })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'plans-list',
    as: DEMO.principal,
    go: async (page) => {
      await plan2026('submitted');
      await page.goto('/plans');
      await expect(page.getByRole('link', { name: /^Buka rencana 2026/ })).toBeVisible();
    },
  },
  {
    name: 'plan-2026-in-review-with-comments',
    as: DEMO.principal,
    go: async (page) => {
      await plan2026('submitted');
      await page.goto(`/plans/${PLAN_2026}`);
      await expect(page.getByRole('region', { name: /^Komentar pada: .* › Target$/ })).toBeVisible();
    },
  },
  {
    name: 'plan-2026-versions-diff',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/plans/${PLAN_2026}/versions`);
      await expect(page.getByRole('heading', { name: 'Bandingkan dua versi' })).toBeVisible();
      // The demo's own revision: version 2 against version 1.
      await page.getByLabel('Versi baru').selectOption('2');
      await expect(page.getByText('Diubah').first()).toBeVisible();
    },
  },
  {
    name: 'plan-2025-progress',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/plans/${PLAN_2025}/progress`);
      await expect(page.getByRole('heading', { name: 'Selesaikan rencana' })).toBeVisible();
    },
  },
  {
    name: 'plans-review-queue',
    as: DEMO.csr,
    go: async (page) => {
      await plan2026('submitted');
      await page.goto('/plans');
      await expect(page.getByRole('region', { name: 'Menunggu keputusan' }).getByRole('link', { name: /^Buka rencana 2026/ })).toBeVisible();
    },
  },
  {
    name: 'plan-2026-csr-review',
    as: DEMO.csr,
    go: async (page) => {
      await plan2026('submitted');
      await page.goto(`/plans/${PLAN_2026}`);
      await expect(page.getByRole('button', { name: 'Setujui rencana' })).toBeVisible();
    },
  },
];
