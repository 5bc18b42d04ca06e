import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (no 30 February). */
export const IsCalendarDate = (field: string) =>
  applyDecorators(
    Matches(DATE_PATTERN, { message: `${field} must be a date like 2026-07-15` }),
    IsISO8601({ strict: true }, { message: `${field} must be a real calendar date like 2026-07-15` }),
  );

/** Trims a string so that a blank one counts as empty. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
