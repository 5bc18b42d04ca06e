import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-type';
import { DOCUMENT_FILE_FIELD, DocumentUploadInterceptor, MAX_DOCUMENT_SIZE_TEXT } from '../documents/document-upload.interceptor';
import type { UploadedDocument } from '../documents/document-upload.interceptor';
import { ConditionCheckDto, CreateFacilityItemDto, HandoverFacilityItemDto, ListFacilitiesQuery, UpdateFacilityItemDto } from './dto/facility.dto';
import { FacilityCatalogueResponse, FacilityItemDetailResponse, FacilityItemPage } from './dto/facility.response';
import { FacilitiesService } from './facilities.service';
import { FACILITY_CONDITIONS } from './facility-catalogue';

const READERS =
  "CSR officers see their company's items, principals their school's, education officers those of schools in their jurisdiction (read only), facilitators those of programs their organisation works in, admins all; anyone else gets 404.";

const FILE_RULES =
  `at most ${MAX_DOCUMENT_SIZE_TEXT} (larger: 413 payload_too_large); only PDF, PNG and JPEG (${DOCUMENT_CONTENT_TYPES.join(', ')}), recognised by their content, not by the name or the declared type (otherwise 422 on \`file\`).`;

@ApiTags('facilities')
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Get('catalogue')
  @Allow(Permission.FacilitiesRead)
  @ApiOperation({ summary: 'The categories of facilities support and the conditions a check can find, with their names in Bahasa Indonesia and English' })
  @ApiOkResponse({ type: FacilityCatalogueResponse })
  catalogue() {
    return this.facilities.catalogue();
  }

  @Post()
  @Allow(Permission.FacilitiesManage)
  @ApiOperation({
    summary: "Record an item of in-kind support for a partner school in a program year (CSR officer of the company)",
    description: 'The item awaits its handover: it counts as delivered only once the berita acara serah terima is recorded (POST /facilities/{id}/handover). deliveredOn is not in the future.',
  })
  @ApiCreatedResponse({ type: FacilityItemDetailResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFacilityItemDto) {
    return this.facilities.create(actor, dto);
  }

  @Get()
  @Allow(Permission.FacilitiesRead)
  @ApiOperation({ summary: 'List items of facilities support, newest first', description: `${READERS} Each item says whether it was handed over and whether its condition check is overdue (12 months after the handover or the last check).` })
  @ApiOkResponse({ type: FacilityItemPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListFacilitiesQuery) {
    return this.facilities.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.FacilitiesRead)
  @ApiOperation({ summary: 'One item with its handover, condition checks and documents', description: READERS })
  @ApiOkResponse({ type: FacilityItemDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.facilities.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.FacilitiesManage)
  @ApiOperation({ summary: 'Change an item before its handover (CSR officer of the company)', description: 'Send the version you read (409 when stale). A handed-over item is fixed (422).' })
  @ApiOkResponse({ type: FacilityItemDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateFacilityItemDto) {
    return this.facilities.update(actor, id, dto);
  }

  @Post(':id/handover')
  @Allow(Permission.FacilitiesManage)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Record the handover (berita acara serah terima) with its signed scan (CSR officer of the company)',
    description:
      `multipart/form-data: handoverNumber, handedOverOn (not before the delivery, not in the future), receivedBy (the principal's name), and the signed scan in \`${DOCUMENT_FILE_FIELD}\`, ${FILE_RULES} ` +
      'Once only: an item handed over is fixed (422 on a second handover).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [DOCUMENT_FILE_FIELD, 'handoverNumber', 'handedOverOn', 'receivedBy'],
      properties: {
        [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: 'The signed berita acara: PDF, PNG or JPEG.' },
        handoverNumber: { type: 'string', maxLength: 100, example: '014/BAST/CSR-TU/II/2026' },
        handedOverOn: { type: 'string', format: 'date', example: '2026-02-12' },
        receivedBy: { type: 'string', maxLength: 200, example: 'Hj. Siti Rahmah, S.Pd.' },
      },
    },
  })
  @ApiCreatedResponse({ type: FacilityItemDetailResponse })
  @ApiProblems(404, 413, 422)
  handover(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: HandoverFacilityItemDto, @UploadedFile() file: UploadedDocument | undefined) {
    return this.facilities.handover(actor, id, dto, file);
  }

  @Post(':id/condition-checks')
  @Allow(Permission.FacilitiesCheck)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Record a condition check of a handed-over item (principal of the school)',
    description: `multipart/form-data: condition, checkedOn (not before the handover, not in the future), an optional note and an optional photo in \`${DOCUMENT_FILE_FIELD}\`, ${FILE_RULES} An item not handed over yet cannot be checked (422).`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['condition', 'checkedOn'],
      properties: {
        [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: 'A photo of the item: JPEG, PNG or PDF (optional).' },
        condition: { type: 'string', enum: [...FACILITY_CONDITIONS], example: 'good' },
        checkedOn: { type: 'string', format: 'date', example: '2026-07-20' },
        note: { type: 'string', maxLength: 2000, example: 'Semua laptop menyala; satu pengisi daya diganti oleh sekolah.' },
      },
    },
  })
  @ApiCreatedResponse({ type: FacilityItemDetailResponse })
  @ApiProblems(404, 413, 422)
  addCheck(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ConditionCheckDto, @UploadedFile() file: UploadedDocument | undefined) {
    return this.facilities.addCheck(actor, id, dto, file);
  }

  @Get(':id/documents/:documentId')
  @Allow(Permission.FacilitiesRead)
  @ApiOperation({ summary: "Download an item's handover scan or a condition check's photo", description: `Streams the stored bytes with their sniffed Content-Type. ${READERS}` })
  @ApiProduces(...DOCUMENT_CONTENT_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(404, 422)
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('documentId', UuidPipe) documentId: string): Promise<StreamableFile> {
    const { document, disposition, stream } = await this.facilities.openDocument(actor, id, documentId);
    return new StreamableFile(stream, { type: document.contentType, disposition, length: document.sizeBytes });
  }
}
