/**
 * The lists a budget line's RKAS fields are checked against: the eight national education standards
 * (Standar Nasional Pendidikan, PP 57/2021 as amended by PP 4/2022) and the expenditure account codes
 * (kode rekening belanja) that schools use most often when they enter BOS spending into ARKAS. The
 * account codes follow the regional chart of accounts (Permendagri 90/2019 and its updates) that
 * ARKAS uses; the list is deliberately short, holding only codes in everyday school use. A code that is
 * not here is refused, so a line whose account is not listed leaves `accountCode` empty and the
 * treasurer picks the account in ARKAS.
 */

type Text = { en: string; id: string };

/** The eight national education standards (SNP), in the order of the regulation's list. */
export const SNP_STANDARDS = ['kompetensi_lulusan', 'isi', 'proses', 'penilaian', 'pendidik_tenaga_kependidikan', 'sarana_prasarana', 'pengelolaan', 'pembiayaan'] as const;
export type SnpStandard = (typeof SNP_STANDARDS)[number];

/** Each standard's name in Bahasa Indonesia (as ARKAS and the regulation write it) and in English. */
export const SNP_STANDARD_NAMES: Record<SnpStandard, Text> = {
  kompetensi_lulusan: { id: 'Standar Kompetensi Lulusan', en: 'Graduate competency standard' },
  isi: { id: 'Standar Isi', en: 'Content standard' },
  proses: { id: 'Standar Proses', en: 'Process standard' },
  penilaian: { id: 'Standar Penilaian Pendidikan', en: 'Assessment standard' },
  pendidik_tenaga_kependidikan: { id: 'Standar Pendidik dan Tenaga Kependidikan', en: 'Teachers and education staff standard' },
  sarana_prasarana: { id: 'Standar Sarana dan Prasarana', en: 'Facilities and infrastructure standard' },
  pengelolaan: { id: 'Standar Pengelolaan', en: 'Management standard' },
  pembiayaan: { id: 'Standar Pembiayaan', en: 'Financing standard' },
};

/** Common ARKAS/BOS expenditure accounts: the code and its official Indonesian name. */
export const ACCOUNT_CODES = {
  '5.1.02.01.01.0024': 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor',
  '5.1.02.01.01.0025': 'Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover',
  '5.1.02.01.01.0026': 'Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak',
  '5.1.02.01.01.0029': 'Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer',
  '5.1.02.01.01.0030': 'Belanja Alat/Bahan untuk Kegiatan Kantor-Perabot Kantor',
  '5.1.02.01.01.0031': 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik',
  '5.1.02.01.01.0052': 'Belanja Makanan dan Minuman Rapat',
  '5.1.02.01.01.0055': 'Belanja Makanan dan Minuman pada Fasilitas Pelayanan Urusan Pendidikan',
  '5.1.02.02.01.0003': 'Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia',
  '5.1.02.02.01.0030': 'Belanja Jasa Tenaga Kebersihan',
  '5.1.02.02.01.0061': 'Belanja Tagihan Listrik',
  '5.1.02.02.01.0063': 'Belanja Kawat/Faksimili/Internet/TV Berlangganan',
  '5.1.02.02.12.0003': 'Belanja Bimbingan Teknis',
  '5.1.02.04.01.0003': 'Belanja Perjalanan Dinas Dalam Kota',
  '5.2.02.10.01.0002': 'Belanja Modal Personal Computer',
  '5.2.05.01.01.0001': 'Belanja Modal Buku Umum',
} as const satisfies Record<string, string>;
export type AccountCode = keyof typeof ACCOUNT_CODES;

/** The listed account codes, in chart order. */
export const ACCOUNT_CODE_LIST = Object.keys(ACCOUNT_CODES) as AccountCode[];

/** Whether `code` is one of the listed account codes. */
export function isAccountCode(code: string): code is AccountCode {
  return Object.prototype.hasOwnProperty.call(ACCOUNT_CODES, code);
}

/** Whether `code` is one of the eight standards. */
export function isSnpStandard(code: string): code is SnpStandard {
  return (SNP_STANDARDS as readonly string[]).includes(code);
}
