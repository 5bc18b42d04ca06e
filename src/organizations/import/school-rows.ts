import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { NPSN_PATTERN, SCHOOL_LEVELS } from '../organization-type';
import type { SchoolLevel, SchoolOwnership } from '../organization-type';
import { ProblemList } from './import-problems';

/** The columns a school import file may have, in the documented order. */
export const IMPORT_COLUMNS = ['npsn', 'name', 'level', 'ownership', 'region_code', 'district_code', 'address', 'student_count', 'teacher_count', 'principal_name', 'needs'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns the header must name and every row must fill. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['npsn', 'name', 'level', 'region_code'];

/** Longest text per column: the lengths of the organizations table's columns. */
export const MAX_LENGTHS = { name: 200, address: 300, principal_name: 200 } as const;

/** A regency/city code such as 63.71 (a bare province code such as 63 is not a school's region). */
export const REGENCY_CODE_PATTERN = /^\d{2}\.\d{2}$/;
/** A district (kecamatan) code such as 63.71.03. */
export const DISTRICT_CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}$/;

/**
 * The column headers of a Dapodik school export (in Indonesian), read as today's columns. Headers are
 * compared lower-cased, with spaces, dots, slashes and dashes as underscores ("Kab./Kota" is kab_kota).
 */
export const HEADER_ALIASES: Readonly<Record<string, ImportColumn>> = {
  nama_sekolah: 'name',
  nama_satuan_pendidikan: 'name',
  nama: 'name',
  bentuk_pendidikan: 'level',
  jenjang: 'level',
  status_sekolah: 'ownership',
  status: 'ownership',
  kode_wilayah: 'region_code',
  kode_kabupaten_kota: 'region_code',
  kode_kab_kota: 'region_code',
  kode_kecamatan: 'district_code',
  alamat: 'address',
  alamat_jalan: 'address',
  jumlah_siswa: 'student_count',
  jumlah_peserta_didik: 'student_count',
  peserta_didik: 'student_count',
  jumlah_guru: 'teacher_count',
  guru: 'teacher_count',
  kepala_sekolah: 'principal_name',
  nama_kepala_sekolah: 'principal_name',
  kebutuhan: 'needs',
};

/** Columns of a Dapodik export that Jalin does not keep: read past, never refused. */
export const IGNORED_COLUMNS: ReadonlySet<string> = new Set([
  'no',
  'provinsi',
  'kabupaten_kota',
  'kab_kota',
  'desa_kelurahan',
  'kelurahan',
  'rt',
  'rw',
  'kode_pos',
  'lintang',
  'bujur',
  'akreditasi',
  'telepon',
  'email',
  'website',
  'sinkron_terakhir',
  'last_sync',
]);

const MAX_INT = 2_147_483_647;
const LEVEL_BY_LOWER = new Map<string, SchoolLevel>(SCHOOL_LEVELS.map((l) => [l.toLowerCase(), l]));
const OWNERSHIP_BY_WORD = new Map<string, SchoolOwnership>([
  ['public', 'public'],
  ['negeri', 'public'],
  ['private', 'private'],
  ['swasta', 'private'],
]);
const TOPIC_SET = new Set<string>(TOPICS);

/**
 * One valid row. A column the file does not have is `undefined` (the import leaves it alone); an
 * empty cell of an optional column is `null` (the import clears it), or `[]` for needs.
 */
export interface SchoolRow {
  row: number;
  npsn: string;
  name: string;
  schoolLevel: SchoolLevel;
  regionCode: string;
  /** The district (kecamatan), from district_code or a district-level region_code; undefined when the file gives none (a stored one inside the regency/city stays). */
  districtCode?: string | null;
  ownership?: SchoolOwnership | null;
  address?: string | null;
  studentCount?: number | null;
  teacherCount?: number | null;
  principalName?: string | null;
  needs?: Topic[];
}

/** The header of a Dapodik export's district name column ("Kecamatan"), read when the file gives no district code. */
export const DISTRICT_NAME_HEADER = 'kecamatan';

/** A district name as written in a Dapodik export ("Kec. Banjarmasin Barat"), reduced to compare with the regions' names. */
export function normaliseDistrictName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\s*(kecamatan|kec\.?)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What one data row gave: its own valid NPSN and region code (for the checks against the database), and the school when the whole row is valid. */
export interface ReadRow {
  row: number;
  npsn: string | null;
  regionCode: string | null;
  districtCode: string | null;
  /** The district's name (normalised) from the "Kecamatan" column, when the row gives no district code: the service looks it up inside regionCode. */
  districtName: string | null;
  school: SchoolRow | null;
}

