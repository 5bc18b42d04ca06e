import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/**
 * Idempotency keys: one effect per key, the first answer replayed on retries. Money movements require
 * a key; the school's record-creating writes take one optionally.
 */
@Module({
  providers: [IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
