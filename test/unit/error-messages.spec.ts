import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { getMetadataArgsStorage } from 'typeorm';
import { Permission } from '../../src/common/auth/permissions';
import { AppError } from '../../src/common/errors/app-error';
import { describeError, ERROR_CATALOG, ErrorCode } from '../../src/common/errors/error-catalog';
import { fieldLabel } from '../../src/common/errors/field-labels';
import { LANGUAGES, Lang } from '../../src/common/errors/i18n';
import { RECORD_NAMES, ROLE_NAMES, statusName } from '../../src/common/errors/names';
import { problemOf } from '../../src/common/errors/problem';
import { validationFailed } from '../../src/common/errors/validation';
import { ENTITIES } from '../../src/database/entities';
import { SnakeNamingStrategy } from '../../src/database/naming.strategy';
import { CreateEntryDto } from '../../src/competitions/dto/create-entry.dto';
import { UpdateEntryDto } from '../../src/competitions/dto/update-entry.dto';
import { CreateExpenseReportDto, UpdateExpenseReportDto } from '../../src/grants/dto/expense-report.dto';
import { DisputeMentoringSessionDto } from '../../src/mentoring/dto/session-input.dto';
import { CreateContactDto, UpdateContactDto } from '../../src/organizations/dto/contact.dto';
import { UpdateOrganizationDto } from '../../src/organizations/dto/update-organization.dto';
import { CreatePlanDto } from '../../src/plans/dto/create-plan.dto';
import { ActivityProgressDto, CreatePlanCommentDto, IndicatorResultDto, WithdrawPlanDto } from '../../src/plans/dto/plan-actions.dto';
import { UpdatePlanDto } from '../../src/plans/dto/update-plan.dto';
import type { Role } from '../../src/users/role';

// class-transformer keeps its @Type metadata in a module it does not export by name; its types sit beside it.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/** Tables as the database names them: none may reach a person. */
const naming = new SnakeNamingStrategy();
const TABLES = getMetadataArgsStorage()
  .tables.filter((t) => ENTITIES.includes(t.target as (typeof ENTITIES)[number]))
  .map((t) => naming.tableName((t.target as { name: string }).name, t.name));
const ROLES = Object.keys(ROLE_NAMES) as Role[];

