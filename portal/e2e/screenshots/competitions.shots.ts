import { expect } from '@playwright/test';
import { apiAs, DEMO, uniqueTag } from '../support/fixtures';
import type { Shot } from '../support/shots';

const PUBLISHED_2025 = '00000000-0000-4000-8000-000000000c25';
const OPEN_2026 = '00000000-0000-4000-8000-000000000c26';
const DAY = 24 * 60 * 60 * 1000;

/**
 * A competition of this year in judging, made for the picture: SDN Pelambuan 4's entries in three
 * categories, the demo judge and a second judge on each, and the second judge's scores given.
 */
async function judgingCompetition(): Promise<{ id: string; entryIds: string[] }> {
  const csr = await apiAs(DEMO.csr);
  const principal = await apiAs(DEMO.principal);
  const judge2 = await apiAs('judge2@ulm.example');
  const ids = await Promise.all([DEMO.judge, 'judge2@ulm.example'].map(async (e) => ((await (await apiAs(e)).get('/auth/me')) as { user: { id: string } }).user.id));
  const programs = (await csr.get('/programs?q=Generasi%20Trakindo')) as { items: Array<{ id: string; name: string }> };
  const program = programs.items.find((p) => p.name === 'Generasi Trakindo');
  const years = (await csr.get(`/programs/${program?.id}/years`)) as { items: Array<{ id: string; status: string }> };
  const year = years.items.find((y) => y.status === 'running') ?? years.items[years.items.length - 1];
  const now = Date.now();
  const c = (await csr.post('/competitions', {
    programYearId: year.id,
    title: `Lomba Inovasi Sekolah Regional Kalimantan (${uniqueTag()})`,
    level: 'regional',
    categories: [{ name: 'Literasi' }, { name: 'Sekolah ramah anak' }, { name: 'Kesehatan mental siswa' }],
    criteria: [
      { name: 'Kebaruan', description: 'Seberapa baru gagasan ini bagi sekolah dan lingkungannya.', weight: 30, maxScore: 20 },
      { name: 'Dampak bagi siswa', description: 'Apa yang berubah bagi siswa, dengan bukti.', weight: 40, maxScore: 20 },
      { name: 'Keberlanjutan', weight: 30, maxScore: 10 },
    ],
    entriesOpenAt: new Date(now - DAY).toISOString(),
    entriesCloseAt: new Date(now + 20 * DAY).toISOString(),
    judgingEndsAt: new Date(now + 50 * DAY).toISOString(),
    minJudgesPerEntry: 2,
  })) as { id: string; categories: Array<{ id: string; name: string }>; criteria: Array<{ id: string }> };
  await csr.post(`/competitions/${c.id}/phase`, { phase: 'open' });
  for (const id of ids) await csr.post(`/competitions/${c.id}/judges`, { userId: id });
  const titles = ['Pojok Baca Keliling Kelas', 'Kotak Suara Anak', 'Sudut Tenang di Setiap Kelas'];
  const entryIds: string[] = [];
  for (const [i, k] of c.categories.entries()) {
    const e = (await principal.post(`/competitions/${c.id}/entries`, { categoryId: k.id, title: titles[i], summary: 'Inovasi SDN Pelambuan 4 bersama siswa, guru dan orang tua.' })) as { id: string };
    entryIds.push(e.id);
    for (const id of ids) await csr.post(`/competitions/${c.id}/assignments`, { judgeUserId: id, entryId: e.id });
  }
  await csr.post(`/competitions/${c.id}/phase`, { phase: 'judging' });
  const sheets = [
    [16, 15, 8],
    [12, 17, 6],
    [18, 9, 9],
  ];
  for (const [i, e] of entryIds.entries()) await judge2.put(`/entries/${e}/scores`, { scores: c.criteria.map((k, j) => ({ criterionId: k.id, score: sheets[i][j] })) });
  return { id: c.id, entryIds };
}

