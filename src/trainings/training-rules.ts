import type { Actor } from '../common/auth/actor';
import { AppError, RawFieldError } from '../common/errors/app-error';
import type { QuestionnaireItem } from './training.entity';
import type { TrainingRow } from './trainings.repository';

/** The lowest and highest Likert answer. */
export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

/** Who runs a training: users of the organiser organisation (CSR officers or facilitators), and admins. */
export function canManage(actor: Actor, t: Pick<TrainingRow, 'organiserId'>): boolean {
  return actor.role === 'admin' || ((actor.role === 'csr_officer' || actor.role === 'facilitator') && actor.organizationId === t.organiserId);
}

/** Who sees every participant of a training: those who run it, the program's company and the listed facilitators. */
export function seesAllParticipants(actor: Actor, t: Pick<TrainingRow, 'organiserId' | 'programCompanyId' | 'facilitatorUserIds'>): boolean {
  if (canManage(actor, t)) return true;
  if (actor.role === 'csr_officer' && t.programCompanyId === actor.organizationId) return true;
  return actor.role === 'facilitator' && t.facilitatorUserIds.includes(actor.userId);
}

/** Refuses a change by someone who can see the training but does not run it. */
export function requireManager(actor: Actor, t: TrainingRow, what: { en: string; id: string }): void {
  if (canManage(actor, t)) return;
  throw AppError.rule(
    `only the organiser (${t.organiserName}) can ${what.en}; you can see this training but do not run it`,
    `hanya penyelenggara (${t.organiserName}) yang dapat ${what.id}; Anda dapat melihat pelatihan ini tetapi tidak menyelenggarakannya`,
  );
}

/** A training of a closed program year is read-only. */
export function refuseClosedTraining(t: Pick<TrainingRow, 'yearStatus' | 'year' | 'programName' | 'title'>): void {
  if (t.yearStatus !== 'closed') return;
  throw AppError.rule(
    `"${t.title}" belongs to ${t.year} of ${t.programName}, which is closed and read-only`,
    `"${t.title}" termasuk tahun ${t.year} program ${t.programName}, yang sudah ditutup dan hanya-baca`,
  );
}

/** Why a score lies outside the training's scale, or null when it fits (null scores always fit). */
export function scoreProblem(field: string, value: number | null | undefined, scale: { scoreMin: number; scoreMax: number }): RawFieldError | null {
  if (value === null || value === undefined) return null;
  if (value >= scale.scoreMin && value <= scale.scoreMax) return null;
  return {
    field,
    code: 'outside_scale',
    message: {
      en: `${field} ${value} is outside the training's score scale ${scale.scoreMin}–${scale.scoreMax}; give a score from ${scale.scoreMin} to ${scale.scoreMax}`,
      id: `${field} ${value} di luar skala nilai pelatihan ${scale.scoreMin}–${scale.scoreMax}; beri nilai dari ${scale.scoreMin} sampai ${scale.scoreMax}`,
    },
  };
}

/**
 * Merges satisfaction answers into the stored ones: every key must be an item of the questionnaire
 * and every answer a whole number 1–5, or null to remove it. Problems are added to `errors`.
 */
export function mergeSatisfaction(
  current: Record<string, number>,
  answers: Record<string, unknown>,
  questionnaire: readonly QuestionnaireItem[],
  errors: RawFieldError[],
): Record<string, number> {
  const ids = new Set(questionnaire.map((q) => q.id));
  const merged = { ...current };
  for (const [key, value] of Object.entries(answers)) {
    const field = `satisfaction.${key}`;
    if (!ids.has(key)) {
      errors.push({
        field,
        code: 'unknown_item',
        message: {
          en: `${key} is not an item of this training's questionnaire; use the ids in questionnaire[].id`,
          id: `${key} bukan butir kuesioner pelatihan ini; gunakan id di questionnaire[].id`,
        },
      });
    } else if (value === null) {
      delete merged[key];
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) {
      errors.push({
        field,
        code: 'not_likert',
        message: {
          en: `${field} must be a whole number from ${LIKERT_MIN} to ${LIKERT_MAX} (5 = strongly agree), or null to remove the answer`,
          id: `${field} harus bilangan bulat dari ${LIKERT_MIN} sampai ${LIKERT_MAX} (5 = sangat setuju), atau null untuk menghapus jawaban`,
        },
      });
    } else {
      merged[key] = value;
    }
  }
  return merged;
}