function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Characters (code points), as PostgreSQL counts varchar lengths. */
function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Reads the header and then each data row of a school import file, collecting every problem with
 * its spreadsheet row number and column. Knows nothing of the database: region codes that look
 * right, jurisdictions and existing schools are checked by the service.
 */
export class SchoolRowReader {
  readonly headerProblems = new ProblemList();
  readonly rowProblems = new ProblemList();
  /** The column each cell position holds; null for a position whose column is unknown or unnamed. */
  private readonly byIndex: Array<ImportColumn | null>;
  /** Positions whose header cell is empty: ignored while their cells are empty too. */
  private readonly unnamed = new Set<number>();
  readonly present = new Set<ImportColumn>();
  private readonly unnamedWithValues = new Map<number, number>();
  private readonly rowOfNpsn = new Map<string, number>();
  /** The position of the district name column ("Kecamatan"), if the file has one. */
  private districtNameIndex: number | null = null;

  constructor(header: string[]) {
    const unknown: string[] = [];
    this.byIndex = header.map((cell, index) => {
      const name = normaliseHeader(cell);
      if (name === '') {
        this.unnamed.add(index);
        return null;
      }
      if (IGNORED_COLUMNS.has(name)) return null;
      if (name === DISTRICT_NAME_HEADER) {
        this.districtNameIndex ??= index;
        return null;
      }
      if (!(IMPORT_COLUMNS as readonly string[]).includes(name) && !(name in HEADER_ALIASES)) {
        unknown.push(cell.trim());
        return null;
      }
      const column = HEADER_ALIASES[name] ?? (name as ImportColumn);
      if (this.present.has(column)) {
        this.headerProblems.add(1, column, 'duplicate_column', `the column "${column}" appears twice (column ${index + 1} again); keep one`, `kolom "${column}" muncul dua kali (lagi di kolom ke-${index + 1}); sisakan satu`);
        return null;
      }
      this.present.add(column);
      return column;
    });
    const list = IMPORT_COLUMNS.join(', ');
    for (const name of unknown) {
      this.headerProblems.add(1, name, 'unknown_column', `unknown column "${name}"; the columns are: ${list}`, `kolom "${name}" tidak dikenal; kolom yang tersedia: ${list}`);
    }
    for (const column of REQUIRED_COLUMNS) {
      if (!this.present.has(column)) {
        this.headerProblems.add(1, column, 'missing_column', `the required column "${column}" is missing from the header row`, `kolom wajib "${column}" tidak ada di baris judul`);
      }
    }
  }

  /** Adds the problems only known once every row is read (a column with values but no name). */
  finish(): void {
    for (const [index, row] of this.unnamedWithValues) {
      this.headerProblems.add(
        1,
        null,
        'unnamed_column',
        `column ${index + 1} has no name in the header row but has values (first on row ${row}); name it or delete it`,
        `kolom ke-${index + 1} tidak bernama di baris judul tetapi berisi data (pertama di baris ${row}); beri nama atau hapus kolom itu`,
      );
    }
  }

  /** Whether a record holds nothing but empty cells (a blank spreadsheet row, skipped). */
  static isBlank(cells: string[]): boolean {
    return cells.every((c) => c.trim() === '');
  }

