import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { MailModule } from '../mail/mail.module';
import { PlanAccess } from './plan-access';
import { PlanCommentsService } from './plan-comments.service';
import { PlanExportsService } from './plan-exports.service';
import { PlanProgressService } from './plan-progress.service';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

/** School plans per program year: the template, the review workflow, versions, comments, progress and exports. */
@Module({
  imports: [DocumentsModule, IdempotencyModule, MailModule],
  controllers: [PlansController],
  providers: [PlansService, PlanCommentsService, PlanProgressService, PlanExportsService, PlansRepository, PlanAccess],
  exports: [PlansService],
})
export class PlansModule {}
