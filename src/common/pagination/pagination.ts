import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AppError } from '../errors/app-error';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `limit` and `cursor` of every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 20, description: 'Page size, at most 100.' })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; leave out for the first page.', example: 'WyJTRE4gUGVsYW1idWFuIDQiLCIzZjJhIl0' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** The position after the last row of a page: the sort key values of that row. */
export function encodeCursor(values: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What one value of a cursor must be, so a hand-edited cursor never reaches the database. */
export type CursorPart = 'string' | 'uuid' | 'int' | 'timestamp' | 'date' | 'number';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(value: unknown, part: CursorPart): boolean {
  switch (part) {
    case 'string':
      return typeof value === 'string' && value.length <= 500;
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'int':
      return (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) || (typeof value === 'number' && Number.isSafeInteger(value));
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'timestamp':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
  }
}

/**
 * Reads a cursor back; a cursor that was not made by this API (wrong shape, or values of the
 * wrong kind) is a 422 on `cursor`. `shape` gives the kind of each value; a bare number only
 * checks the count and that values are strings or numbers.
 */
export function decodeCursor(cursor: string | undefined, shape: number | CursorPart[]): Array<string | number | null> | null {
  if (cursor === undefined) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const parts: Array<CursorPart | null> = typeof shape === 'number' ? Array<null>(shape).fill(null) : shape;
    if (
      Array.isArray(values) &&
      values.length === parts.length &&
      values.every((v, i) => {
        const part = parts[i];
        return part === null ? v === null || ['string', 'number'].includes(typeof v) : fits(v, part);
      })
    ) {
      return values as Array<string | number | null>;
    }
  } catch {
    // fall through to the field error
  }
  throw AppError.field(
    'cursor',
    'invalid_cursor',
    'cursor is not one this API gave out; use the nextCursor of the previous page, or leave it out to start again',
    'cursor bukan yang diberikan API ini; pakai nextCursor dari halaman sebelumnya, atau kosongkan untuk mulai lagi',
  );
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cuts the `limit + 1` rows a keyset query fetched into a page: the extra row only tells that
 * another page exists.
 */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => Array<string | number | null>, map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(pageRows[pageRows.length - 1])) : null,
  };
}

/** A Swagger-documented page class for an item type. */
export function PageOf<T>(item: Type<T>, name: string): Type<Page<T>> {
  class PageClass {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` to get the next page; null on the last page.' })
    nextCursor: string | null;
  }
  Object.defineProperty(PageClass, 'name', { value: name });
  return PageClass;
}
