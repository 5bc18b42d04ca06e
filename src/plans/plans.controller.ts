import { AcceptLanguage } from '../common/http/request-headers.decorator';
import { Body, Controller, Delete, Get, HttpCode, Injectable, Param, Patch, PipeTransform, Post, Put, Query, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { AppError } from '../common/errors/app-error';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { pickLanguage } from '../common/errors/i18n';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type';
import { DOCUMENT_FILE_FIELD, DocumentUploadInterceptor, MAX_DOCUMENT_SIZE_TEXT } from '../documents/document-upload.interceptor';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { IdempotencyKeyBusyFilter } from '../idempotency/idempotency.errors';
import { ApiOptionalIdempotencyKey, OptionalIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotentResponseInterceptor } from '../idempotency/idempotent-response.interceptor';
import { CreatePlanDto } from './dto/create-plan.dto';
import { ListPlansQuery } from './dto/list-plans.query';
import { ActivityProgressDto, AddPlanEditorDto, ApprovePlanDto, BudgetCsvQuery, CreatePlanCommentDto, IndicatorResultDto, PlanDiffQuery, RequestChangesDto, WithdrawPlanDto } from './dto/plan-actions.dto';
import { PlanCommentListResponse, PlanCommentResponse, PlanDiffResponse, PlanVersionDetailResponse, PlanVersionListResponse } from './dto/plan-history.response';
import { ActivityProgressResponse, IndicatorResultResponse, PlanProgressResponse } from './dto/plan-progress.response';
import { PlanDetailResponse, PlanEditorListResponse, PlanResponse } from './dto/plan.response';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { MAX_COMMENTS_PER_PLAN, PlanCommentsService } from './plan-comments.service';
import { ExportFile, PlanExportsService, rkasLanguage, XLSX_CONTENT_TYPE } from './plan-exports.service';
import { PlanProgressService } from './plan-progress.service';
import { PlansService } from './plans.service';

const PlanPage = PageOf(PlanResponse, 'PlanPage');

/** A version number in the path must be a whole number of 1 or more; anything else is a 422 naming the parameter. */
@Injectable()
export class VersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: { data?: string }): number {
    if (/^[1-9]\d{0,8}$/.test(value)) return Number(value);
    const field = metadata.data ?? 'number';
    throw AppError.field(field, 'isInt', `${field} in the path must be a version number such as 1 or 2`, `${field} di path harus berupa nomor versi seperti 1 atau 2`);
  }
}

const WORKFLOW =
  'draft → submitted → changes_requested → (resubmitted) submitted → approved → in_progress → completed; withdrawn before the first approval. ' +
  'An approved plan is frozen: POST /revise opens the next revision round as a draft, reviewed and approved again. ' +
  "A closed program year's plans are read-only (every change answers 422).";

const RETRY = 'With an optional Idempotency-Key header a retry of the same request replays the first answer (Idempotency-Replayed: true) instead of creating a second record.';

const file = (f: ExportFile) => new StreamableFile(f.content, { type: f.contentType, disposition: f.disposition, length: f.content.length });

