import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { DisbursementsService } from './disbursements.service';
import { ExpenseReportsController } from './expense-reports.controller';
import { ExpenseReportsRepository } from './expense-reports.repository';
import { ExpenseReportsService } from './expense-reports.service';
import { GrantsController } from './grants.controller';
import { GrantsRepository } from './grants.repository';
import { GrantsService } from './grants.service';
import { MailModule } from '../mail/mail.module';

/** Stimulus grants: awards, tranches, expense reports, settlement and the money ledger. */
@Module({
  imports: [DocumentsModule, IdempotencyModule, MailModule],
  controllers: [GrantsController, ExpenseReportsController],
  providers: [GrantsService, DisbursementsService, ExpenseReportsService, GrantsRepository, ExpenseReportsRepository],
  exports: [GrantsService],
})
export class GrantsModule {}
