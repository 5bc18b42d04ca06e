import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { AppError } from '../../src/common/errors/app-error';
import { requireObjectsInNestedFields } from '../../src/common/errors/dto-rules';
import { validationFailed } from '../../src/common/errors/validation';

class Line {
  @IsString()
  description: string;
}

class Report {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines: Line[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Line)
  summary?: Line;
}

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true, validationError: { target: false, value: true }, exceptionFactory: validationFailed });

async function fieldsOf(body: unknown): Promise<{ field: string; code: string }[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype: Report });
    return [];
  } catch (e) {
    return (e as AppError).fieldErrors.map(({ field, code }) => ({ field, code }));
  }
}

describe('nested DTO fields take objects only', () => {
  beforeAll(() => requireObjectsInNestedFields());

  it('refuses an array where an entry of a list of objects belongs, naming the list', async () => {
    expect(await fieldsOf({ lines: [[]] })).toEqual([{ field: 'lines', code: 'isNestedObject' }]);
    expect(await fieldsOf({ lines: [{ description: 'ok' }, [{ description: 'x' }]] })).toEqual([{ field: 'lines', code: 'isNestedObject' }]);
  });

  it('refuses an array where one object belongs', async () => {
    expect(await fieldsOf({ lines: [], summary: [] })).toEqual([{ field: 'summary', code: 'isNestedObject' }]);
  });

  it('still accepts objects, and adds nothing twice', async () => {
    expect(await fieldsOf({ lines: [{ description: 'ok' }], summary: { description: 'ok' } })).toEqual([]);
    expect(requireObjectsInNestedFields()).toBe(0);
  });
});
