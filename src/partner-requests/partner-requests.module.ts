import { Module } from '@nestjs/common';
import { PartnershipsModule } from '../partnerships/partnerships.module';
import { PartnerRequestsController } from './partner-requests.controller';
import { PartnerRequestsRepository } from './partner-requests.repository';
import { PartnerRequestsService } from './partner-requests.service';

@Module({
  // Accepting a recommended school opens (or links) its partnership in the same transaction.
  imports: [PartnershipsModule],
  controllers: [PartnerRequestsController],
  providers: [PartnerRequestsService, PartnerRequestsRepository],
  exports: [PartnerRequestsService],
})
export class PartnerRequestsModule {}
