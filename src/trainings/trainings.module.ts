import { Module } from '@nestjs/common';
import { ParticipantsService } from './participants.service';
import { TrainingsController } from './trainings.controller';
import { TrainingsRepository } from './trainings.repository';
import { TrainingsService } from './trainings.service';

/** Trainings: participants, nominations against per-school quotas, and the pre/post and satisfaction evaluation. */
@Module({
  controllers: [TrainingsController],
  providers: [TrainingsService, ParticipantsService, TrainingsRepository],
  exports: [TrainingsService],
})
export class TrainingsModule {}
