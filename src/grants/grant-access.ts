import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { formatRupiah } from '../common/money/format-rupiah';
import { isYearReadOnly } from '../programs/program-year-status';
import { refuseGrantAction, refuseReportAction } from './grant-status';
import type { ExpenseReportAction, GrantAction, GrantStatus } from './grant-status';
import type { GrantRow } from './grants.repository';

/** Plan statuses that count as approved: a grant funds only these. */
export const APPROVED_PLAN_STATUSES = ['approved', 'in_progress', 'completed'] as const;

/** The company's money decisions are taken by its CSR officers: admins read but do not act in its name. */
export function requireCsrOfficer(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'csr_officer' && actor.organizationType === 'company') return;
  throw AppError.rule(
    `only a CSR officer of the grant's company can ${what.en}; admins can read grants but not decide on the company's money`,
    `hanya petugas CSR perusahaan pemberi hibah yang dapat ${what.id}; admin dapat membaca hibah tetapi tidak memutuskan atas uang perusahaan`,
  );
}

/** Expense reports are the school's account: written by its principal, never in its name by others. */
export function requirePrincipal(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'principal' && actor.organizationType === 'school') return;
  throw AppError.rule(
    `only the principal of the grant's school can ${what.en}; admins can read expense reports but not write them in the school's name`,
    `hanya kepala sekolah penerima hibah yang dapat ${what.id}; admin dapat membaca laporan pengeluaran tetapi tidak menulisnya atas nama sekolah`,
  );
}

/**
 * Education officers see a grant's totals only (amounts and status): its disbursements, expense
 * reports and ledger answer 404 for them, the same as a grant they cannot see.
 */
export function requireDetails(actor: Actor, grantId: string): void {
  if (actor.role === 'education_officer') throw AppError.notFound('grant', grantId);
}

/** Throws when `action` is not allowed in the grant's status, saying why and what to do instead. */
export function refuse(action: GrantAction, grant: Pick<GrantRow, 'status'>): void {
  const refusal = refuseGrantAction(action, grant.status);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

/** Throws when an expense report step is not allowed in the report's status. */
export function refuseReport(action: ExpenseReportAction, report: { status: Parameters<typeof refuseReportAction>[1] }): void {
  const refusal = refuseReportAction(action, report.status);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

/**
 * A closed program year is read-only: its grants are no longer awarded, changed or paid. What
 * accounts for money already paid (reversals, expense reports, settlements, cancellations) stays
 * possible, or a grant of a closed year could never be finished.
 */
export function requireOpenYear(year: { year: number; programName: string; status: string }, what: { en: string; id: string }): void {
  if (!isYearReadOnly(year.status as Parameters<typeof isYearReadOnly>[0])) return;
  throw AppError.rule(
    `${year.year} of ${year.programName} is closed and read-only, so its grants can no longer ${what.en}; reversals, expense reports, settlements and cancellations stay possible so the money can still be accounted for`,
    `tahun ${year.year} program ${year.programName} sudah ditutup dan hanya-baca, sehingga hibahnya tidak dapat lagi ${what.id}; pembatalan pencairan, laporan pengeluaran, penyelesaian dan pembatalan hibah tetap dapat dilakukan agar uangnya tetap dapat dipertanggungjawabkan`,
  );
}

/** A dated money record cannot be dated after today. */
export function notInFuture(field: string, date: string, today: string): void {
  if (date <= today) return;
  throw AppError.field(
    field,
    'date_in_future',
    `${field} ${date} is in the future; record money movements when they happen, on or before today (${today})`,
    `${field} ${date} ada di masa depan; catat pergerakan uang saat terjadi, paling lambat hari ini (${today})`,
  );
}

/** A 409 naming the grant that already exists for the school's year (or for the plan). */
export function duplicateGrant(existing: { id: string; status: GrantStatus }, schoolName: string, year: number): DuplicateRecordError {
  const cancelled = existing.status === 'cancelled';
  return new DuplicateRecordError('grant_exists', existing.id, {
    en: `${schoolName} already has a grant for ${year} (id ${existing.id}${cancelled ? ', cancelled' : ''}); a school gets one grant per program year${cancelled ? '' : `, so change that one with PATCH /api/v1/grants/${existing.id} before its first disbursement`}`,
    id: `${schoolName} sudah memiliki hibah untuk tahun ${year} (id ${existing.id}${cancelled ? ', dibatalkan' : ''}); satu sekolah mendapat satu hibah per tahun program${cancelled ? '' : `, jadi ubah hibah tersebut dengan PATCH /api/v1/grants/${existing.id} sebelum pencairan pertama`}`,
  });
}

/** Rupiah in messages. */
export const rp = formatRupiah;
