import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type';
import { DOCUMENT_FILE_FIELD, DocumentUploadInterceptor, MAX_DOCUMENT_SIZE_TEXT } from '../documents/document-upload.interceptor';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentResponse } from '../documents/dto/document.response';
import { IdempotencyKeyBusyFilter } from '../idempotency/idempotency.errors';
import { ApiOptionalIdempotencyKey, OptionalIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotentResponseInterceptor } from '../idempotency/idempotent-response.interceptor';
import { CreateEntryDto } from './dto/create-entry.dto';
import { EntryDetailResponse, EntryResponse } from './dto/entry.response';
import { ListEntriesQuery } from './dto/list-entries.query';
import { UpdateEntryDto } from './dto/update-entry.dto';
import { EntriesService } from './entries.service';

const EntryPage = PageOf(EntryResponse, 'CompetitionEntryPage');

const WHO_READS =
  "CSR officers see every entry of their company's competitions; principals their own school's; judges the entries assigned to them; education officers those of schools in their jurisdiction once results are published; admins all. Any other entry answers 404.";

const WINDOW =
  'Only while the competition is in phase open and from entriesOpenAt up to its entry deadline entriesCloseAt (by the server clock); otherwise 422 naming the deadline.';

@ApiTags('competition entries')
@Controller()
@UseFilters(DuplicateRecordFilter, IdempotencyKeyBusyFilter)
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Post('competitions/:id/entries')
  @Allow(Permission.CompetitionEntriesWrite)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: "Submit your school's entry in one category (principal)",
    description:
      `${WINDOW} The school must be in the year's cohort: an active partnership in the program, or the year among its partnership's cohort years. ` +
      "One entry per school and category (409 naming the existing one). planId must be the school's plan for the competition's year; with planProgramId and no title or summary, the plan program's name (or topic) and goal are used. " +
      'With an optional Idempotency-Key header a retry of the same request replays the first answer (Idempotency-Replayed: true) instead of answering 409.',
  })
  @ApiCreatedResponse({ type: EntryDetailResponse })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @OptionalIdempotencyKey() key: string | undefined, @Body() dto: CreateEntryDto) {
    return this.entries.create(actor, id, dto, key);
  }

  @Get('competitions/:id/entries')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: "A competition's entries you can see, by category then school name", description: WHO_READS })
  @ApiOkResponse({ type: EntryPage })
  @ApiProblems(404, 422)
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: ListEntriesQuery) {
    return this.entries.list(actor, id, query);
  }

  @Get('entries/:id')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: 'One entry with its evidence files', description: WHO_READS })
  @ApiOkResponse({ type: EntryDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.entries.get(actor, id);
  }

  @Patch('entries/:id')
  @Allow(Permission.CompetitionEntriesWrite)
  @ApiOperation({ summary: "Change your school's entry (principal)", description: `${WINDOW} Send the version you read (409 when stale). teamMembers replaces the list; planId null unlinks the plan.` })
  @ApiOkResponse({ type: EntryDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateEntryDto) {
    return this.entries.update(actor, id, dto);
  }

  @Post('entries/:id/evidence')
  @Allow(Permission.CompetitionEntriesWrite)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: "Add an evidence file to your school's entry (principal)",
    description:
      `${WINDOW} multipart/form-data with the file in the field \`${DOCUMENT_FILE_FIELD}\` (at most ${MAX_DOCUMENT_SIZE_TEXT}; larger: 413). ` +
      `Only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}), recognised by their content. The file's id is added to evidenceDocumentIds.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [DOCUMENT_FILE_FIELD], properties: { [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `PDF, PNG or JPEG, at most ${MAX_DOCUMENT_SIZE_TEXT}.` } } } })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(404, 413, 422)
  uploadEvidence(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @UploadedFile() file: UploadedDocument | undefined) {
    return this.entries.uploadEvidence(actor, id, file);
  }

  @Get('entries/:id/evidence/:documentId')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: 'Download an evidence file of an entry you can see' })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async downloadEvidence(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.entries.openEvidence(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }
}
