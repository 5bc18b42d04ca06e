import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { DOCUMENT_STORAGE } from './document-storage';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FilesystemDocumentStorage } from './filesystem-document-storage';

/**
 * Stored files attached to records. The storage is chosen here, in one place: the filesystem
 * folder DOCUMENTS_DIR today; an object store later implements DocumentStorage and replaces the factory.
 */
@Module({
  providers: [
    { provide: DOCUMENT_STORAGE, useFactory: (config: AppConfig) => new FilesystemDocumentStorage(config.documentsDir), inject: [APP_CONFIG] },
    DocumentsRepository,
    DocumentsService,
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