@ApiTags('plans')
@Controller('plans')
@UseFilters(DuplicateRecordFilter, IdempotencyKeyBusyFilter)
@ApiExtraModels(ActivityProgressDto)
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly comments: PlanCommentsService,
    private readonly progressReports: PlanProgressService,
    private readonly exports: PlanExportsService,
  ) {}

  @Post()
  @Allow(Permission.PlansWrite)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: "Start a school's plan for a program year (principal of the school, or admin naming the school)",
    description:
      "The school needs a prospective or active partnership in the year's program (otherwise 422), and keeps one plan per program year: a second one answers 409 naming the existing plan (existingId). " +
      'The plan starts as a draft; `content` (the template) may be filled in now or later. Items without an id get one. ' +
      'Amounts are whole rupiah as integers or digit strings; every line total is computed (a sent total that disagrees is refused). ' +
      RETRY,
  })
  @ApiCreatedResponse({ type: PlanDetailResponse })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @OptionalIdempotencyKey() key: string | undefined, @Body() dto: CreatePlanDto) {
    return this.plans.create(actor, dto, key);
  }

  @Get()
  @Allow(Permission.PlansRead)
  @ApiOperation({
    summary: 'List plans, newest program year first, then by school name',
    description:
      "Principals see their school's plans; facilitators the plans naming them as facilitator in programs their organisation works in; CSR officers the plans in their company's programs; education officers those of schools in their jurisdiction; admins all. Judges: 403.",
  })
  @ApiOkResponse({ type: PlanPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListPlansQuery) {
    return this.plans.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'One plan with its template, computed totals, deadline and late flag', description: WORKFLOW })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.PlansWrite)
  @ApiOperation({
    summary: 'Change a draft (the school: principal-role users and editors)',
    description:
      'Only in draft or changes_requested (also in a revision round). Send the version you read: if someone saved since, the answer is 409 stale_version with the current version and nothing is written. ' +
      '`content` replaces the whole template; send item ids back to keep items (progress, results and comments hang on them). A revision cannot drop activities or indicators that already have progress or results.',
  })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(actor, id, dto);
  }

  @Get(':id/editors')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'The users of the school who may edit the plan besides its principals' })
  @ApiOkResponse({ type: PlanEditorListResponse })
  @ApiProblems(404, 422)
  editors(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.editors(actor, id);
  }

  @Post(':id/editors')
  @Allow(Permission.PlansWrite)
  @ApiOperation({ summary: "Let a user of the school edit the plan (the school's principal, or admin)", description: 'Adding someone who already is an editor changes nothing.' })
  @ApiCreatedResponse({ type: PlanEditorListResponse })
  @ApiProblems(404, 422)
  addEditor(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AddPlanEditorDto) {
    return this.plans.addEditor(actor, id, dto);
  }

  @Delete(':id/editors/:userId')
  @HttpCode(204)
  @Allow(Permission.PlansWrite)
  @ApiOperation({ summary: "Take a user's edit right away again (the school's principal, or admin)" })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(404, 422)
  async removeEditor(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('userId', UuidPipe) userId: string): Promise<void> {
    await this.plans.removeEditor(actor, id, userId);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Allow(Permission.PlansWrite)
  @ApiOperation({
    summary: 'Submit the plan for review (the school)',
    description:
      'From draft or changes_requested. Checks completeness and answers 422 listing every missing piece by field path: at least one program; each program a goal, at least one activity and one indicator; ' +
      'each activity its start and end month and a person responsible; each indicator a target and a unit; each budget line adding up. ' +
      "The plan is snapshotted as the next version. A first submission after the program year's plan deadline is allowed but flagged late.",
  })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 422)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.submit(actor, id);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Allow(Permission.PlansReview)
  @ApiOperation({
    summary: "Send a submitted plan back to the school (the plan's facilitator or the company's CSR officer)",
    description: 'The comment becomes a general comment on the plan. With `version` (the one read), a plan changed since answers 409 and nothing happens.',
  })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 409, 422)
  requestChanges(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RequestChangesDto) {
    return this.plans.requestChanges(actor, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Allow(Permission.PlansApprove)
  @ApiOperation({
    summary: "Approve a submitted plan (a CSR officer of the program's company)",
    description: 'The plan is frozen from then on; changes go through a revision. The body is optional; with `version` (the one read), a plan changed since answers 409 and nothing happens.',
  })
  @ApiBody({ type: ApprovePlanDto, required: false })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 409, 422)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ApprovePlanDto) {
    return this.plans.approve(actor, id, dto);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: "Start carrying out an approved plan (the school or the company's CSR officer)", description: 'approved → in_progress. Other roles that can read the plan get 403.' })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 422)
  start(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.start(actor, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Allow(Permission.PlansRead)
  @ApiOperation({
    summary: "Complete a plan being carried out (the school or the company's CSR officer)",
    description: 'in_progress → completed. Every indicator needs its achieved value; otherwise 422 naming each indicator without one.',
  })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 422)
  complete(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.complete(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Allow(Permission.PlansWrite)
  @ApiOperation({ summary: 'Withdraw the plan before its first approval, with a reason (the school)', description: 'Final: the school keeps one plan per program year.' })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 422)
  withdraw(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: WithdrawPlanDto) {
    return this.plans.withdraw(actor, id, dto);
  }

  @Post(':id/revise')
  @HttpCode(200)
  @Allow(Permission.PlansWrite)
  @ApiOperation({
    summary: 'Open a revision of an approved plan (the school)',
    description: 'approved or in_progress → draft of the next revision round; submitted, reviewed and approved again (then started again). The approved version stays in the history; progress and results are kept.',
  })
  @ApiOkResponse({ type: PlanDetailResponse })
  @ApiProblems(404, 422)
  revise(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.revise(actor, id);
  }

  @Get(':id/versions')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'Every submitted version, oldest first, with what became of each' })
  @ApiOkResponse({ type: PlanVersionListResponse })
  @ApiProblems(404, 422)
  versions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.plans.versions(actor, id);
  }

  @Get(':id/versions/:number')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'One submitted version with its snapshot and totals' })
  @ApiOkResponse({ type: PlanVersionDetailResponse })
  @ApiProblems(404, 422)
  version(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('number', VersionNumberPipe) number: number) {
    return this.plans.version(actor, id, number);
  }

  @Get(':id/versions/:number/diff')
  @Allow(Permission.PlansRead)
  @ApiOperation({
    summary: 'What changed between two submitted versions, field by field',
    description:
      'By default version n against n − 1 (version 1 against an empty plan). Each change is { path, change: added | removed | changed, before, after }; items are matched by id, so an added or removed activity is one entry.',
  })
  @ApiOkResponse({ type: PlanDiffResponse })
  @ApiProblems(404, 422)
  diff(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('number', VersionNumberPipe) number: number, @Query() query: PlanDiffQuery) {
    return this.plans.diff(actor, id, number, query.against);
  }

  @Get(':id/comments')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'The comments on a plan as threads, oldest first' })
  @ApiOkResponse({ type: PlanCommentListResponse })
  @ApiProblems(404, 422)
  listComments(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.comments.list(actor, id);
  }

  @Post(':id/comments')
  @Allow(Permission.PlansRead)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: "Comment on a plan (the school, the plan's facilitator, the company's CSR officer)",
    description: `General, on one field (fieldPath must exist in the current plan), or a reply (parentId; it stays on its parent's field). Education officers read only (403). At most ${MAX_COMMENTS_PER_PLAN} comments per plan; not on a completed or withdrawn plan. ${RETRY}`,
  })
  @ApiCreatedResponse({ type: PlanCommentResponse })
  @ApiProblems(400, 404, 409, 422)
  createComment(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @OptionalIdempotencyKey() key: string | undefined, @Body() dto: CreatePlanCommentDto) {
    return this.comments.create(actor, id, dto, key);
  }

  @Get(':id/progress')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: "Every activity's progress and every indicator's result, in template order" })
  @ApiOkResponse({ type: PlanProgressResponse })
  @ApiProblems(404, 422)
  progress(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.progressReports.progress(actor, id);
  }

  @Put(':id/activities/:activityId/progress')
  @Allow(Permission.PlansWrite)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Report how an activity is going (the school; approved or in_progress plans)',
    description:
      `JSON, or multipart/form-data with an evidence file in \`${DOCUMENT_FILE_FIELD}\` (PDF, PNG or JPEG by content, at most ${MAX_DOCUMENT_SIZE_TEXT}). ` +
      'evidenceDocumentId reuses a file uploaded earlier for this plan; null removes the evidence; leaving both out keeps it. Replaces the previous report.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(ActivityProgressDto) },
        {
          type: 'object',
          required: ['status'],
          properties: {
            status: { type: 'string', enum: ['not_started', 'in_progress', 'done'] },
            note: { type: 'string' },
            [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `Evidence: ${DOCUMENT_CONTENT_TYPES.join(', ')}.` },
          },
        },
      ],
    },
  })
  @ApiOkResponse({ type: ActivityProgressResponse })
  @ApiProblems(404, 413, 422)
  reportProgress(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('activityId', UuidPipe) activityId: string,
    @Body() dto: ActivityProgressDto,
    @UploadedFile() evidence: UploadedDocument | undefined,
  ) {
    return this.progressReports.reportProgress(actor, id, activityId, dto, evidence);
  }

  @Put(':id/indicators/:indicatorId/result')
  @Allow(Permission.PlansWrite)
  @ApiOperation({ summary: 'Report the value an indicator reached (the school; approved or in_progress plans)', description: 'Replaces the previous report. Completing the plan needs every indicator reported.' })
  @ApiOkResponse({ type: IndicatorResultResponse })
  @ApiProblems(404, 422)
  reportResult(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('indicatorId', UuidPipe) indicatorId: string, @Body() dto: IndicatorResultDto) {
    return this.progressReports.reportResult(actor, id, indicatorId, dto);
  }

  @Get(':id/documents/:documentId')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'Download an evidence file of the plan' })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async document(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.progressReports.openDocument(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }

  @Get(':id/export.pdf')
  @Allow(Permission.PlansRead)
  @ApiOperation({ summary: 'The plan as a printable A4 PDF', description: 'Labels in the language of Accept-Language (id for Bahasa Indonesia).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The PDF.' })
  @ApiProblems(404, 422)
  async exportPdf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @AcceptLanguage() language?: string): Promise<StreamableFile> {
    return file(await this.exports.pdf(actor, id, pickLanguage(language)));
  }

  @Get(':id/budget.csv')
  @Allow(Permission.PlansRead)
  @ApiOperation({
    summary: "The plan's budget in the RKAS layout as CSV, to re-key into ARKAS",
    description:
      'UTF-8 with a byte-order mark; one row per budget line (No, SNP code, standard, activity, account code, account name, description, volume, unit, unit price, amount, month, funding source — CSR/mitra apart from BOS), ' +
      'then totals per funding source and for the plan. Headers in Bahasa Indonesia unless Accept-Language asks for English. `?delimiter=semicolon` for spreadsheets set to Indonesian.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'The CSV.' })
  @ApiProblems(404, 422)
  async budgetCsv(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: BudgetCsvQuery, @AcceptLanguage() language?: string): Promise<StreamableFile> {
    return file(await this.exports.csv(actor, id, rkasLanguage(language), query.delimiter ?? 'comma'));
  }

  @Get(':id/budget.xlsx')
  @Allow(Permission.PlansRead)
  @ApiOperation({
    summary: "The plan's budget in the RKAS layout as an XLSX workbook",
    description: 'The same rows and language as the CSV; amounts are rupiah numbers formatted "Rp" #,##0; the header row is frozen and filtered.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The workbook.' })
  @ApiProblems(404, 422)
  async budgetXlsx(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @AcceptLanguage() language?: string): Promise<StreamableFile> {
    return file(await this.exports.xlsx(actor, id, rkasLanguage(language)));
  }
}
