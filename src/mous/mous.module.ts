import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { MouLifecycleService } from './mou-lifecycle.service';
import { MousController } from './mous.controller';
import { MousRepository } from './mous.repository';
import { MousService } from './mous.service';

@Module({
  imports: [DocumentsModule],
  controllers: [MousController],
  providers: [MousService, MousRepository, MouLifecycleService],
  // The daily job moves MoUs along through the lifecycle service.
  exports: [MouLifecycleService],
})
export class MousModule {}
