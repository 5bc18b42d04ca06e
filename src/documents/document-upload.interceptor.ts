import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError } from '../common/errors/app-error';

// multer ships no type declarations (and @types/multer is not a dependency); only its memory storage is needed.
const { memoryStorage } = require('multer') as { memoryStorage(): unknown };

/** Largest document file. */
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;
export const MAX_DOCUMENT_SIZE_TEXT = '15 MB';

/** The form field that carries the file. */
export const DOCUMENT_FILE_FIELD = 'file';

/** The uploaded file as multer's memory storage hands it over. */
export interface UploadedDocument {
  buffer: Buffer;
  originalname: string;
  size: number;
  /** What the client claims; never trusted (the content is sniffed). */
  mimetype: string;
}

const MultipartFile = FileInterceptor(DOCUMENT_FILE_FIELD, {
  storage: memoryStorage(),
  // Browsers send UTF-8 filenames without declaring a charset.
  defParamCharset: 'utf8',
  limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, parts: 20 },
});

/**
 * Receives one document in the multipart field `file` (multer, memory storage, 15 MB) for any
 * module that attaches files (MoUs today; plan evidence and expense receipts later), and turns
 * multer's refusals into Jalin's problems: a file over the limit is 413 payload_too_large naming the
 * limit, a malformed form a 422 on the field `file`.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multipart = new MultipartFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) throw new AppError('payload_too_large', { limit: MAX_DOCUMENT_SIZE_TEXT });
      if (err instanceof HttpException && [400, 415].includes(err.getStatus())) {
        throw AppError.field(
          DOCUMENT_FILE_FIELD,
          'multipart_invalid',
          `send exactly one file as multipart/form-data in the form field "${DOCUMENT_FILE_FIELD}" (${err.message})`,
          `kirim tepat satu berkas sebagai multipart/form-data di isian formulir "${DOCUMENT_FILE_FIELD}" (${err.message})`,
        );
      }
      throw err;
    }
  }
}
