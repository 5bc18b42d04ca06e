import { Module } from '@nestjs/common';
import { PartnerRequestsController } from './partner-requests.controller';
import { PartnerRequestsRepository } from './partner-requests.repository';
import { PartnerRequestsService } from './partner-requests.service';

@Module({
  controllers: [PartnerRequestsController],
  providers: [PartnerRequestsService, PartnerRequestsRepository],
  exports: [PartnerRequestsService],
})
export class PartnerRequestsModule {}
