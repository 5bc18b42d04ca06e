import { expect } from '@playwright/test';
import { apiAs, DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

const SCHOOL = '00000000-0000-4000-8000-000000000201';
const PLAN_2026 = '00000000-0000-4000-8000-0000a1260000';
/** The demo's 2026 parenting class and 2025 home visits of SDN Pelambuan 4. */
const PARENTING_2026 = '00000000-0000-4000-8000-0000e1260002';
const HOME_VISIT_2025 = '00000000-0000-4000-8000-0000e1250003';

/** Yesterday, so the form's date is never in the future. */
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

export const shots: Shot[] = [
  {
    name: 'parents-list',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/parents');
      await expect(page.getByRole('link', { name: 'Pemeriksaan buku penghubung' }).first()).toBeVisible();
    },
  },
  {
    name: 'parents-record-split-problem',
    as: DEMO.principal,
    // The split does not add up: the server refuses it at the grades, nothing is saved.
    go: async (page) => {
      await page.goto('/parents/new');
      await page.getByLabel('Jenis kegiatan').selectOption({ label: 'Kelas parenting' });
      await page.getByLabel('Tanggal kegiatan').fill(yesterday());
      await page.getByLabel('Orang tua yang hadir').fill('40');
      await page.getByLabel('Guru yang terlibat').fill('3');
      await page.getByRole('checkbox', { name: 'Rinci orang tua per kelas' }).check();
      await page.getByLabel('Kelas 1', { exact: true }).fill('22');
      await page.getByLabel('Kelas 2', { exact: true }).fill('20');
      await page.getByLabel('Catatan').fill('Kelas parenting "Membacakan cerita di rumah" untuk orang tua kelas 1–2.');
      await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
      await expect(page.getByRole('group', { name: 'Orang tua per kelas' }).getByRole('alert')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'parents-activity-principal',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/parents/${PARENTING_2026}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Kelas parenting' })).toBeVisible();
      await expect(page.getByLabel('Kelas 3', { exact: true })).toHaveValue('12');
      // Linked to the 2026 plan's program: the choice shows once the school's plans are read.
      await expect(page.getByLabel('Program dalam rencana')).toHaveValue('00000000-0000-4000-8000-0000a1260001');
    },
  },
  {
    name: 'parents-activity-csr-readonly',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto(`/schools/${SCHOOL}/parents/${HOME_VISIT_2025}`);
      await expect(page.getByRole('region', { name: 'Rincian kegiatan' })).toContainText('Kelas 4: 7');
    },
  },
  {
    name: 'parents-reached-portfolio',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/portfolio?year=2025');
      const reached = page.getByRole('region', { name: 'Orang tua terjangkau tahun 2025' });
      await expect(reached).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'parents-timeline',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/timeline');
      await expect(page.getByText('Orang tua terjangkau').first()).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'parents-plan-section',
    as: DEMO.principal,
    // The 2026 plan sent back to the school (the plans shots that follow put it back in review).
    go: async (page) => {
      const principal = await apiAs(DEMO.principal);
      const { status } = (await principal.get(`/plans/${PLAN_2026}`)) as { status: string };
      if (status === 'submitted') {
        const facilitator = await apiAs(DEMO.facilitator);
        await facilitator.post(`/plans/${PLAN_2026}/request-changes`, { comment: 'Mohon rinci kegiatan skrining: kelas sasaran dan penanggung jawabnya.' });
      }
      await page.goto(`/plans/${PLAN_2026}`);
      await page.getByRole('button', { name: 'Berikutnya' }).click();
      const section = page.getByRole('region', { name: 'Pelibatan orang tua' });
      await expect(section.getByRole('group', { name: 'Rencana pelibatan 2' })).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];
