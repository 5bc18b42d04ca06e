import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
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
import { WHO_READS_MENTORING } from './mentoring-scope';
import { ListSessionsQuery } from './dto/list-sessions.query';
import { CreateMentoringSessionDto, DisputeMentoringSessionDto, UpdateMentoringSessionDto } from './dto/session-input.dto';
import { MentoringSessionDetailResponse, MentoringSessionResponse } from './dto/session.response';
import { SessionsService } from './sessions.service';

const SessionPage = PageOf(MentoringSessionResponse, 'MentoringSessionPage');

const RETRY = 'With an optional Idempotency-Key header a retry of the same request replays the first answer (Idempotency-Replayed: true) instead of creating a second record.';

@ApiTags('mentoring')
@Controller('mentoring/sessions')
@UseFilters(IdempotencyKeyBusyFilter)
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Allow(Permission.MentoringLog)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: 'Log a mentoring session (the assigned facilitator)',
    description:
      'Under your active assignment, in a year that is not closed: held today or earlier, with duration, mode and topic; optionally the plan program it serves (planId must be the school\'s plan for the year, ' +
      "planProgramId a program inside it); attendees as users of the school or of your organisation, and counts by role. The session is pending until the school's principal confirms or disputes it. " +
      RETRY,
  })
  @ApiCreatedResponse({ type: MentoringSessionDetailResponse })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @OptionalIdempotencyKey() key: string | undefined, @Body() dto: CreateMentoringSessionDto) {
    return this.sessions.create(actor, dto, key);
  }

  @Get()
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'List mentoring sessions, newest first', description: `${WHO_READS_MENTORING} Each session says whether it is unconfirmed.` })
  @ApiOkResponse({ type: SessionPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListSessionsQuery) {
    return this.sessions.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'One mentoring session with its evidence files', description: WHO_READS_MENTORING })
  @ApiOkResponse({ type: MentoringSessionDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.sessions.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.MentoringLog)
  @ApiOperation({
    summary: 'Change a session that is not confirmed yet (its facilitator)',
    description: 'Send the version you read (409 when someone changed it since). A confirmed session is final (422). Changing a disputed session answers the dispute: it goes back to pending.',
  })
  @ApiOkResponse({ type: MentoringSessionDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateMentoringSessionDto) {
    return this.sessions.update(actor, id, dto);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Allow(Permission.MentoringConfirm)
  @ApiOperation({ summary: 'Confirm that a session at your school happened (principal)', description: 'Only a pending session can be confirmed (422 otherwise); a confirmed session is final.' })
  @ApiOkResponse({ type: MentoringSessionDetailResponse })
  @ApiProblems(404, 422)
  confirm(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.sessions.confirm(actor, id);
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Allow(Permission.MentoringConfirm)
  @ApiOperation({ summary: 'Dispute a session at your school, with the reason (principal)', description: 'Only a pending session can be disputed (422 otherwise). The facilitator can correct it, which puts it back to pending.' })
  @ApiOkResponse({ type: MentoringSessionDetailResponse })
  @ApiProblems(404, 422)
  dispute(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DisputeMentoringSessionDto) {
    return this.sessions.dispute(actor, id, dto.reason);
  }

  @Post(':id/evidence')
  @Allow(Permission.MentoringLog)
  @UseInterceptors(DocumentUploadInterceptor, IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: 'Attach an evidence file to a session (its facilitator)',
    description:
      `multipart/form-data with the file in the field \`${DOCUMENT_FILE_FIELD}\` (at most ${MAX_DOCUMENT_SIZE_TEXT}; larger: 413). Only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}), ` +
      'recognised by their content (otherwise 422 on `file`). Allowed while the year is not closed, also after confirmation (photos often come later).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [DOCUMENT_FILE_FIELD], properties: { [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `PDF, PNG or JPEG, at most ${MAX_DOCUMENT_SIZE_TEXT}.` } } } })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(400, 404, 409, 413, 422)
  addEvidence(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @OptionalIdempotencyKey() key: string | undefined, @UploadedFile() file: UploadedDocument | undefined) {
    return this.sessions.addEvidence(actor, id, file, key);
  }

  @Get(':id/evidence/:documentId')
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'Download an evidence file of a session', description: WHO_READS_MENTORING })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async downloadEvidence(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.sessions.openEvidence(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }
}
