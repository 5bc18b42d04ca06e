import { apiAs, DEMO, expect, expectAccessible, PHONE, signIn, test, uniqueTag } from './support/fixtures';

// Trainings: PT Trakindo Utama's CSR officer runs a national training (quota per school, participants,
// attendance, scores and satisfaction, the evaluation); the facilitator changes one of hers while
// someone else did too; the principal of SDN Pelambuan 4 reads the training her teachers attend.
// Every training changed here is created by this file.

test.describe.configure({ timeout: 240_000 });

const SCHOOL = 'SDN Pelambuan 4 Banjarmasin';

test('the CSR officer creates a national training, adds participants within the quota, enters scores in the grid and reads the evaluation', async ({ page }) => {
  const title = `Pelatihan Literasi Kelas Awal ${uniqueTag()}`;
  await signIn(page, DEMO.csr);
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pelatihan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pelatihan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Yang dapat Anda lakukan' })).toContainText('Mencalonkan guru sekolah mitra');
  await expectAccessible(page, 'the trainings');

  await page.getByRole('button', { name: 'Buat pelatihan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Buat pelatihan' });
  await dialog.getByLabel('Judul pelatihan').fill(title);
  await dialog.getByLabel('Tingkat').selectOption({ label: 'Tingkat nasional' });
  await dialog.getByLabel('Topik').selectOption({ label: 'Literasi' });
  await dialog.getByLabel('Tanggal mulai').fill('2026-12-14');
  await dialog.getByLabel('Tanggal selesai').fill('2026-12-13');
  await dialog.getByLabel('Kuota per sekolah').fill('1');
  await dialog.getByRole('textbox', { name: 'Butir 1' }).fill('Materi pelatihan bermanfaat untuk kelas saya.');
  await dialog.getByRole('button', { name: 'Tambah butir' }).click();
  await dialog.getByRole('textbox', { name: 'Butir 2' }).fill('Fasilitator menjelaskan dengan jelas.');
  await expectAccessible(page, 'the new training form');
  // The API's rules come back at their fields: the end before the start, and no venue.
  await dialog.getByRole('button', { name: 'Buat pelatihan' }).click();
  await expect(dialog.getByLabel('Tanggal selesai')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Tempat')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Tanggal selesai').fill('2026-12-15');
  await dialog.getByLabel('Tempat').fill('Hotel Rattan Inn, Banjarmasin');
  await dialog.getByRole('button', { name: 'Buat pelatihan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('kuota 1 peserta per sekolah')).toBeVisible();

  // Participants: one of SDN Pelambuan 4 fills its quota; a second one is refused with the reason.
  const add = page.getByRole('form', { name: 'Tambah peserta' });
  await add.getByLabel('Nama peserta').fill('Ibu Nurhayati');
  await add.getByLabel('Sekolah').selectOption({ label: SCHOOL });
  await add.getByRole('button', { name: 'Tambah peserta' }).click();
  await expect(page.getByRole('table', { name: 'Kehadiran, nilai dan kepuasan peserta' }).getByRole('rowheader', { name: /Ibu Nurhayati/ })).toBeVisible();
  await add.getByLabel('Nama peserta').fill('Bapak Rahmadi');
  await add.getByRole('button', { name: 'Tambah peserta' }).click();
  await expect(add.getByRole('alert')).toContainText('kuota 1 peserta per sekolah sudah penuh');
  await add.getByLabel('Sekolah').selectOption({ label: 'Bukan dari sekolah mitra' });
  await add.getByLabel('Peran').selectOption({ label: 'Pengawas' });
  await add.getByRole('button', { name: 'Tambah peserta' }).click();
  const grid = page.getByRole('table', { name: 'Kehadiran, nilai dan kepuasan peserta' });
  await expect(grid.getByRole('rowheader', { name: /Bapak Rahmadi/ })).toBeVisible();

  // The grid: a row is saved with Enter; a score outside the scale is refused at its cell.
  await grid.getByLabel('Kehadiran – Ibu Nurhayati').selectOption({ label: 'Hadir' });
  await grid.getByLabel('Nilai awal – Ibu Nurhayati').fill('55');
  await grid.getByLabel('Kepuasan butir 1 – Ibu Nurhayati').selectOption('5');
  await grid.getByLabel('Kepuasan butir 2 – Ibu Nurhayati').selectOption('4');
  await grid.getByLabel('Nilai akhir – Ibu Nurhayati').fill('80');
  await grid.getByLabel('Nilai akhir – Ibu Nurhayati').press('Enter');
  await expect(page.getByText('Baris Ibu Nurhayati tersimpan.')).toBeVisible();

  await grid.getByLabel('Kehadiran – Bapak Rahmadi').selectOption({ label: 'Hadir' });
  await grid.getByLabel('Nilai awal – Bapak Rahmadi').fill('60');
  await grid.getByLabel('Nilai akhir – Bapak Rahmadi').fill('150');
  await grid.getByRole('button', { name: 'Simpan baris Bapak Rahmadi' }).click();
  const post = grid.getByLabel('Nilai akhir – Bapak Rahmadi');
  await expect(post).toHaveAttribute('aria-invalid', 'true');
  await expect(post).toHaveAccessibleDescription(/di luar skala nilai pelatihan 0–100/);
  await post.fill('70');
  await post.press('Enter');
  await expect(page.getByText('Baris Bapak Rahmadi tersimpan.')).toBeVisible();
  await expect(post).not.toHaveAttribute('aria-invalid', 'true');

  // The evaluation, drawn and in a table: means 57,5 before and 75 after, a gain of 17,5.
  const evaluation = page.getByRole('region', { name: 'Evaluasi pelatihan' });
  const scores = evaluation.getByRole('table', { name: 'Nilai pemahaman' });
  await expect(scores.getByRole('row', { name: /Rata-rata awal/ })).toContainText('57,5');
  await expect(scores.getByRole('row', { name: /Rata-rata akhir/ })).toContainText('75');
  await expect(scores.getByRole('row', { name: /Kenaikan rata-rata/ })).toContainText('17,5');
  await expect(evaluation.getByRole('table', { name: 'Kepuasan peserta' }).getByRole('row', { name: /Fasilitator menjelaskan/ })).toContainText('4');
  await expect(evaluation).toContainText('2 peserta, 2 hadir (100%).');
  await expectAccessible(page, 'a training with its grid and evaluation');

  // Removing a participant frees the school's place.
  page.once('dialog', (d) => void d.accept());
  await grid.getByRole('button', { name: 'Hapus peserta Bapak Rahmadi' }).click();
  await expect(grid.getByRole('rowheader', { name: /Bapak Rahmadi/ })).toHaveCount(0);
});

test('the facilitator changes her training after someone else did: the newer training is loaded and her input kept', async ({ page }) => {
  const facilitator = await apiAs(DEMO.facilitator);
  const title = `Lokakarya Disiplin Positif ${uniqueTag()}`;
  const training = await facilitator.post('/trainings', {
    title,
    level: 'school',
    topic: 'child_friendly_school',
    startsOn: '2026-12-20',
    endsOn: '2026-12-20',
    venue: 'Aula SDN Pelambuan 4',
    questionnaire: [{ text: 'Materi mudah dipahami.' }],
  });
  await signIn(page, DEMO.facilitator);
  await page.goto(`/trainings/${training.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Ubah pelatihan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ubah pelatihan' });
  await dialog.getByLabel('Tempat').fill('Ruang guru SDN Pelambuan 4');

  await facilitator.patch(`/trainings/${training.id}`, { version: training.version, endsOn: '2026-12-21' });
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog.getByText('Pelatihan ini sudah diubah orang lain')).toBeVisible();
  await expect(dialog.getByLabel('Tempat')).toHaveValue('Ruang guru SDN Pelambuan 4');
  await expectAccessible(page, 'a conflict while changing a training');
  await dialog.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Tentang pelatihan' })).toContainText('Ruang guru SDN Pelambuan 4');
  const saved = await facilitator.get(`/trainings/${training.id}`);
  expect(saved).toMatchObject({ venue: 'Ruang guru SDN Pelambuan 4', endsOn: '2026-12-20' });
});

test('the principal reads the training her teacher attends, without the organiser’s tools, on a phone and in English', async ({ page }) => {
  const csr = await apiAs(DEMO.csr);
  const principal = await apiAs(DEMO.principal);
  const me = (await principal.get('/auth/me')) as { organization: { id: string } };
  const title = `Pelatihan Nasional Sekolah Ramah Anak ${uniqueTag()}`;
  const training = await csr.post('/trainings', {
    title,
    level: 'national',
    topic: 'child_friendly_school',
    startsOn: '2026-12-10',
    endsOn: '2026-12-11',
    venue: 'Jakarta',
    quotaPerSchool: 2,
    questionnaire: [{ text: 'Materi bermanfaat.' }],
  });
  const p = await csr.post(`/trainings/${training.id}/participants`, { externalName: 'Ibu Maulida', role: 'teacher', schoolId: me.organization.id });
  await csr.patch(`/trainings/${training.id}/participants/${p.id}`, { version: p.version, attended: true, preScore: 40, postScore: 85, satisfaction: { [training.questionnaire[0].id]: 5 } });

  await page.setViewportSize(PHONE);
  await signIn(page, DEMO.principal);
  await page.goto('/trainings');
  await expect(page.getByRole('heading', { level: 1, name: 'Pelatihan' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Buat pelatihan' })).toHaveCount(0);
  await expect(page.getByText(/dicalonkan oleh petugas CSR perusahaan mitra/)).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Ibu Maulida')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ubah pelatihan' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Tambah peserta' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Evaluasi pelatihan' }).getByRole('table', { name: 'Nilai pemahaman' })).toContainText('45');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expectAccessible(page, 'a training read by the principal on a phone');

  try {
    await page.getByRole('radiogroup', { name: 'Bahasa' }).getByText('EN').click();
    await expect(page.getByRole('heading', { name: 'Training evaluation' })).toBeVisible();
    await expect(page.getByText(/nominated by the partner company's CSR officer/)).toBeVisible();
  } finally {
    await principal.patch('/auth/me', { locale: 'id' });
  }
});
