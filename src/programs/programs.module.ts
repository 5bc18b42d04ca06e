import { Module } from '@nestjs/common';
import { ProgramYearsController } from './program-years.controller';
import { ProgramYearsRepository } from './program-years.repository';
import { ProgramYearsService } from './program-years.service';
import { ProgramsController } from './programs.controller';
import { ProgramsRepository } from './programs.repository';
import { ProgramsService } from './programs.service';

@Module({
  controllers: [ProgramsController, ProgramYearsController],
  providers: [ProgramsService, ProgramsRepository, ProgramYearsService, ProgramYearsRepository],
  exports: [ProgramsService],
})
export class ProgramsModule {}