export const shots: Shot[] = [
  {
    name: 'competitions-list',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto('/competitions');
      await expect(page.getByRole('link', { name: 'Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025' })).toBeVisible();
    },
  },
  {
    name: 'competition-2025-results',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/competitions/${PUBLISHED_2025}`);
      await expect(page.getByRole('region', { name: 'Hasil kompetisi' }).getByText('Hasil sekolah Anda')).toBeVisible();
    },
  },
  {
    name: 'competition-2026-open',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/competitions/${OPEN_2026}`);
      await expect(page.getByRole('region', { name: 'Kategori dan rubrik penilaian' })).toBeVisible();
    },
  },
  {
    name: 'competition-entry-new',
    as: DEMO.principal,
    go: async (page) => {
      await page.goto(`/competitions/${OPEN_2026}/entries/new`);
      const plan = page.getByLabel('Program dalam rencana sekolah');
      await plan.selectOption({ index: 1 });
      await expect(page.getByLabel('Judul karya')).not.toHaveValue('');
      await page.getByRole('button', { name: 'Tambah anggota tim' }).click();
      await page.getByLabel('Nama anggota 1').fill('Nurul Hidayah, S.Pd.');
      await page.getByLabel('Peran anggota 1').fill('Guru kelas 5, koordinator inovasi');
      // Typing scrolled the page: capture it from the top.
      await page.getByLabel('Peran anggota 1').blur();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'competition-csr-new',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto('/competitions/new');
      await expect(page.getByRole('heading', { level: 1, name: 'Buat kompetisi' })).toBeVisible();
      await page.getByLabel('Nama kompetisi').fill('Lomba Inovasi Sekolah Nasional Generasi Trakindo 2027');
      await page.getByLabel('Nama kategori 1').fill('Literasi');
      await page.getByLabel('Nama kriteria 1').fill('Kebaruan');
      await page.getByLabel('Bobot kriteria 1 (%)').fill('40');
      await page.getByLabel('Nilai tertinggi kriteria 1').fill('20');
      await page.getByRole('button', { name: 'Tambah kriteria' }).click();
      await page.getByLabel('Nama kriteria 2').fill('Dampak bagi siswa');
      await page.getByLabel('Bobot kriteria 2 (%)').fill('35');
      await page.getByLabel('Nilai tertinggi kriteria 2').fill('20');
      await expect(page.getByText('Jumlah bobot: 75 dari 100')).toBeVisible();
      await page.getByLabel('Nilai tertinggi kriteria 2').blur();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'competition-csr-2026-open',
    as: DEMO.csr,
    go: async (page) => {
      await page.goto(`/competitions/${OPEN_2026}`);
      await expect(page.getByRole('region', { name: 'Panel juri' }).getByText('Dr. Bambang Sutrisno (Juri)')).toBeVisible();
    },
  },
  {
    name: 'competition-csr-preview',
    as: DEMO.csr,
    go: async (page) => {
      const c = await judgingCompetition();
      await page.goto(`/competitions/${c.id}/results/preview`);
      await expect(page.getByRole('heading', { level: 2, name: 'Pratinjau hasil' })).toBeVisible();
      await expect(page.getByRole('status')).toBeVisible();
    },
  },
  {
    name: 'competition-judge-2025',
    as: DEMO.judge,
    go: async (page) => {
      await page.goto(`/competitions/${PUBLISHED_2025}`);
      await expect(page.getByRole('region', { name: 'Karya yang Anda nilai' }).getByText(/dari \d+ dinilai/)).toBeVisible();
    },
  },
  {
    name: 'competition-judge-scoring',
    as: DEMO.judge,
    go: async (page) => {
      const c = await judgingCompetition();
      await page.goto(`/competitions/${c.id}/entries/${c.entryIds[0]}`);
      const sheet = page.getByRole('region', { name: 'Lembar nilai Anda' });
      await sheet.getByRole('textbox', { name: 'Kebaruan', exact: true }).fill('17');
      await sheet.getByRole('textbox', { name: 'Dampak bagi siswa', exact: true }).fill('15');
      await sheet.getByRole('textbox', { name: 'Keberlanjutan', exact: true }).fill('8');
      await sheet.getByLabel('Catatan untuk Kebaruan').fill('Gagasan baru bagi sekolah-sekolah di sekitarnya.');
      await sheet.getByRole('button', { name: 'Simpan nilai' }).click();
      await expect(sheet.getByText('Total tertimbang Anda: 79,5 dari 100')).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];
