import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ParentEngagementController } from './parent-engagement.controller';
import { ParentEngagementRepository } from './parent-engagement.repository';
import { ParentEngagementService } from './parent-engagement.service';

/** A school's work with parents: parenting classes, committee meetings, home visits and more. */
@Module({
  imports: [DocumentsModule],
  controllers: [ParentEngagementController],
  providers: [ParentEngagementService, ParentEngagementRepository],
})
export class ParentEngagementModule {}
