import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { catchError, from, map, mergeMap, type Observable, throwError } from 'rxjs';
import { AppError } from '../common/errors/app-error';
import type { AppRequest } from '../common/http/request-context';
import { AppLogger } from '../common/logging/logger';
import { DOCUMENT_STORAGE, storageUnavailable, type DocumentStorage } from './document-storage';
import { streamingDocumentEngine, type StoredUpload } from './streaming-upload';

/** Largest document file. */
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;
export const MAX_DOCUMENT_SIZE_TEXT = '15 MB';

/** The form field that carries the file. */
export const DOCUMENT_FILE_FIELD = 'file';

/**
 * The uploaded file as the streaming upload hands it over: already in the document storage under
 * `storageKey`, measured and hashed, its first bytes kept to recognise the content.
 */
export interface UploadedDocument extends StoredUpload {
  originalname: string;
  /** What the client claims; never trusted (the content is sniffed). */
  mimetype: string;
  /** Set once a document row records the stored bytes; what is not claimed is removed after the request. */
  claimed?: boolean;
}

/**
 * Receives one document in the multipart field `file` (at most 15 MB) for every module that attaches
 * files, streaming it into the document storage as it arrives (see streamingDocumentEngine), and
 * turns multer's refusals into Jalin's problems: a file over the limit is 413 payload_too_large naming
 * the limit, a malformed form a 422 on the field `file`, a storage that does not take the bytes a 503.
 * Stored bytes that no document row claims by the end of the request are removed again.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor;

  constructor(
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    private readonly logger: AppLogger,
  ) {
    const MultipartFile = FileInterceptor(DOCUMENT_FILE_FIELD, {
      storage: streamingDocumentEngine(storage),
      // Browsers send UTF-8 filenames without declaring a charset.
      defParamCharset: 'utf8',
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 20 },
    });
    this.multipart = new MultipartFile();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<AppRequest & { file?: UploadedDocument }>();
    let handled: Observable<unknown>;
    try {
      handled = await this.multipart.intercept(context, next);
    } catch (err) {
      throw this.problemOf(err, req);
    }
    // The file is stored before the route runs; if the route refuses the request (validation, access,
    // a rule) or does not keep the file, its bytes are removed before the answer goes out.
    return handled.pipe(
      mergeMap((value) => from(this.discardUnclaimed(req)).pipe(map(() => value))),
      catchError((err: unknown) => from(this.discardUnclaimed(req)).pipe(mergeMap(() => throwError(() => err)))),
    );
  }

  private async discardUnclaimed(req: { file?: UploadedDocument; id?: string }): Promise<void> {
    const file = req.file;
    if (!file || file.claimed || !file.storageKey) return;
    try {
      await this.storage.delete(file.storageKey);
    } catch (err) {
      this.logger.warn({ msg: 'an unclaimed upload could not be removed from the document storage', requestId: req.id, storageKey: file.storageKey, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private problemOf(err: unknown, req: AppRequest): unknown {
    if (err instanceof PayloadTooLargeException) return new AppError('payload_too_large', { limit: MAX_DOCUMENT_SIZE_TEXT });
    if (err instanceof HttpException && [400, 415].includes(err.getStatus())) {
      return AppError.field(
        DOCUMENT_FILE_FIELD,
        'multipart_invalid',
        `send exactly one file as multipart/form-data in the form field "${DOCUMENT_FILE_FIELD}" (${err.message})`,
        `kirim tepat satu berkas sebagai multipart/form-data di isian formulir "${DOCUMENT_FILE_FIELD}" (${err.message})`,
      );
    }
    if (err instanceof HttpException || err instanceof AppError) return err;
    // Anything else failed while the bytes went to the storage: the store is down or refused them.
    this.logger.error({ msg: 'the document storage did not take an upload', requestId: req.id, error: err instanceof Error ? err.message : String(err) });
    return storageUnavailable();
  }
}