/** What no message a person reads may contain, in either language. */
function internalsIn(text: string, lang: Lang): string[] {
  const found: string[] = [];
  const permission = text.match(/\b[a-z_]+:[a-z_]+\b/);
  if (permission) found.push(`permission ${permission[0]}`);
  if (/\b(csr_officer|education_officer)\b/.test(text)) found.push('raw role value');
  // In Bahasa no English role name belongs; in English a role is a word, but never a value in brackets.
  if (lang === 'id' && /\b(principal|facilitator|judge|admin)\b/.test(text)) found.push('English role name in Bahasa');
  if (/\((admin|principal|facilitator|judge)\)/.test(text)) found.push('role value in brackets');
  for (const table of TABLES) {
    if ((lang === 'id' || table.includes('_')) && new RegExp(`\\b${table}\\b`).test(text)) found.push(`table ${table}`);
  }
  if (/\b(undefined|null|NaN)\b|\[object /.test(text)) found.push('undefined/null');
  return found;
}

const SAMPLE: Record<string, string | number> = {
  reason: 'Unexpected end of JSON input',
  limit: '1 MB',
  resource: 'plan',
  id: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69',
  method: 'GET',
  path: '/api/v1/nothing-here',
  retryAfter: 30,
  email: 'guru@sekolah.sch.id',
  npsn: '30304122',
  existingName: 'SD Negeri 1 Banjarmasin',
  existingId: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69',
  sent: 2,
  current: 3,
  number: 'MOU/2026/001',
  organization: 'SD Negeri 1 Banjarmasin',
  signedAt: '15 July 2026',
  what: 'MoU',
  whatId: 'MoU',
  renewalNumber: 'MOU/2027/001',
  renewalId: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69',
  en: 'this grant is fully disbursed',
  id_: '',
  requestId: 'support-case-42',
  problemCount: 3,
};

/** Every code with sample parameters, and the codes whose words depend on a role, a permission or a record with each of them. */
function samples(code: ErrorCode): Record<string, string | number>[] {
  if (code === 'forbidden') {
    const all: Record<string, string | number>[] = [{}];
    for (const role of ROLES) {
      all.push({ role }, { role, actionEn: 'start a plan', actionId: 'memulai rencana' });
      for (const permission of Object.values(Permission)) all.push({ role, permission });
    }
    return all;
  }
  if (code === 'not_found') return [...Object.keys(RECORD_NAMES), 'something new'].map((resource) => ({ ...SAMPLE, resource }));
  if (code === 'rule_violated') return [{ en: 'this grant is fully disbursed', id: 'hibah ini sudah dicairkan seluruhnya' }];
  return [SAMPLE];
}

describe('error messages a person reads', () => {
  it('knows the database tables it must not show', () => {
    expect(TABLES).toEqual(expect.arrayContaining(['plans', 'partner_requests', 'expense_reports']));
  });

  const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];
  it.each(codes)('%s reads as plain language in both languages', (code) => {
    for (const params of samples(code)) {
      for (const lang of LANGUAGES) {
        const { title, detail } = describeError(code, params, lang);
        expect(title.length).toBeGreaterThan(0);
        expect(detail.length).toBeGreaterThan(0);
        expect({ code, lang, params, problems: internalsIn(`${title}\n${detail}`, lang) }).toEqual({ code, lang, params, problems: [] });
      }
    }
  });

  it('names roles and permissions in words', () => {
    const en = describeError('forbidden', { role: 'principal', permission: Permission.PlansApprove }, 'en').detail;
    const id = describeError('forbidden', { role: 'principal', permission: Permission.PlansApprove }, 'id').detail;
    expect(en).toBe('A principal cannot approve plans. Ask a CSR officer to do it.');
    expect(id).toBe('Kepala sekolah tidak dapat menyetujui rencana. Minta petugas CSR untuk melakukannya.');
    expect(describeError('not_found', { resource: 'plan', id: 'x' }, 'id').detail).toMatch(/^Tidak ada rencana dengan id x /);
    expect([statusName('changes_requested', 'en'), statusName('changes_requested', 'id'), statusName('in_progress', 'id')]).toEqual(['returned for changes', 'perlu perbaikan', 'sedang berjalan']);
  });

  it("names a field by its label where a service's message starts with its JSON name", () => {
    const error = AppError.field('recommendations[1].schoolId', 'not_a_school', 'recommendations[1].schoolId names no school', 'recommendations[1].schoolId tidak menunjuk sekolah mana pun');
    const body = problemOf(error, { header: () => 'id', originalUrl: '/x' } as never, 'r1');
    expect(body.errors).toEqual([{ field: 'recommendations[1].schoolId', label: 'Sekolah', code: 'not_a_school', message: 'Sekolah tidak menunjuk sekolah mana pun' }]);
  });

  it('titles a rule refusal as a refusal, with the reason as the detail and the field kept', () => {
    const error = AppError.refused('amount', 'over_award', 'this grant is fully disbursed', 'hibah ini sudah dicairkan seluruhnya');
    const body = problemOf(error, { header: () => 'id', originalUrl: '/x' } as never, 'r1');
    expect(body).toMatchObject({
      code: 'rule_violated',
      title: 'Permintaan ini tidak dapat diproses',
      detail: 'Hibah ini sudah dicairkan seluruhnya.',
      errors: [{ field: 'amount', label: 'Jumlah', code: 'over_award', message: 'hibah ini sudah dicairkan seluruhnya' }],
    });
  });
});

/** The forms of the principal's portal: plans, expense reports, competition entries, the school profile and contacts, a disputed session. */
const PRINCIPAL_FORMS: [string, new () => object][] = [
  ['CreatePlanDto', CreatePlanDto],
  ['UpdatePlanDto', UpdatePlanDto],
  ['WithdrawPlanDto', WithdrawPlanDto],
  ['CreatePlanCommentDto', CreatePlanCommentDto],
  ['ActivityProgressDto', ActivityProgressDto],
  ['IndicatorResultDto', IndicatorResultDto],
  ['CreateExpenseReportDto', CreateExpenseReportDto],
  ['UpdateExpenseReportDto', UpdateExpenseReportDto],
  ['CreateEntryDto', CreateEntryDto],
  ['UpdateEntryDto', UpdateEntryDto],
  ['UpdateOrganizationDto', UpdateOrganizationDto],
  ['CreateContactDto', CreateContactDto],
  ['UpdateContactDto', UpdateContactDto],
  ['DisputeMentoringSessionDto', DisputeMentoringSessionDto],
];

