import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type';
import { DocumentResponse } from '../documents/dto/document.response';
import { DOCUMENT_FILE_FIELD, DocumentUploadInterceptor, MAX_DOCUMENT_SIZE_TEXT } from '../documents/document-upload.interceptor';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { ListPracticesQuery } from './dto/list-practices.query';
import { CreatePracticeDto, PracticeStepDto, PrefillPracticeQuery, ReturnPracticeDto, UpdatePracticeDto } from './dto/practice-input.dto';
import { PracticeDetailResponse, PracticeDraftResponse, PracticeResponse } from './dto/practice.response';
import { PracticesService } from './practices.service';

const PracticePage = PageOf(PracticeResponse, 'PracticePage');

const WHO_READS =
  'A published practice is readable by every signed-in user of every organisation (schools, offices and companies outside its program too): the one deliberate exception to "another organisation\'s record is 404". ' +
  "Before publication a practice is its school's: the principal sees the school's drafts; the CSR officers of the school's partner companies and the facilitators assigned to it see it once proposed (and when they returned it); anyone else gets 404.";

@ApiTags('practices')
@Controller('practices')
export class PracticesController {
  constructor(private readonly practices: PracticesService) {}

  @Get()
  @Allow(Permission.PracticesRead)
  @ApiOperation({
    summary: 'Search the library of good practice',
    description:
      '`q` searches the title, summary and what was done (PostgreSQL full text, `simple` configuration: every word must match, also as the start of a longer word; a phrase found inside a word also matches) and ranks the matches best first (a word in the title weighs most); ' +
      'without `q` the newest come first. Filters: topic, school level, the school\'s province or regency/city, year, status, school. Keyset pages; one query per page. ' +
      WHO_READS,
  })
  @ApiOkResponse({ type: PracticePage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListPracticesQuery) {
    return this.practices.list(actor, query);
  }

  @Get('prefill')
  @Allow(Permission.PracticesWrite)
  @ApiOperation({
    summary: "A practice pre-filled from a completed plan program or a competition entry of your school (principal); nothing is saved",
    description:
      'planId + planProgramId: a program of a completed plan gives the title (its name), summary (its goal), what was done (its background and activities) and results (the values reported on its indicators). ' +
      'entryId: a competition entry gives its title and summary, and the plan program it grew from the rest. Edit the answer, then send it to POST /api/v1/practices with the source ids.',
  })
  @ApiOkResponse({ type: PracticeDraftResponse })
  @ApiProblems(422)
  prefill(@CurrentActor() actor: Actor, @Query() query: PrefillPracticeQuery) {
    return this.practices.prefill(actor, query);
  }

  @Post()
  @Allow(Permission.PracticesWrite)
  @ApiOperation({
    summary: 'Write a practice of your school as a draft (principal)',
    description: 'Fresh, or from a completed plan program (sourcePlanId + sourcePlanProgramId) or a competition entry (sourceEntryId) of your school. The draft is private to the school until proposed.',
  })
  @ApiCreatedResponse({ type: PracticeDetailResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePracticeDto) {
    return this.practices.create(actor, dto);
  }

  @Get(':id')
  @Allow(Permission.PracticesRead)
  @ApiOperation({ summary: 'One practice, with its evidence files and who to contact (the school\'s public profile)', description: WHO_READS })
  @ApiOkResponse({ type: PracticeDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.practices.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.PracticesWrite)
  @ApiOperation({ summary: 'Change a draft or returned practice (principal of its school)', description: 'Send every field and the version you read (409 when it changed since). A proposed or published practice no longer changes (422).' })
  @ApiOkResponse({ type: PracticeDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePracticeDto) {
    return this.practices.update(actor, id, dto);
  }

  @Post(':id/propose')
  @HttpCode(200)
  @Allow(Permission.PracticesWrite)
  @ApiOperation({ summary: 'Propose a draft or returned practice for publication (principal of its school)', description: 'draft | returned → proposed. It needs at least one result (422 on results).' })
  @ApiOkResponse({ type: PracticeDetailResponse })
  @ApiProblems(404, 409, 422)
  propose(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: PracticeStepDto) {
    return this.practices.propose(actor, id, dto.version);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Allow(Permission.PracticesReview)
  @ApiOperation({
    summary: "Publish a proposed practice (a CSR officer of a company the school partners with, or a facilitator assigned to the school)",
    description: 'proposed → published: from then on every signed-in user of every organisation reads it.',
  })
  @ApiOkResponse({ type: PracticeDetailResponse })
  @ApiProblems(404, 409, 422)
  publish(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: PracticeStepDto) {
    return this.practices.publish(actor, id, dto.version);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Allow(Permission.PracticesReview)
  @ApiOperation({ summary: 'Return a proposed practice to its school with the reason (the same reviewers as publishing)', description: 'proposed → returned; the principal changes it and proposes it again.' })
  @ApiOkResponse({ type: PracticeDetailResponse })
  @ApiProblems(404, 409, 422)
  return(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnPracticeDto) {
    return this.practices.return(actor, id, dto);
  }

  @Post(':id/evidence')
  @Allow(Permission.PracticesWrite)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Attach an evidence file to a draft or returned practice (principal of its school)',
    description: `multipart/form-data with the file in the field \`${DOCUMENT_FILE_FIELD}\` (at most ${MAX_DOCUMENT_SIZE_TEXT}). Only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}), recognised by their content. Once published, the files are readable by everyone who reads the practice.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [DOCUMENT_FILE_FIELD], properties: { [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `PDF, PNG or JPEG, at most ${MAX_DOCUMENT_SIZE_TEXT}.` } } } })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(404, 413, 422)
  upload(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @UploadedFile() file: UploadedDocument | undefined) {
    return this.practices.uploadEvidence(actor, id, file);
  }

  @Get(':id/evidence/:documentId')
  @Allow(Permission.PracticesRead)
  @ApiOperation({ summary: 'Download an evidence file of a practice', description: `Whoever reads the practice. ${WHO_READS}` })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.practices.openEvidence(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }
}
