import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { Organization } from '../../src/organizations/organization.entity';
import { nextNpsn } from './factories';

/** One row of a school import file, by column name; values are written as given. */
export type CsvRow = Record<string, string | number>;

/** The documented columns, in order. */
export const ALL_COLUMNS = ['npsn', 'name', 'level', 'ownership', 'region_code', 'address', 'student_count', 'teacher_count', 'principal_name', 'needs'];

/** A valid row of a Banjarmasin elementary school with a fresh NPSN; `extra` overrides or adds cells. */
export function schoolRow(extra: CsvRow = {}): CsvRow {
  const npsn = nextNpsn();
  return {
    npsn,
    name: `SDN Uji ${npsn} Banjarmasin`,
    level: 'SD',
    ownership: 'negeri',
    region_code: '63.71',
    address: `Jl. Uji No. ${npsn.slice(-3)}, Banjarmasin`,
    student_count: 240,
    teacher_count: 14,
    principal_name: 'Ibu Uji, S.Pd.',
    needs: 'literacy|sanitation',
    ...extra,
  };
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file of `rows` with a header of `columns` (default: every documented column). */
export function toCsv(rows: CsvRow[], options: { columns?: string[]; delimiter?: ',' | ';'; lineEnd?: string; bom?: boolean } = {}): string {
  const { columns = ALL_COLUMNS, delimiter = ',', lineEnd = '\n', bom = false } = options;
  const lines = [columns.join(delimiter), ...rows.map((r) => columns.map((c) => quote(String(r[c] ?? ''), delimiter)).join(delimiter))];
  return `${bom ? '\uFEFF' : ''}${lines.join(lineEnd)}${lineEnd}`;
}

/** Posts a file to the import endpoint as multipart/form-data in the field `file`. */
export function postImport(
  http: ReturnType<typeof request>,
  auth: string | null,
  file: string | Buffer,
  options: { dryRun?: boolean; lang?: string; filename?: string } = {},
) {
  const req = http.post(`/api/v1/organizations/import${options.dryRun ? '?dryRun=true' : ''}`);
  if (auth) req.set('Authorization', auth);
  if (options.lang) req.set('Accept-Language', options.lang);
  return req.attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'), { filename: options.filename ?? 'schools.csv', contentType: 'text/csv' });
}

/** The schools holding `npsns`, by NPSN. */
export async function schoolsByNpsn(ds: DataSource, npsns: string[]): Promise<Map<string, Organization>> {
  const rows = await ds.getRepository(Organization).createQueryBuilder('o').where('o.npsn = ANY(:npsns)', { npsns }).getMany();
  return new Map(rows.map((o) => [o.npsn as string, o]));
}
