import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { pickLanguage } from '../common/errors/i18n';
import { ApiProblems } from '../common/http/api-problems';
import { AcceptLanguage } from '../common/http/request-headers.decorator';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type';
import { DOCUMENT_FILE_FIELD, DocumentUploadInterceptor, MAX_DOCUMENT_SIZE_TEXT } from '../documents/document-upload.interceptor';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { DocumentResponse } from '../documents/dto/document.response';
import { CreateParentEngagementActivityDto, UpdateParentEngagementActivityDto } from './dto/activity-input.dto';
import { ParentEngagementActivityDetailResponse, ParentEngagementActivityResponse, ParentEngagementKindResponse } from './dto/activity.response';
import { ListParentEngagementQuery } from './dto/list-activities.query';
import { WHO_READS_PARENT_ENGAGEMENT } from './parent-engagement-scope';
import { ParentEngagementService } from './parent-engagement.service';

const ActivityPage = PageOf(ParentEngagementActivityResponse, 'ParentEngagementActivityPage');

@ApiTags('parent-engagement')
@Controller('parent-engagement')
export class ParentEngagementController {
  constructor(private readonly activities: ParentEngagementService) {}

  @Get('kinds')
  @Allow(Permission.ParentEngagementRead)
  @ApiOperation({ summary: 'The kinds of parent-engagement activity, with their names in Bahasa Indonesia and English' })
  @ApiOkResponse({ type: [ParentEngagementKindResponse] })
  kinds(): ParentEngagementKindResponse[] {
    return ParentEngagementKindResponse.all();
  }

  @Post('activities')
  @Allow(Permission.ParentEngagementWrite)
  @ApiOperation({
    summary: "Record a parent-engagement activity of your school (the school's principal)",
    description:
      'Held today or earlier; parents reached, optionally split by grade (1–6, adding up to parentsReached); teachers involved; notes. ' +
      "Optionally the program of one of the school's plans it serves (planId and planProgramId; a plan of another school is refused on planId).",
  })
  @ApiCreatedResponse({ type: ParentEngagementActivityDetailResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateParentEngagementActivityDto, @AcceptLanguage() language?: string) {
    return this.activities.create(actor, dto, pickLanguage(language));
  }

  @Get('activities')
  @Allow(Permission.ParentEngagementRead)
  @ApiOperation({ summary: "A school's parent-engagement activities, newest first", description: `Filter by calendar year and kind. ${WHO_READS_PARENT_ENGAGEMENT}` })
  @ApiOkResponse({ type: ActivityPage })
  @ApiProblems(404, 422)
  list(@CurrentActor() actor: Actor, @Query() query: ListParentEngagementQuery, @AcceptLanguage() language?: string) {
    return this.activities.list(actor, query, pickLanguage(language));
  }

  @Get('activities/:id')
  @Allow(Permission.ParentEngagementRead)
  @ApiOperation({ summary: 'One parent-engagement activity with its evidence files', description: WHO_READS_PARENT_ENGAGEMENT })
  @ApiOkResponse({ type: ParentEngagementActivityDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @AcceptLanguage() language?: string) {
    return this.activities.get(actor, id, pickLanguage(language));
  }

  @Patch('activities/:id')
  @Allow(Permission.ParentEngagementWrite)
  @ApiOperation({ summary: "Change an activity of your school (the school's principal)", description: 'Send the version you read (409 when someone changed it since). The same checks as recording it.' })
  @ApiOkResponse({ type: ParentEngagementActivityDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateParentEngagementActivityDto, @AcceptLanguage() language?: string) {
    return this.activities.update(actor, id, dto, pickLanguage(language));
  }

  @Post('activities/:id/evidence')
  @Allow(Permission.ParentEngagementWrite)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: "Attach an evidence file (photo, attendance list, minutes) to an activity of your school (the school's principal)",
    description: `multipart/form-data with the file in the field \`${DOCUMENT_FILE_FIELD}\` (at most ${MAX_DOCUMENT_SIZE_TEXT}; larger: 413). Only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}), recognised by their content (otherwise 422 on \`file\`).`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [DOCUMENT_FILE_FIELD], properties: { [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `PDF, PNG or JPEG, at most ${MAX_DOCUMENT_SIZE_TEXT}.` } } } })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(400, 404, 413, 422)
  addEvidence(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @UploadedFile() file: UploadedDocument | undefined) {
    return this.activities.addEvidence(actor, id, file);
  }

  @Get('activities/:id/evidence/:documentId')
  @Allow(Permission.ParentEngagementRead)
  @ApiOperation({ summary: 'Download an evidence file of an activity', description: WHO_READS_PARENT_ENGAGEMENT })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async downloadEvidence(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.activities.openEvidence(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }
}
