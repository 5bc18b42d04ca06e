import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { AppError } from '../../common/errors/app-error';

// multer ships no type declarations (and @types/multer is not a dependency); only its memory storage is needed.
const { memoryStorage } = require('multer') as { memoryStorage(): unknown };

/** Largest import file. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_SIZE_TEXT = '20 MB';

/** The form field that carries the file. */
export const IMPORT_FILE_FIELD = 'file';

/** The uploaded file as multer's memory storage hands it over. */
export interface UploadedCsv {
  buffer: Buffer;
  originalname: string;
  size: number;
  mimetype: string;
}

const MultipartFile = FileInterceptor(IMPORT_FILE_FIELD, {
  storage: memoryStorage(),
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 20 },
});

/**
 * Receives one CSV file in the multipart field `file` (multer, memory storage, 20 MB) and turns
 * multer's refusals into Jalin's problems: a file over the limit is 413 payload_too_large naming
 * the limit, and a malformed form is 422 on the field `file`, rather than Nest's generic 400.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly multipart = new MultipartFile();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException) throw new AppError('payload_too_large', { limit: MAX_IMPORT_SIZE_TEXT });
      if (err instanceof HttpException && [400, 415].includes(err.getStatus())) {
        throw AppError.field(
          IMPORT_FILE_FIELD,
          'multipart_invalid',
          `send exactly one CSV file as multipart/form-data in the form field "${IMPORT_FILE_FIELD}" (${err.message})`,
          `kirim tepat satu berkas CSV sebagai multipart/form-data di isian formulir "${IMPORT_FILE_FIELD}" (${err.message})`,
        );
      }
      throw err;
    }
  }
}
