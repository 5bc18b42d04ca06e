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
import { CreateMouDto } from './dto/create-mou.dto';
import { ListMousQuery } from './dto/list-mous.query';
import { CreateAmendmentDto, CreateRenewalDto, MOU_DOCUMENT_KINDS, TerminateMouDto, UploadMouDocumentDto } from './dto/mou-actions.dto';
import { MouDetailResponse, MouResponse } from './dto/mou.response';
import { UpdateMouDto } from './dto/update-mou.dto';
import { MousService } from './mous.service';

const MouPage = PageOf(MouResponse, 'MouPage');

const VISIBILITY =
  "An MoU is visible exactly when its partnership is: the company's CSR officers, the school's principals, the education offices whose jurisdiction covers the school, the facilitator organisations of the program, and admins. Anyone else gets 404.";

const LIFECYCLE =
  'draft → (submit) awaiting_signatures → (every required party signs, and the effective date has come) active → expired after the expiry date; ' +
  'an active MoU can be terminated, and is superseded when its renewal takes effect. Dates are UTC calendar dates; the expiry date is the last day in force.';

@ApiTags('mous')
@Controller('mous')
export class MousController {
  constructor(private readonly mous: MousService) {}

  @Post()
  @Allow(Permission.MousManage)
  @ApiOperation({
    summary: "Draft an MoU for a partnership of your company (CSR officer)",
    description:
      `${LIFECYCLE} The parties must include the partnership's company as first_party and its school as second_party; a witness must be an education office whose jurisdiction covers the school, ` +
      "a supporting party a facilitator organisation that works in the partnership's program. Obligations are owed by parties and fall due inside the period. " +
      'The number is unique (409 mou_number_taken). The period may not overlap an MoU in force for the same partnership (renew that one instead).',
  })
  @ApiCreatedResponse({ type: MouDetailResponse })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMouDto) {
    return this.mous.create(actor, dto);
  }

  @Get()
  @Allow(Permission.MousRead)
  @ApiOperation({
    summary: 'List MoUs, newest first or by expiry date',
    description: `${VISIBILITY} expiringWithinDays=N lists active MoUs whose expiry date is today or within N days, soonest first.`,
  })
  @ApiOkResponse({ type: MouPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListMousQuery) {
    return this.mous.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.MousRead)
  @ApiOperation({
    summary: 'One MoU: parties and signatures, obligations, amendments, documents and renewal chain',
    description: `${VISIBILITY} A fully signed MoU whose effective date has come is activated when read (as the daily job would), and an active one past its expiry date is expired.`,
  })
  @ApiOkResponse({ type: MouDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.mous.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.MousManage)
  @ApiOperation({
    summary: "Change a draft MoU's terms (CSR officer of the company)",
    description: 'Only while it is a draft; once submitted, terms change through an amendment or a renewal (422). Send the version you read (409 stale_version otherwise). parties and obligations replace the whole list.',
  })
  @ApiOkResponse({ type: MouDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateMouDto) {
    return this.mous.update(actor, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Allow(Permission.MousManage)
  @ApiOperation({ summary: 'Submit a draft for signatures (CSR officer of the company)', description: 'draft → awaiting_signatures; its terms are fixed from now on.' })
  @ApiOkResponse({ type: MouDetailResponse })
  @ApiProblems(404, 422)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.mous.submit(actor, id);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Allow(Permission.MousSign)
  @ApiOperation({
    summary: 'Sign the MoU for your organisation',
    description:
      'Any user of a party whose signature is required may sign for it, once (409 already_signed); the signature records the user, the time and the request id. ' +
      "Someone who cannot see the MoU gets 404; someone who can see it but whose organisation does not sign it (another office of the region, an admin) gets 403 not_a_signing_party. " +
      'The last required signature activates the MoU if its effective date has come; otherwise the daily job activates it on that date.',
  })
  @ApiOkResponse({ type: MouDetailResponse })
  @ApiProblems(404, 409, 422)
  sign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.mous.sign(actor, id);
  }

  @Post(':id/amendments')
  @Allow(Permission.MousManage)
  @ApiOperation({
    summary: 'Amend an active MoU (CSR officer of the company)',
    description: 'Adds the next numbered amendment (1, 2, ...), awaiting the signatures of the same parties; one open amendment at a time. Once every required party has signed it, it is in force and its newExpiryDate, if any, becomes the MoU\'s expiry date.',
  })
  @ApiCreatedResponse({ type: MouDetailResponse })
  @ApiProblems(404, 422)
  amend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateAmendmentDto) {
    return this.mous.amend(actor, id, dto);
  }

  @Post(':id/amendments/:amendmentId/sign')
  @HttpCode(200)
  @Allow(Permission.MousSign)
  @ApiOperation({ summary: 'Sign an amendment for your organisation', description: 'Same rules as signing the MoU; the MoU must still be active.' })
  @ApiOkResponse({ type: MouDetailResponse })
  @ApiProblems(404, 409, 422)
  signAmendment(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('amendmentId', UuidPipe) amendmentId: string) {
    return this.mous.signAmendment(actor, id, amendmentId);
  }

  @Post(':id/renewals')
  @Allow(Permission.MousManage)
  @ApiOperation({
    summary: 'Renew an active or expired MoU (CSR officer of the company)',
    description:
      'Creates a new draft MoU of the same partnership that renews this one, copying its parties and the obligations in force unless given (409 mou_already_renewed for a second renewal). ' +
      'The renewal may start before this MoU ends: the day it takes effect, this MoU becomes superseded, so two MoUs are never in force together. Both show the chain.',
  })
  @ApiCreatedResponse({ type: MouDetailResponse })
  @ApiProblems(404, 409, 422)
  renew(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateRenewalDto) {
    return this.mous.renew(actor, id, dto);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Allow(Permission.MousManage)
  @ApiOperation({ summary: 'Terminate an active MoU (CSR officer of the company)', description: 'active → terminated, with the day it ended (inside its period, not in the future) and the reason.' })
  @ApiOkResponse({ type: MouDetailResponse })
  @ApiProblems(404, 422)
  terminate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: TerminateMouDto) {
    return this.mous.terminate(actor, id, dto);
  }

  @Post(':id/documents')
  @Allow(Permission.MousManage)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Upload the signed MoU or an annex (CSR officer of the company)',
    description:
      `multipart/form-data with the file in the field \`${DOCUMENT_FILE_FIELD}\` (at most ${MAX_DOCUMENT_SIZE_TEXT}; larger: 413 payload_too_large) and \`kind\`. ` +
      `Only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}) are kept, recognised by their content, not by the file name or the declared type (otherwise 422 on \`file\`). ` +
      'The SHA-256, size and uploader are recorded; the file is stored under a random key.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [DOCUMENT_FILE_FIELD, 'kind'],
      properties: {
        [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `PDF, PNG or JPEG, at most ${MAX_DOCUMENT_SIZE_TEXT}.` },
        kind: { type: 'string', enum: [...MOU_DOCUMENT_KINDS], example: 'signed_mou' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiProblems(404, 413, 422)
  upload(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UploadMouDocumentDto, @UploadedFile() file: UploadedDocument | undefined) {
    return this.mous.uploadDocument(actor, id, dto.kind, file);
  }

  @Get(':id/documents/:documentId')
  @Allow(Permission.MousRead)
  @ApiOperation({ summary: 'Download a document of an MoU', description: 'Streams the stored bytes with their sniffed Content-Type and a Content-Disposition carrying the uploaded name.' })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.mous.openDocument(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }
}
