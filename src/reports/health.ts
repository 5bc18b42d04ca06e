import type { Lang } from '../common/errors/i18n';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import type { PlanStatus } from '../plans/plan-status';
import { MOU_EXPIRING_DAYS } from './definitions';
import { NO_CONTACT_DAYS } from '../mentoring/mentoring-status';

/**
 * Partnership health: a score from 100 down to 0 that warns a CSR officer which partnerships are
 * going to sleep, before they do. It starts at 100; each signal the data holds takes off the points
 * below, and each is listed as a reason { code, points, detail }, so the points of the reasons always
 * add up to 100 − score. Documented in docs/reports-guide.md.
 *
 * The signals are read on today (the Clock's) for the program's current year (today's calendar year):
 * - mou_lapsed 30: no MoU is in force today (the last one expired or was terminated, or none was
 *   ever signed);
 * - mou_expiring 15: the MoU in force expires within 90 days and no renewal has been started;
 * - plan_late 15: the current year's plan was submitted after the deadline, or is still not
 *   submitted (or not even started) though the deadline has passed;
 * - expense_report_overdue 15: a grant (any year) still has money at the school after its year's
 *   reporting deadline and no expense report is waiting for review;
 * - no_contact_60_days 20: a running mentoring assignment of the current year has had no confirmed
 *   session for 60 days (the mentoring module's rule);
 * - overdue_followups 5 per overdue follow-up action, at most 15;
 * - falling_indicators 10: an indicator of this or last year's plan ended on the wrong side of its
 *   baseline (below it, when the target is above it).
 * The points are taken in that order; the score never goes below 0, so a reason that would take it
 * there counts only the points that were left (its `points` say so).
 */
export const HEALTH_POINTS = {
  mou_lapsed: 30,
  mou_expiring: 15,
  plan_late: 15,
  expense_report_overdue: 15,
  no_contact_60_days: 20,
  overdue_followups: { each: 5, max: 15 },
  falling_indicators: 10,
} as const;

export const HEALTH_REASON_CODES = ['mou_lapsed', 'mou_expiring', 'plan_late', 'expense_report_overdue', 'no_contact_60_days', 'overdue_followups', 'falling_indicators'] as const;
export type HealthReasonCode = (typeof HEALTH_REASON_CODES)[number];

