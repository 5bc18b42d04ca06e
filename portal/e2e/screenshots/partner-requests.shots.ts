import { expect, type Page } from '@playwright/test';
import { apiAs, DEMO } from '../support/fixtures';
import type { Shot } from '../support/shots';

const BANJARMASIN_OFFICE = '00000000-0000-4000-8000-000000000301';
const REQUEST_2012 = '00000000-0000-4000-8000-000000000601';
const DISASTER_REQUEST = '00000000-0000-4000-8000-000000000602';
/** Demo schools of Banjarmasin that the office may recommend (read here, never changed). */
const SUNGAI_MIAI_5 = '00000000-0000-4000-8000-000000000202';
const WAIT = { timeout: 45_000 };

/** A request of Trakindo answered by the office, for the company to decide on. */
async function answeredRequest(): Promise<string> {
  const [csr, officer] = await Promise.all([apiAs(DEMO.csr), apiAs(DEMO.officer)]);
  const due = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const request = await csr.post('/partner-requests', {
    educationOfficeId: BANJARMASIN_OFFICE,
    regionCode: '63.71',
    schoolLevels: ['SD'],
    schoolsWanted: 1,
    needTopics: ['literacy', 'parenting'],
    needsNote: 'Satu SD untuk program literasi bersama orang tua: pojok baca kelas dan kelas parenting bulanan.',
    dueDate: due,
  });
  await officer.post(`/partner-requests/${request.id}/recommendations`, {
    recommendations: [
      {
        schoolId: SUNGAI_MIAI_5,
        rank: 1,
        rationale: 'Kepala sekolah dan guru berkomitmen, komite sekolah aktif, dan literasi menjadi kebutuhan pertama dalam RKAS sekolah.',
      },
    ],
  });
  return request.id as string;
}

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible(WAIT);
}

export const shots: Shot[] = [
  {
    name: 'partner-requests-list',
    as: DEMO.csr,
    go: async (page) => {
      await open(page, '/partner-requests', 'Permintaan sekolah mitra');
      await expect(page.getByRole('link', { name: 'Permintaan ke Dinas Pendidikan Kota Banjarmasin' }).first()).toBeVisible(WAIT);
    },
  },
  {
    name: 'partner-requests-new',
    as: DEMO.csr,
    go: async (page) => {
      await open(page, '/partner-requests/new', 'Permintaan sekolah mitra baru');
      await page.getByRole('combobox', { name: 'Dinas pendidikan' }).fill('Banjarmasin');
      await page.getByRole('option', { name: 'Dinas Pendidikan Kota Banjarmasin' }).click();
      await expect(page.getByLabel('Wilayah sekolah')).toHaveValue('63.71', WAIT);
      await page.getByLabel('Jumlah sekolah').fill('2');
      await page.getByRole('checkbox', { name: 'Literasi' }).check();
      await page.getByRole('checkbox', { name: 'Pelatihan guru' }).check();
      await page.getByLabel('Catatan kebutuhan').fill('Dua SD di Banjarmasin untuk pelatihan guru, lalu literasi.');
      await page.getByLabel('Program CSR').selectOption({ label: 'Generasi Trakindo' });
    },
  },
  {
    name: 'partner-requests-answered',
    as: DEMO.csr,
    go: async (page) => {
      const id = await answeredRequest();
      await open(page, `/partner-requests/${id}`, 'Permintaan ke Dinas Pendidikan Kota Banjarmasin');
      await expect(page.getByRole('button', { name: 'Terima SDN Sungai Miai 5 Banjarmasin' })).toBeVisible(WAIT);
      await expect(page.getByRole('region', { name: 'Riwayat permintaan' }).getByText('Menjawab permintaan dengan 1 sekolah.')).toBeVisible(WAIT);
    },
  },
  {
    name: 'partner-requests-office-candidates',
    as: DEMO.officer,
    go: async (page) => {
      await open(page, `/partner-requests/${DISASTER_REQUEST}`, 'Permintaan dari PT Trakindo Utama');
      await expect(page.getByRole('region', { name: 'Kandidat sekolah' }).getByText(/^Skor \d+$/).first()).toBeVisible(WAIT);
    },
  },
  {
    name: 'partner-requests-2012',
    as: DEMO.csr,
    go: async (page) => {
      await open(page, `/partner-requests/${REQUEST_2012}`, 'Permintaan ke Dinas Pendidikan Kota Banjarmasin');
      await expect(page.getByText('Kemitraan dalam Generasi Trakindo', { exact: false })).toBeVisible(WAIT);
      await expect(page.getByRole('region', { name: 'Riwayat permintaan' }).getByText(/Menerima SDN Pelambuan 4/)).toBeVisible(WAIT);
    },
  },
];