  /** Checks one data row; `row` is its spreadsheet row number (the header is row 1). */
  read(cells: string[], row: number): ReadRow {
    const problems = this.rowProblems;
    const before = problems.total;
    const cell: Partial<Record<ImportColumn, string>> = {};
    for (let i = 0; i < cells.length; i++) {
      const column = this.byIndex[i];
      const value = cells[i].trim();
      if (column) cell[column] = value;
      else if (value !== '' && this.unnamed.has(i) && !this.unnamedWithValues.has(i)) this.unnamedWithValues.set(i, row);
    }
    if (cells.length > this.byIndex.length && cells.slice(this.byIndex.length).some((c) => c.trim() !== '')) {
      problems.add(
        row,
        null,
        'too_many_cells',
        `the row has ${cells.length} cells but the header row names ${this.byIndex.length} columns`,
        `baris ini memiliki ${cells.length} sel, sedangkan baris judul memiliki ${this.byIndex.length} kolom`,
      );
    }
    for (const [column, value] of Object.entries(cell)) {
      if (value.includes('\u0000')) {
        problems.add(row, column, 'invalid_character', `${column} contains a NUL character; remove it`, `${column} berisi karakter NUL; hapus karakter itu`);
        // Checked further without it, so the row's other problems are found too.
        cell[column as ImportColumn] = value.split('\u0000').join('');
      }
    }

    const required = (column: ImportColumn): string | null => {
      const value = cell[column];
      if (!this.present.has(column)) return null; // reported once, on the header row
      if (!value) {
        problems.add(row, column, 'required', `${column} is required`, `${column} wajib diisi`);
        return null;
      }
      return value;
    };
    const text = (column: keyof typeof MAX_LENGTHS, value: string | null | undefined): string | null | undefined => {
      if (value === undefined || value === null) return value;
      if (value === '') return null;
      const max = MAX_LENGTHS[column];
      if (value.length > max && charLength(value) > max) {
        problems.add(row, column, 'too_long', `${column} is at most ${max} characters (this one has ${charLength(value)})`, `${column} maksimal ${max} karakter (isian ini ${charLength(value)} karakter)`);
      }
      return value;
    };
    const count = (column: 'student_count' | 'teacher_count'): number | null | undefined => {
      const value = cell[column];
      if (!this.present.has(column)) return undefined;
      if (!value) return null;
      if (!/^\d+$/.test(value) || Number(value) > MAX_INT) {
        problems.add(row, column, 'invalid_count', `${column} must be a whole number of 0 or more, without separators; got "${value}"`, `${column} harus bilangan bulat 0 atau lebih, tanpa pemisah ribuan; tertulis "${value}"`);
        return null;
      }
      return Number(value);
    };

    let npsn = required('npsn');
    if (npsn !== null && !NPSN_PATTERN.test(npsn)) {
      problems.add(
        row,
        'npsn',
        'invalid_npsn',
        `npsn must be exactly 8 digits, e.g. 30304122; got "${npsn}" (if your spreadsheet dropped leading zeros, format the column as text)`,
        `npsn harus tepat 8 digit, misalnya 30304122; tertulis "${npsn}" (jika spreadsheet menghapus angka nol di depan, format kolom sebagai teks)`,
      );
      npsn = null;
    }
    if (npsn !== null) {
      const first = this.rowOfNpsn.get(npsn);
      if (first !== undefined) {
        problems.add(row, 'npsn', 'duplicate_npsn', `npsn ${npsn} is already on row ${first} of this file; keep one row per school`, `npsn ${npsn} sudah ada di baris ${first} berkas ini; satu sekolah cukup satu baris`);
        npsn = null;
      } else this.rowOfNpsn.set(npsn, row);
    }

    const name = text('name', required('name'));

    const levelText = required('level');
    let schoolLevel: SchoolLevel | null = null;
    if (levelText !== null) {
      schoolLevel = LEVEL_BY_LOWER.get(levelText.toLowerCase()) ?? null;
      if (!schoolLevel) {
        problems.add(row, 'level', 'invalid_level', `level must be one of ${SCHOOL_LEVELS.join(', ')}; got "${levelText}"`, `level harus salah satu dari ${SCHOOL_LEVELS.join(', ')}; tertulis "${levelText}"`);
      }
    }

    let ownership: SchoolOwnership | null | undefined;
    if (this.present.has('ownership')) {
      const value = cell.ownership;
      ownership = value ? (OWNERSHIP_BY_WORD.get(value.toLowerCase()) ?? null) : null;
      if (value && !ownership) {
        problems.add(row, 'ownership', 'invalid_ownership', `ownership must be public or private (or negeri or swasta); got "${value}"`, `ownership harus public atau private (atau negeri atau swasta); tertulis "${value}"`);
      }
    }

    let regionCode = required('region_code');
    // A district code in region_code (as Dapodik's Kemendagri codes go down to kecamatan) gives both.
    let districtFromRegion: string | null = null;
    if (regionCode !== null && DISTRICT_CODE_PATTERN.test(regionCode)) {
      districtFromRegion = regionCode;
      regionCode = regionCode.slice(0, 5);
    }
    if (regionCode !== null && !REGENCY_CODE_PATTERN.test(regionCode)) {
      const hint = /^\d{6}$/.test(regionCode)
        ? { en: ' (that looks like a Dapodik area code; use the Kemendagri code of the regency/city or district, e.g. 63.71 or 63.71.03)', id: ' (itu tampaknya kode wilayah Dapodik; gunakan kode Kemendagri kabupaten/kota atau kecamatan, misalnya 63.71 atau 63.71.03)' }
        : /^\d{2}$/.test(regionCode)
        ? { en: ' (that is a province code)', id: ' (itu kode provinsi)' }
        : /^\d{2}\.\d$/.test(regionCode)
          ? { en: ' (if your spreadsheet turned 63.10 into 63.1, format the column as text)', id: ' (jika spreadsheet mengubah 63.10 menjadi 63.1, format kolom sebagai teks)' }
          : { en: '', id: '' };
      problems.add(
        row,
        'region_code',
        'invalid_region_code',
        `region_code must be a regency/city code such as 63.71; got "${regionCode}"${hint.en}`,
        `region_code harus kode kabupaten/kota seperti 63.71; tertulis "${regionCode}"${hint.id}`,
      );
      regionCode = null;
    }

    let districtCode: string | null | undefined = districtFromRegion ?? undefined;
    if (this.present.has('district_code')) {
      const value = cell.district_code ?? '';
      if (value === '') districtCode = districtFromRegion;
      else if (!DISTRICT_CODE_PATTERN.test(value)) {
        problems.add(row, 'district_code', 'invalid_district_code', `district_code must be a district (kecamatan) code such as 63.71.03; got "${value}"`, `district_code harus kode kecamatan seperti 63.71.03; tertulis "${value}"`);
        districtCode = null;
      } else if (districtFromRegion !== null && value !== districtFromRegion) {
        problems.add(row, 'district_code', 'district_mismatch', `district_code ${value} differs from the district in region_code (${districtFromRegion}); keep one`, `district_code ${value} berbeda dengan kecamatan di region_code (${districtFromRegion}); sisakan satu`);
        districtCode = null;
      } else if (regionCode !== null && value.slice(0, 5) !== regionCode) {
        problems.add(row, 'district_code', 'district_outside_region', `district_code ${value} is not in region_code ${regionCode}; use a district of ${regionCode}`, `district_code ${value} tidak berada di region_code ${regionCode}; gunakan kecamatan di ${regionCode}`);
        districtCode = null;
      } else districtCode = value;
    }

    const address = text('address', this.present.has('address') ? (cell.address ?? '') : undefined);
    const studentCount = count('student_count');
    const teacherCount = count('teacher_count');
    const principalName = text('principal_name', this.present.has('principal_name') ? (cell.principal_name ?? '') : undefined);

    let needs: Topic[] | undefined;
    if (this.present.has('needs')) {
      const words = (cell.needs ?? '')
        .split('|')
        .map((w) => w.trim().toLowerCase())
        .filter((w) => w !== '');
      const unknown = words.filter((w) => !TOPIC_SET.has(w));
      if (unknown.length > 0) {
        problems.add(
          row,
          'needs',
          'unknown_topic',
          `needs has unknown topics: ${unknown.join(', ')}. Use topics from this list, separated by |: ${TOPICS.join(', ')}`,
          `needs berisi topik yang tidak dikenal: ${unknown.join(', ')}. Gunakan topik dari daftar ini, dipisah dengan |: ${TOPICS.join(', ')}`,
        );
      }
      needs = [...new Set(words)] as Topic[];
    }

    const school: SchoolRow | null =
      problems.total === before && npsn !== null && name && schoolLevel !== null && regionCode !== null
        ? { row, npsn, name, schoolLevel, regionCode, districtCode, ownership, address, studentCount, teacherCount, principalName, needs }
        : null;
    // Only a row without a district code is placed by the district's name, and only inside a valid regency/city.
    const nameCell = this.districtNameIndex !== null ? (cells[this.districtNameIndex] ?? '').replaceAll('\u0000', '') : '';
    const districtName = districtCode === undefined && regionCode !== null && normaliseDistrictName(nameCell) !== '' ? normaliseDistrictName(nameCell) : null;
    return { row, npsn, regionCode, districtCode: districtCode ?? null, districtName, school };
  }
}
