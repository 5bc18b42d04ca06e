import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { DOCUMENT_STORAGE } from './document-storage';
import type { DocumentStorage } from './document-storage';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FilesystemDocumentStorage } from './filesystem-document-storage';
import { S3DocumentStorage } from './s3-document-storage';

/** The storage DOCUMENTS_STORAGE names: the folder DOCUMENTS_DIR, or the S3-compatible bucket S3_BUCKET. */
function documentStorage(config: AppConfig): DocumentStorage {
  return config.s3 !== null ? S3DocumentStorage.fromConfig(config.s3) : new FilesystemDocumentStorage(config.documentsDir);
}

/**
 * Stored files attached to records. The storage is chosen here, in one place, by configuration;
 * the storage itself is exported for readiness, which checks that it can be reached.
 */
@Module({
  providers: [{ provide: DOCUMENT_STORAGE, useFactory: documentStorage, inject: [APP_CONFIG] }, DocumentsRepository, DocumentsService],
  exports: [DocumentsService, DOCUMENT_STORAGE],
})
export class DocumentsModule {}
