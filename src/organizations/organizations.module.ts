import { Module } from '@nestjs/common';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { OrganizationImportController } from './import/organization-import.controller';
import { OrganizationImportService } from './import/organization-import.service';
import { SchoolImportRepository } from './import/school-import.repository';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@Module({
  controllers: [OrganizationsController, ContactsController, OrganizationImportController],
  providers: [OrganizationsService, OrganizationsRepository, ContactsService, OrganizationImportService, SchoolImportRepository],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
