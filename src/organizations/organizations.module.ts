import { Module } from '@nestjs/common';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@Module({
  controllers: [OrganizationsController, ContactsController],
  providers: [OrganizationsService, OrganizationsRepository, ContactsService],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
