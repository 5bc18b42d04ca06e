import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { DuplicateRecordError } from '../common/errors/duplicate-record';
import { IdempotencyService, IdempotentResult } from '../idempotency/idempotency.service';
import { DisbursementListResponse, DisbursementResponse } from './dto/disbursement.response';
import type { CreateDisbursementDto, ReverseDisbursementDto } from './dto/money-movement.dto';
import { ExpenseReportsRepository } from './expense-reports.repository';
import { notInFuture, refuse, requireCsrOfficer, requireOpenYear, rp } from './grant-access';
import { balanceAtSchool, grantStatusFor, ledgerAmount, undisbursed } from './grant-status';
import { GrantsRepository } from './grants.repository';
import { GrantsService, moneyOfRow } from './grants.service';
import { MailService } from '../mail/mail.service';

/** The endpoints whose Idempotency-Key scope they are (a key used on one cannot be reused on another). */
export const DISBURSE_ENDPOINT = 'POST /api/v1/grants/:id/disbursements';
export const REVERSE_ENDPOINT = 'POST /api/v1/grants/:id/disbursements/:disbursementId/reverse';

@Injectable()
export class DisbursementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly grantsService: GrantsService,
    private readonly reports: ExpenseReportsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  /** The tranches and reversals of a grant, in the order they were recorded (not for education officers). */
  async list(actor: Actor, grantId: string): Promise<DisbursementListResponse> {
    await this.grantsService.detailRow(actor, grantId, this.dataSource.manager);
    return { items: (await this.grants.disbursements(grantId)).map(DisbursementResponse.from) };
  }

  /**
   * Records a tranche paid to the school (CSR officer), once per Idempotency-Key. In one
   * transaction: the key is claimed, the grant row locked, the status and the report-before-next-
   * tranche rule checked, the disbursed total raised by a guarded UPDATE that refuses to pass the
   * award (a CHECK constraint says the same), then the tranche, its ledger entry and the answer stored.
   */
  async disburse(actor: Actor, grantId: string, key: string, dto: CreateDisbursementDto): Promise<IdempotentResult<DisbursementResponse>> {
    requireCsrOfficer(actor, { en: 'record disbursements', id: 'mencatat pencairan' });
    notInFuture('disbursedOn', dto.disbursedOn, this.clock.latestToday());
    const note = dto.note || null;
    const payload = { grantId, amount: dto.amount, disbursedOn: dto.disbursedOn, transferReference: dto.transferReference, note };
    return this.dataSource.transaction((manager) =>
      this.idempotency.once(manager, actor, { key, endpoint: DISBURSE_ENDPOINT, payload }, 201, async () => {
        const g = await this.grantsService.row(actor, grantId, manager, true);
        refuse('disburse', g);
        requireOpenYear({ year: g.year, programName: g.programName, status: g.yearStatus }, { en: 'be paid out', id: 'dicairkan' });
        if (g.requireReportBeforeNextTranche) {
          const previous = await this.grants.lastLiveTranche(grantId, manager);
          if (previous !== null && !(await this.reports.hasAcceptedReportFor(grantId, previous, manager))) {
            throw AppError.rule(
              `this grant pays a tranche only after the expense report of the previous one is accepted, and tranche ${previous} has no accepted report yet; the school submits a report with trancheNumber ${previous} and you accept it first`,
              `hibah ini mencairkan termin berikutnya hanya setelah laporan pengeluaran termin sebelumnya diterima, dan termin ${previous} belum memiliki laporan yang diterima; sekolah mengirim laporan dengan trancheNumber ${previous} lalu Anda menerimanya dulu`,
            );
          }
        }
        const available = undisbursed(moneyOfRow(g));
        const totals = await this.grants.addDisbursed(grantId, dto.amount, manager);
        if (!totals) {
          throw AppError.refused(
            'amount',
            'over_award',
            available <= 0n
              ? `this grant is fully disbursed: all ${rp(g.awardedAmount)} of the award has been paid out, so no further tranche can be sent`
              : `a tranche of ${rp(dto.amount)} would pay out more than the award of ${rp(g.awardedAmount)}: only ${rp(available)} is left to disburse, so send at most ${rp(available)}`,
            available <= 0n
              ? `hibah ini sudah dicairkan seluruhnya: semua ${rp(g.awardedAmount)} dari nilai hibah sudah dibayarkan, sehingga tidak ada termin lagi yang dapat dikirim`
              : `termin sebesar ${rp(dto.amount)} akan mencairkan lebih dari nilai hibah ${rp(g.awardedAmount)}: sisa yang dapat dicairkan hanya ${rp(available)}, jadi kirim paling banyak ${rp(available)}`,
          );
        }
        const trancheNumber = await this.grants.nextTrancheNumber(grantId, manager);
        const fields = {
          grantId,
          kind: 'tranche' as const,
          trancheNumber,
          amount: dto.amount,
          disbursedOn: dto.disbursedOn,
          transferReference: dto.transferReference,
          reversesId: null,
          note,
          recordedByUserId: actor.userId,
        };
        const id = await this.grants.insertDisbursement(fields, manager);
        await this.grants.insertLedger(
          { grantId, kind: 'tranche', amount: ledgerAmount('tranche', BigInt(dto.amount)), occurredOn: dto.disbursedOn, refId: id, note: `Tranche ${trancheNumber}, ${dto.transferReference}`, recordedByUserId: actor.userId },
          manager,
        );
        await this.audit.record(manager, actor, { action: 'create', entityType: 'disbursement', entityId: id, changes: fields });
        await this.grantsService.moveStatus(actor, g, grantStatusFor(g.status, moneyOfRow(totals)), manager);
        await this.mail.enqueueForUsers(manager, await this.mail.organizationUsers(manager, [g.schoolId], ['principal']), {
          kind: 'tranche_recorded',
          params: { grantId, schoolName: g.schoolName, companyName: g.companyName, programName: g.programName, trancheNumber, amount: String(dto.amount), disbursedOn: dto.disbursedOn, transferReference: dto.transferReference },
          entityType: 'grant',
          entityId: grantId,
        });
        return DisbursementResponse.from((await this.grants.findDisbursement(grantId, id, manager))!);
      }),
    );
  }

  /**
   * Reverses a mistaken tranche (CSR officer), once per Idempotency-Key: a reversing entry, never an
   * edit. Refused for a reversal, a tranche already reversed (409 naming the reversal), and when the
   * money is already accounted for (accepted spending, returned or carried over would exceed what
   * stays disbursed): guarded in the UPDATE like every money movement.
   */
  async reverse(actor: Actor, grantId: string, disbursementId: string, key: string, dto: ReverseDisbursementDto): Promise<IdempotentResult<DisbursementResponse>> {
    requireCsrOfficer(actor, { en: 'reverse disbursements', id: 'membatalkan pencairan' });
    const on = dto.reversedOn ?? this.clock.today();
    notInFuture('reversedOn', on, this.clock.latestToday());
    const payload = { grantId, disbursementId, reason: dto.reason, reversedOn: dto.reversedOn ?? null, transferReference: dto.transferReference ?? null };
    return this.dataSource.transaction((manager) =>
      this.idempotency.once(manager, actor, { key, endpoint: REVERSE_ENDPOINT, payload }, 201, async () => {
        const g = await this.grantsService.row(actor, grantId, manager, true);
        const tranche = await this.grants.findDisbursement(grantId, disbursementId, manager);
        if (!tranche) throw AppError.notFound('disbursement', disbursementId);
        if (tranche.kind === 'reversal') {
          throw AppError.rule(
            'this entry is itself a reversal and cannot be reversed; if the tranche was right after all, record it again as a new tranche',
            'entri ini sendiri adalah pembatalan dan tidak dapat dibatalkan; jika terminnya ternyata benar, catat lagi sebagai termin baru',
          );
        }
        if (tranche.reversedById) {
          throw new DuplicateRecordError('disbursement_already_reversed', tranche.reversedById, {
            en: `tranche ${tranche.trancheNumber} was already reversed (reversal id ${tranche.reversedById}); a tranche is reversed once`,
            id: `termin ${tranche.trancheNumber} sudah dibatalkan (id pembatalan ${tranche.reversedById}); satu termin hanya dibatalkan sekali`,
          });
        }
        refuse('reverse', g);
        const reversible = balanceAtSchool(moneyOfRow(g));
        const totals = await this.grants.subtractDisbursed(grantId, tranche.amount, manager);
        if (!totals) {
          throw AppError.rule(
            `tranche ${tranche.trancheNumber} (${rp(tranche.amount)}) cannot be reversed: only ${rp(reversible)} of the disbursed money is not yet accounted for (accepted spending, returned or carried over); correct those records first`,
            `termin ${tranche.trancheNumber} (${rp(tranche.amount)}) tidak dapat dibatalkan: hanya ${rp(reversible)} dari dana yang dicairkan yang belum dipertanggungjawabkan (pengeluaran diterima, dikembalikan atau dialihkan); perbaiki catatan itu dulu`,
          );
        }
        const fields = {
          grantId,
          kind: 'reversal' as const,
          trancheNumber: tranche.trancheNumber,
          amount: tranche.amount,
          disbursedOn: on,
          transferReference: dto.transferReference ?? tranche.transferReference,
          reversesId: tranche.id,
          note: dto.reason,
          recordedByUserId: actor.userId,
        };
        const id = await this.grants.insertDisbursement(fields, manager);
        await this.grants.insertLedger(
          { grantId, kind: 'reversal', amount: ledgerAmount('reversal', BigInt(tranche.amount)), occurredOn: on, refId: id, note: `Reversal of tranche ${tranche.trancheNumber}: ${dto.reason}`, recordedByUserId: actor.userId },
          manager,
        );
        await this.audit.record(manager, actor, { action: 'create', entityType: 'disbursement', entityId: id, changes: fields });
        await this.grantsService.moveStatus(actor, g, grantStatusFor(g.status, moneyOfRow(totals)), manager, `tranche ${tranche.trancheNumber} was reversed`);
        return DisbursementResponse.from((await this.grants.findDisbursement(grantId, id, manager))!);
      }),
    );
  }
}
