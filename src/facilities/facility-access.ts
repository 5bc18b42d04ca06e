import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';

/** Items and handovers are the company's record of what it gave: kept by its CSR officers; admins read but do not act in its name. */
export function requireCsrOfficer(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'csr_officer' && actor.organizationType === 'company') return;
  throw AppError.rule(
    `only a CSR officer of the giving company can ${what.en}; admins can read facilities support but not record it in the company's name`,
    `hanya petugas CSR perusahaan pemberi yang dapat ${what.id}; admin dapat membaca bantuan sarana prasarana tetapi tidak mencatatnya atas nama perusahaan`,
  );
}

/** Condition checks are the school's account of what it received: written by its principal. */
export function requirePrincipal(actor: Actor): void {
  if (actor.role === 'principal' && actor.organizationType === 'school') return;
  throw AppError.rule(
    "only the principal of the receiving school can record a condition check; admins can read the checks but not write them in the school's name",
    'hanya kepala sekolah penerima yang dapat mencatat pemeriksaan kondisi; admin dapat membaca pemeriksaan tetapi tidak menulisnya atas nama sekolah',
  );
}

/** A dated fact cannot be dated after the latest "today" anyone in Indonesia has. */
export function notInFuture(field: string, date: string, latestToday: string): void {
  if (date <= latestToday) return;
  throw AppError.field(
    field,
    'date_in_future',
    `${field} ${date} is in the future; record it when it has happened, on or before today (${latestToday})`,
    `${field} ${date} ada di masa depan; catat setelah terjadi, paling lambat hari ini (${latestToday})`,
  );
}

/** A date that must not come before another one (a handover before the delivery, a check before the handover). */
export function notBefore(field: string, date: string, earliest: string, what: { en: string; id: string }): void {
  if (date >= earliest) return;
  throw AppError.field(
    field,
    'date_too_early',
    `${field} ${date} is before ${what.en} (${earliest})`,
    `${field} ${date} lebih awal dari ${what.id} (${earliest})`,
  );
}
