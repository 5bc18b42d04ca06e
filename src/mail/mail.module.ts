import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { MailService } from './mail.service';
import { MAIL_TRANSPORT, SmtpTransport } from './mail-transport';
import { MailPreferencesController, UnsubscribeController } from './mail-preferences.controller';
import { MailPreferencesRepository } from './mail-preferences.repository';
import { MailPreferencesService } from './mail-preferences.service';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxWorker } from './outbox.worker';

/** Outgoing e-mail: the outbox, its worker, the SMTP transport, the administrators' view, each user's preferences and unsubscribe links. */
@Module({
  controllers: [OutboxController, MailPreferencesController, UnsubscribeController],
  providers: [
    MailService,
    MailPreferencesService,
    MailPreferencesRepository,
    OutboxRepository,
    OutboxWorker,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => (config.mail.smtp ? new SmtpTransport(config.mail.smtp) : null) },
  ],
  exports: [MailService, MailPreferencesRepository],
})
export class MailModule {}
