import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { MailService } from './mail.service';
import { MAIL_TRANSPORT, SmtpTransport } from './mail-transport';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';

/** Outgoing e-mail: the outbox, its worker, the SMTP transport and the administrators' view. */
@Module({
  controllers: [OutboxController],
  providers: [
    MailService,
    OutboxRepository,
    OutboxWorker,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.mail.smtp ? new SmtpTransport(config.mail.smtp) : null) },
  ],
  exports: [MailService],
})
export class MailModule {}
