import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { IdempotencyKeyBusyFilter } from '../idempotency/idempotency.errors';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotentResponseInterceptor } from '../idempotency/idempotent-response.interceptor';
import { DisbursementsService } from './disbursements.service';
import { DisbursementListResponse, DisbursementResponse } from './dto/disbursement.response';
import { CancelGrantDto, CreateGrantDto, UpdateGrantDto } from './dto/create-grant.dto';
import { GrantResponse, GrantTotalsResponse } from './dto/grant.response';
import { LedgerResponse } from './dto/ledger.response';
import { ListGrantsQuery } from './dto/list-grants.query';
import { CreateDisbursementDto, ReverseDisbursementDto, SettleGrantDto } from './dto/money-movement.dto';
import { GrantsService } from './grants.service';

const READERS =
  "CSR officers see their company's grants, principals their school's, facilitators those of the plans they facilitate, education officers those of schools in their jurisdiction (totals only: amounts and status), admins all; anyone else gets 404.";

const ONE_GRANT = { oneOf: [{ $ref: getSchemaPath(GrantResponse) }, { $ref: getSchemaPath(GrantTotalsResponse) }] };

@ApiTags('grants')
@ApiExtraModels(GrantResponse, GrantTotalsResponse)
@Controller('grants')
@UseFilters(DuplicateRecordFilter, IdempotencyKeyBusyFilter)
export class GrantsController {
  constructor(
    private readonly grants: GrantsService,
    private readonly disbursements: DisbursementsService,
  ) {}

  @Post()
  @Allow(Permission.GrantsManage)
  @ApiOperation({
    summary: "Award a stimulus grant for a school's approved plan (CSR officer of the company)",
    description:
      'One grant per school per program year (a second answers 409 naming the existing one). The plan must be approved (or in progress, or completed) and of a partner school in one of your programs; ' +
      "fundedBudgetLineIds are the plan's stimulus_grant budget lines. The year's grants (not cancelled) may not exceed its budget envelope: over it answers 422 naming the room left. A closed year takes no new grants.",
  })
  @ApiCreatedResponse({ type: GrantResponse })
  @ApiProblems(409, 422)
  award(@CurrentActor() actor: Actor, @Body() dto: CreateGrantDto) {
    return this.grants.award(actor, dto);
  }

  @Get()
  @Allow(Permission.GrantsRead)
  @ApiOperation({ summary: 'List grants, newest first', description: READERS })
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: ONE_GRANT }, nextCursor: { type: 'string', nullable: true } } } })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListGrantsQuery) {
    return this.grants.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.GrantsRead)
  @ApiOperation({ summary: 'One grant with its running totals', description: READERS })
  @ApiOkResponse({ schema: ONE_GRANT })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.grants.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.GrantsManage)
  @ApiOperation({
    summary: 'Change a grant before its first disbursement (CSR officer of the company)',
    description: 'Send the version you read. Once a tranche is recorded the grant no longer changes (422). A new award is checked against the envelope again and written to the ledger as award_change.',
  })
  @ApiOkResponse({ type: GrantResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateGrantDto) {
    return this.grants.update(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Allow(Permission.GrantsManage)
  @ApiOperation({
    summary: 'Cancel a grant (CSR officer of the company)',
    description: 'Only while nothing of it is at the school: nothing disbursed (net of reversals), or the unspent money settled first. Final.',
  })
  @ApiOkResponse({ type: GrantResponse })
  @ApiProblems(404, 422)
  cancel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CancelGrantDto) {
    return this.grants.cancel(actor, id, dto.reason);
  }

  @Post(':id/settlement')
  @HttpCode(200)
  @Allow(Permission.GrantsManage)
  @ApiOperation({
    summary: 'Settle the money left at the school: returned and/or carried over (CSR officer of the company)',
    description:
      'Records who decided, and returned / carried_over ledger entries. At most the balance at the school; refused while an expense report waits for review. The grant closes when nothing remains at the school and the whole award was paid (send 0 and 0 to close a grant whose money is all accepted as spent); with part of the award never paid it stays open for another tranche or a cancellation.',
  })
  @ApiOkResponse({ type: GrantResponse })
  @ApiProblems(404, 422)
  settle(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: SettleGrantDto) {
    return this.grants.settle(actor, id, dto);
  }

  @Get(':id/ledger')
  @Allow(Permission.GrantsRead)
  @ApiOperation({
    summary: 'Every money movement of a grant with the running balance, and the reconciliation',
    description: 'Entries in the order they were recorded. Not for education officers (404): they see totals only.',
  })
  @ApiOkResponse({ type: LedgerResponse })
  @ApiProblems(404, 422)
  ledger(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.grants.ledger(actor, id);
  }

  @Get(':id/disbursements')
  @Allow(Permission.GrantsRead)
  @ApiOperation({ summary: 'The tranches and reversals of a grant, in the order they were recorded', description: 'Not for education officers (404).' })
  @ApiOkResponse({ type: DisbursementListResponse })
  @ApiProblems(404, 422)
  listDisbursements(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.disbursements.list(actor, id);
  }

  @Post(':id/disbursements')
  @Allow(Permission.GrantsManage)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Record a tranche paid to the school (CSR officer of the company)',
    description:
      'Requires an Idempotency-Key header (400 without it). The total disbursed never exceeds the award: over it answers 422 naming what is still available. ' +
      "When the grant requires it, the previous tranche's expense report must be accepted first. A retry with the same key and body replays the first answer with Idempotency-Replayed: true.",
  })
  @ApiCreatedResponse({ type: DisbursementResponse })
  @ApiProblems(400, 404, 409, 422)
  disburse(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @IdempotencyKey() key: string, @Body() dto: CreateDisbursementDto) {
    return this.disbursements.disburse(actor, id, key, dto);
  }

  @Post(':id/disbursements/:disbursementId/reverse')
  @Allow(Permission.GrantsManage)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Reverse a mistaken tranche with a reversing entry (CSR officer of the company)',
    description:
      'Requires an Idempotency-Key header. Money records are never edited or deleted: the reversal takes the tranche off the disbursed total. A tranche is reversed once (409 naming the reversal); ' +
      'money already accounted for (accepted spending, returned, carried over) cannot be reversed (422).',
  })
  @ApiCreatedResponse({ type: DisbursementResponse })
  @ApiProblems(400, 404, 409, 422)
  reverse(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('disbursementId', UuidPipe) disbursementId: string,
    @IdempotencyKey() key: string,
    @Body() dto: ReverseDisbursementDto,
  ) {
    return this.disbursements.reverse(actor, id, disbursementId, key, dto);
  }
}
