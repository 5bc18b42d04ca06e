import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id must be a UUID; anything else is a 422 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw AppError.field(
      field,
      'isUUID',
      `${field} in the path must be a UUID such as 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69`,
      `${field} di path harus berupa UUID seperti 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69`,
    );
  }
}
