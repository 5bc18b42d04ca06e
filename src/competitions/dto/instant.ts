import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant written in ISO 8601 with its offset, e.g. 2025-10-31T23:59:59+07:00. */
export const IsInstant = (field: string) =>
  applyDecorators(
    Matches(INSTANT_PATTERN, { message: `${field} must be a date and time with its offset, like 2025-10-31T23:59:59+07:00` }),
    IsISO8601({ strict: true }, { message: `${field} must be a real date and time, like 2025-10-31T23:59:59+07:00` }),
  );

/** Trims a string so that a blank one counts as empty. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
