import type { RawFieldError } from '../common/errors/app-error';

/** How many categories and criteria a competition has, and what its weights must add up to. */
export const RUBRIC_LIMITS = {
  minCategories: 1,
  maxCategories: 10,
  minCriteria: 1,
  maxCriteria: 20,
  /** Weights are percentages of the total score. */
  weightTotal: 100,
  /** Weights are stored with two decimals; the sum may be off by rounding at most this much. */
  tolerance: 0.001,
} as const;

/** The sum of the weights, computed in hundredths so that 33.33 + 33.33 + 33.34 is exactly 100. */
export function weightSum(weights: readonly number[]): number {
  return weights.reduce((sum, w) => sum + Math.round(w * 100), 0) / 100;
}

/**
 * The 422 for a rubric whose weights do not add up to 100 (± 0.001), naming `field` and the sum it
 * has; null when they do.
 */
export function refuseWeights(weights: readonly number[], field = 'criteria'): RawFieldError | null {
  const sum = weightSum(weights);
  if (Math.abs(sum - RUBRIC_LIMITS.weightTotal) <= RUBRIC_LIMITS.tolerance) return null;
  const gap = Math.round((RUBRIC_LIMITS.weightTotal - sum) * 100) / 100;
  const fix = gap > 0 ? `add ${gap} to the weights` : `take ${-gap} off the weights`;
  const perbaiki = gap > 0 ? `tambahkan ${gap} pada bobot` : `kurangi bobot sebanyak ${-gap}`;
  return {
    field,
    code: 'weights_must_total_100',
    message: {
      en: `the weights of the criteria add up to ${sum}, but they must add up to 100 (they are percentages of the total score); ${fix}`,
      id: `bobot kriteria berjumlah ${sum}, padahal harus berjumlah 100 (bobot adalah persentase dari nilai total); ${perbaiki}`,
    },
  };
}

/** Duplicate names in a list (trimmed, case-insensitive): the 422 field errors, one per repeat. */
export function duplicateNames(names: readonly string[], field: (i: number) => string, what: { en: string; id: string }): RawFieldError[] {
  const seen = new Map<string, number>();
  const out: RawFieldError[] = [];
  names.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    out.push({
      field: field(i),
      code: 'duplicate_name',
      message: {
        en: `${field(i)} "${name.trim()}" repeats ${field(first)}; every ${what.en} needs its own name`,
        id: `${field(i)} "${name.trim()}" mengulang ${field(first)}; setiap ${what.id} memerlukan nama sendiri`,
      },
    });
  });
  return out;
}