/** How a score reads: healthy from 80, watch from 50, at risk below. */
export const HEALTH_BANDS = ['healthy', 'watch', 'at_risk'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

/** What the data says about one partnership today (one row of ReportsRepository.healthSignals). */
export interface HealthSignals {
  partnershipId: string;
  status: PartnershipStatus;
  schoolId: string;
  schoolName: string;
  schoolNpsn: string | null;
  schoolRegionCode: string | null;
  /** The MoU in force today, and whether it is expiring. */
  mouInForce: { number: string; expiryDate: string; expiring: boolean } | null;
  /** The latest MoU that took effect; `endedOn` is the first day it was no longer in force. */
  lastMou: { number: string; endedOn: string; terminated: boolean } | null;
  /** The current year's plan (status null: none yet), when the program has a record of the current year. */
  plan: { year: number; deadline: string | null; status: PlanStatus | null; late: boolean } | null;
  /** Grants with an overdue expense report. */
  overdueReports: Array<{ year: number; balance: string; deadline: string }> | null;
  /** A running assignment of the current year without contact for 60 days. */
  noContact: { year: number; lastConfirmedOn: string | null; assignedOn: string } | null;
  overdueFollowUps: number;
  /** Indicators of this or last year's plan that fell. */
  fallingIndicators: Array<{ year: number; name: string; baseline: string; target: string; achieved: string; unit: string | null }> | null;
}

/** One reason the score is below 100. */
export interface HealthReason {
  code: HealthReasonCode;
  points: number;
  detail: string;
}

/** A partnership's score, band and reasons. */
export interface HealthScore {
  score: number;
  band: HealthBand;
  reasons: HealthReason[];
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const rupiah = (amount: string) => `Rp ${BigInt(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/** The band of a score. */
export function healthBand(score: number): HealthBand {
  if (score >= 80) return 'healthy';
  if (score >= 50) return 'watch';
  return 'at_risk';
}

/** The reasons before the cap, in rule order, with their full points. */
function rawReasons(s: HealthSignals, today: string, lang: Lang): HealthReason[] {
  const out: HealthReason[] = [];
  const t = (en: string, id: string) => (lang === 'id' ? id : en);
  if (!s.mouInForce) {
    const detail = s.lastMou
      ? s.lastMou.terminated
        ? t(`No MoU in force since ${s.lastMou.endedOn}: MoU ${s.lastMou.number} was terminated`, `Tidak ada MoU yang berlaku sejak ${s.lastMou.endedOn}: MoU ${s.lastMou.number} diakhiri`)
        : t(`No MoU in force since ${s.lastMou.endedOn}: MoU ${s.lastMou.number} expired and was not renewed`, `Tidak ada MoU yang berlaku sejak ${s.lastMou.endedOn}: MoU ${s.lastMou.number} berakhir dan tidak diperpanjang`)
      : t('No MoU has been signed for this partnership', 'Belum ada MoU yang ditandatangani untuk kemitraan ini');
    out.push({ code: 'mou_lapsed', points: HEALTH_POINTS.mou_lapsed, detail });
  } else if (s.mouInForce.expiring) {
    const days = daysBetween(today, s.mouInForce.expiryDate);
    out.push({
      code: 'mou_expiring',
      points: HEALTH_POINTS.mou_expiring,
      detail: t(
        `MoU ${s.mouInForce.number} expires on ${s.mouInForce.expiryDate} (in ${days} days, within ${MOU_EXPIRING_DAYS}) and no renewal has been started`,
        `MoU ${s.mouInForce.number} berakhir pada ${s.mouInForce.expiryDate} (${days} hari lagi, dalam ${MOU_EXPIRING_DAYS} hari) dan perpanjangannya belum dimulai`,
      ),
    });
  }
  if (s.plan?.late) {
    const p = s.plan;
    const detail =
      p.status === null
        ? t(`No plan for ${p.year} yet, and the deadline ${p.deadline} has passed`, `Belum ada rencana ${p.year}, padahal tenggat ${p.deadline} sudah lewat`)
        : p.status === 'draft'
          ? t(`The ${p.year} plan is not submitted yet, and the deadline ${p.deadline} has passed`, `Rencana ${p.year} belum diajukan, padahal tenggat ${p.deadline} sudah lewat`)
          : t(`The ${p.year} plan was submitted after the deadline ${p.deadline}`, `Rencana ${p.year} diajukan setelah tenggat ${p.deadline}`);
    out.push({ code: 'plan_late', points: HEALTH_POINTS.plan_late, detail });
  }
  if (s.overdueReports && s.overdueReports.length > 0) {
    const list = s.overdueReports.map((r) => `${r.year}: ${rupiah(r.balance)} (${t('deadline', 'tenggat')} ${r.deadline})`).join('; ');
    out.push({
      code: 'expense_report_overdue',
      points: HEALTH_POINTS.expense_report_overdue,
      detail: t(`Grant money is still unreported at the school after the reporting deadline — ${list}`, `Dana hibah masih belum dilaporkan oleh sekolah setelah tenggat pelaporan — ${list}`),
    });
  }
  if (s.noContact) {
    const c = s.noContact;
    out.push({
      code: 'no_contact_60_days',
      points: HEALTH_POINTS.no_contact_60_days,
      detail: c.lastConfirmedOn
        ? t(`No confirmed mentoring session for ${NO_CONTACT_DAYS} days: the last was on ${c.lastConfirmedOn}`, `Tidak ada sesi pendampingan yang terkonfirmasi selama ${NO_CONTACT_DAYS} hari: terakhir pada ${c.lastConfirmedOn}`)
        : t(
            `No confirmed mentoring session since the facilitator was assigned on ${c.assignedOn} (more than ${NO_CONTACT_DAYS} days)`,
            `Belum ada sesi pendampingan yang terkonfirmasi sejak fasilitator ditugaskan pada ${c.assignedOn} (lebih dari ${NO_CONTACT_DAYS} hari)`,
          ),
    });
  }
  if (s.overdueFollowUps > 0) {
    const { each, max } = HEALTH_POINTS.overdue_followups;
    out.push({
      code: 'overdue_followups',
      points: Math.min(each * s.overdueFollowUps, max),
      detail: t(
        `${s.overdueFollowUps} follow-up action(s) past their due date (${each} points each, at most ${max})`,
        `${s.overdueFollowUps} tindak lanjut melewati tenggatnya (${each} poin per tindak lanjut, paling banyak ${max})`,
      ),
    });
  }
  if (s.fallingIndicators && s.fallingIndicators.length > 0) {
    const list = s.fallingIndicators.map((f) => `${f.name} ${f.year}: ${Number(f.achieved)}${f.unit ? ` ${f.unit}` : ''} (${t('baseline', 'awal')} ${Number(f.baseline)}, target ${Number(f.target)})`).join('; ');
    out.push({
      code: 'falling_indicators',
      points: HEALTH_POINTS.falling_indicators,
      detail: t(`Indicator results fell below where the school started — ${list}`, `Capaian indikator turun di bawah kondisi awal sekolah — ${list}`),
    });
  }
  return out;
}

/**
 * The health of one partnership: 100 minus the points of its reasons, never below 0; the reasons'
 * points always add up to 100 − score. Details in `lang`.
 */
export function scoreHealth(signals: HealthSignals, today: string, lang: Lang = 'en'): HealthScore {
  let left = 100;
  const reasons = rawReasons(signals, today, lang).map((r) => {
    const points = Math.min(r.points, left);
    left -= points;
    return { ...r, points };
  });
  return { score: left, band: healthBand(left), reasons };
}
