import { Module } from '@nestjs/common';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';

/** "What needs me now": one read across plans, grants, mentoring, competitions, MoUs and partner requests, in the caller's scope. */
@Module({
  controllers: [AgendaController],
  providers: [AgendaService, AgendaRepository],
})
export class AgendaModule {}
