import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';

/** Idempotency keys for money movements: one effect per key, the first answer replayed on retries. */
@Module({
  providers: [IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
