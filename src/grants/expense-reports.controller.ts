import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type';
import { DOCUMENT_FILE_FIELD, DocumentUploadInterceptor, MAX_DOCUMENT_SIZE_TEXT } from '../documents/document-upload.interceptor';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { IdempotencyKeyBusyFilter } from '../idempotency/idempotency.errors';
import { ApiOptionalIdempotencyKey, OptionalIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotentResponseInterceptor } from '../idempotency/idempotent-response.interceptor';
import { CreateExpenseReportDto, ExpenseLineDto, ReviewExpenseReportDto, UpdateExpenseLineDto, UpdateExpenseReportDto } from './dto/expense-report.dto';
import { ExpenseReportDetailResponse, ExpenseReportListResponse } from './dto/expense-report.response';
import { ExpenseReportsService } from './expense-reports.service';

const SCHOOL_WRITES = "The principal of the grant's school, while the report is a draft or returned for correction.";

const RETRY = 'With an optional Idempotency-Key header a retry of the same request replays the first answer (Idempotency-Replayed: true) instead of creating a second record.';

@ApiTags('grants')
@Controller('grants/:id/expense-reports')
@UseFilters(IdempotencyKeyBusyFilter)
export class ExpenseReportsController {
  constructor(private readonly reports: ExpenseReportsService) {}

  @Post()
  @Allow(Permission.ExpenseReportsWrite)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: "Start an expense report for a grant (principal of the grant's school)",
    description: `A draft, optionally with lines; each line is on a budget line the grant funds. trancheNumber names the tranche it reports on. ${RETRY}`,
  })
  @ApiCreatedResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @OptionalIdempotencyKey() key: string | undefined, @Body() dto: CreateExpenseReportDto) {
    return this.reports.create(actor, id, dto, key);
  }

  @Get()
  @Allow(Permission.GrantsRead)
  @ApiOperation({ summary: 'The expense reports of a grant, oldest first', description: 'Not for education officers (404).' })
  @ApiOkResponse({ type: ExpenseReportListResponse })
  @ApiProblems(404, 422)
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.list(actor, id);
  }

  @Get(':reportId')
  @Allow(Permission.GrantsRead)
  @ApiOperation({ summary: 'One expense report with its lines, receipts and review', description: 'Not for education officers (404).' })
  @ApiOkResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('reportId', UuidPipe) reportId: string) {
    return this.reports.get(actor, id, reportId);
  }

  @Patch(':reportId')
  @Allow(Permission.ExpenseReportsWrite)
  @ApiOperation({ summary: 'Change the title or tranche of a report', description: `${SCHOOL_WRITES} Send the version you read.` })
  @ApiOkResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('reportId', UuidPipe) reportId: string, @Body() dto: UpdateExpenseReportDto) {
    return this.reports.update(actor, id, reportId, dto);
  }

  @Post(':reportId/lines')
  @Allow(Permission.ExpenseReportsWrite)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({ summary: 'Add a line of spending to a report', description: `${SCHOOL_WRITES} ${RETRY}` })
  @ApiCreatedResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(400, 404, 409, 422)
  addLine(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('reportId', UuidPipe) reportId: string,
    @OptionalIdempotencyKey() key: string | undefined,
    @Body() dto: ExpenseLineDto,
  ) {
    return this.reports.addLine(actor, id, reportId, dto, key);
  }

  @Patch(':reportId/lines/:lineId')
  @Allow(Permission.ExpenseReportsWrite)
  @ApiOperation({ summary: 'Change a line of a report', description: SCHOOL_WRITES })
  @ApiOkResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 422)
  updateLine(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('reportId', UuidPipe) reportId: string,
    @Param('lineId', UuidPipe) lineId: string,
    @Body() dto: UpdateExpenseLineDto,
  ) {
    return this.reports.updateLine(actor, id, reportId, lineId, dto);
  }

  @Delete(':reportId/lines/:lineId')
  @Allow(Permission.ExpenseReportsWrite)
  @ApiOperation({ summary: 'Remove a line of a report', description: SCHOOL_WRITES })
  @ApiOkResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 422)
  deleteLine(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('reportId', UuidPipe) reportId: string, @Param('lineId', UuidPipe) lineId: string) {
    return this.reports.deleteLine(actor, id, reportId, lineId);
  }

  @Post(':reportId/lines/:lineId/receipts')
  @Allow(Permission.ExpenseReportsWrite)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Attach a receipt to a line',
    description:
      `${SCHOOL_WRITES} multipart/form-data with the file in the field \`${DOCUMENT_FILE_FIELD}\` (at most ${MAX_DOCUMENT_SIZE_TEXT}). ` +
      `Only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}), recognised by their content, not by the name or the declared type (otherwise 422 on \`file\`).`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [DOCUMENT_FILE_FIELD], properties: { [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 413, 422)
  addReceipt(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('reportId', UuidPipe) reportId: string,
    @Param('lineId', UuidPipe) lineId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ) {
    return this.reports.addReceipt(actor, id, reportId, lineId, file);
  }

  @Get(':reportId/lines/:lineId/receipts/:documentId')
  @Allow(Permission.GrantsRead)
  @ApiOperation({ summary: 'Download a receipt of a line', description: 'Streams the stored bytes with their sniffed Content-Type. Not for education officers (404).' })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async receipt(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('reportId', UuidPipe) reportId: string,
    @Param('lineId', UuidPipe) lineId: string,
    @Param('documentId', UuidPipe) documentId: string,
  ): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.reports.openReceipt(actor, id, reportId, lineId, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }

  @Post(':reportId/submit')
  @HttpCode(200)
  @Allow(Permission.ExpenseReportsWrite)
  @ApiOperation({
    summary: 'Submit a report for review',
    description: `${SCHOOL_WRITES} At least one line, every line with a receipt and on a budget line the grant funds; otherwise 422 naming each line.`,
  })
  @ApiOkResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 422)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('reportId', UuidPipe) reportId: string) {
    return this.reports.submit(actor, id, reportId);
  }

  @Post(':reportId/review')
  @HttpCode(200)
  @Allow(Permission.GrantsManage)
  @ApiOperation({
    summary: 'Review a submitted report line by line: accept or return it (CSR officer of the company)',
    description:
      'Every line gets a verdict (accepted or rejected, with a note). accept: the accepted lines count as spent, never more than the money disbursed and not yet accounted for (422 otherwise). ' +
      'return: back to the school with a reason; nothing counts yet.',
  })
  @ApiOkResponse({ type: ExpenseReportDetailResponse })
  @ApiProblems(404, 422)
  review(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('reportId', UuidPipe) reportId: string, @Body() dto: ReviewExpenseReportDto) {
    return this.reports.review(actor, id, reportId, dto);
  }
}