/** Every field path of a DTO, nested DTOs included (an array's items at position 0). */
function fieldPaths(cls: new () => object, prefix = '', seen = new Set<unknown>()): string[] {
  if (seen.has(cls)) return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const out: string[] = [];
  for (const property of new Set(metas.map((m) => m.propertyName))) {
    const path = prefix ? `${prefix}.${property}` : property;
    out.push(path);
    const type = defaultMetadataStorage.findTypeMetadata(cls, property);
    if (type) {
      const nested = type.typeFunction() as new () => object;
      const isArray = metas.some((m) => m.propertyName === property && (m.each || m.name === 'isArray' || m.constraintCls?.name === 'isArray'));
      out.push(...fieldPaths(nested, isArray ? `${path}[0]` : path, new Set([...seen, cls])));
    }
  }
  return out;
}

const pipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  validationError: { target: false, value: true },
  exceptionFactory: validationFailed,
});

async function problemsOf(cls: new () => object, body: unknown): Promise<AppError | null> {
  try {
    await pipe.transform(body, { type: 'body', metatype: cls } as ArgumentMetadata);
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

describe('field labels of the principal forms', () => {
  it.each(PRINCIPAL_FORMS)('%s: every field has a label in both languages', (_name, cls) => {
    const unlabelled = fieldPaths(cls).filter((path) => {
      const label = fieldLabel(path);
      return !label || !label.en || !label.id;
    });
    expect(unlabelled).toEqual([]);
  });

  it.each(PRINCIPAL_FORMS)('%s: every field problem of an empty or wrongly typed body has a label and plain words', async (_name, cls) => {
    const wrong: Record<string, unknown> = {};
    for (const path of fieldPaths(cls)) if (!path.includes('.') && !path.includes('[')) wrong[path] = 12345.5;
    for (const body of [{}, wrong]) {
      const error = await problemsOf(cls, body);
      if (!error) continue;
      for (const lang of LANGUAGES) {
        const problem = problemOf(error, { header: () => lang, originalUrl: '/x' } as never, 'r1');
        for (const f of problem.errors ?? []) {
          expect({ field: f.field, label: typeof f.label === 'string' && f.label.length > 0 }).toEqual({ field: f.field, label: true });
          expect({ field: f.field, message: f.message, problems: internalsIn(f.message, lang) }).toEqual({ field: f.field, message: f.message, problems: [] });
        }
      }
    }
  });

  it('says a missing title is missing, not too long, whatever constraint runs first', async () => {
    // The report's title checks its length first (decorators run bottom-up), which an absent title fails too.
    const error = await problemsOf(CreateExpenseReportDto, { title: undefined });
    const en = problemOf(error!, { header: () => 'en', originalUrl: '/x' } as never, 'r1');
    const id = problemOf(error!, { header: () => 'id', originalUrl: '/x' } as never, 'r1');
    expect(en.errors).toEqual([{ field: 'title', label: 'Title', code: 'isNotEmpty', message: 'Title is required' }]);
    expect(id.errors).toEqual([{ field: 'title', label: 'Judul', code: 'isNotEmpty', message: 'Judul wajib diisi' }]);
    const tooLong = problemOf((await problemsOf(CreateExpenseReportDto, { title: 'x'.repeat(201) }))!, { header: () => 'id', originalUrl: '/x' } as never, 'r1');
    expect(tooLong.errors).toEqual([{ field: 'title', label: 'Judul', code: 'maxLength', message: 'Judul maksimal 200 karakter; persingkat isiannya' }]);
  });

  it('keeps the example of the NPSN in both languages', async () => {
    const error = await problemsOf(UpdateOrganizationDto, { npsn: '123', version: 1 });
    const id = problemOf(error!, { header: () => 'id', originalUrl: '/x' } as never, 'r1');
    const en = problemOf(error!, { header: () => 'en', originalUrl: '/x' } as never, 'r1');
    expect(id.errors).toEqual([{ field: 'npsn', label: 'NPSN', code: 'matches', message: 'NPSN harus tepat 8 angka, misalnya 30304122' }]);
    expect(en.errors).toEqual([{ field: 'npsn', label: 'NPSN', code: 'matches', message: 'NPSN must be exactly 8 digits, e.g. 30304122' }]);
  });
});
