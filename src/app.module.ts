import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ValidationPipe } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'typeorm';
import { AgendaModule } from './agenda/agenda.module';
import { ParentEngagementModule } from './parent-engagement/parent-engagement.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard';
import { Clock } from './common/clock';
import { CompetitionsModule } from './competitions/competitions.module';
import { PermissionsGuard } from './common/auth/permissions.guard';
import { ProblemFilter } from './common/errors/problem.filter';
import { completeDtoRules } from './common/errors/dto-rules';
import { validationFailed } from './common/errors/validation';
import { AppLogger } from './common/logging/logger';
import { APP_CONFIG, AppConfig } from './config/env';
import { dataSourceOptions } from './database/data-source';
import { DocumentsModule } from './documents/documents.module';
import { FacilitiesModule } from './facilities/facilities.module';
import { GrantsModule } from './grants/grants.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { MentoringModule } from './mentoring/mentoring.module';
import { MousModule } from './mous/mous.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PartnerRequestsModule } from './partner-requests/partner-requests.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { PlansModule } from './plans/plans.module';
import { PracticesModule } from './practices/practices.module';
import { ProgramsModule } from './programs/programs.module';
import { RegionsModule } from './regions/regions.module';
import { ReportsModule } from './reports/reports.module';
import { TrainingsModule } from './trainings/trainings.module';
import { UsersModule } from './users/users.module';
import { PreparedStatements } from './database/prepared-statements';

/** What the app needs from its starter: the validated config and where the database is. */
export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: AppLogger;
  /** Sees every SQL query (the tests count them). */
  queryLogger?: Logger;
  /** Extra modules, e.g. a test-only controller. */
  extraModules?: Type[];
}

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: AppLogger, useValue: options.logger },
        Clock,
        PreparedStatements,
      ],
      exports: [APP_CONFIG, AppLogger, Clock, PreparedStatements],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    completeDtoRules();
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        // Binds each request's pino logger (from the request-log middleware) to what is logged during it.
        LoggerModule.forRoot(options.logger.params),
        // The embedded PGlite has no statement timeout: one session, no other client to wait for.
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, options.config.dbPoolMax, options.queryLogger, options.config.databaseUrl ? options.config.dbStatementTimeoutMs : 0)),
        AuditModule,
        AuthModule,
        OrganizationsModule,
        PartnerRequestsModule,
        ProgramsModule,
        PartnershipsModule,
        PlansModule,
        MentoringModule,
        TrainingsModule,
        RegionsModule,
        UsersModule,
        MousModule,
        DocumentsModule,
        CompetitionsModule,
        NotificationsModule,
        MailModule,
        JobsModule,
        GrantsModule,
        FacilitiesModule,
        PracticesModule,
        IdempotencyModule,
        HealthModule,
        ReportsModule,
        AgendaModule,
        ParentEngagementModule,
        ...(options.extraModules ?? []),
      ],
      providers: [
        // Order matters: first who is calling, then whether they may.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PermissionsGuard },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            stopAtFirstError: true,
            // The value reaches only the exception factory, which tells a missing field from a wrong one; it is never echoed.
            validationError: { target: false, value: true },
            exceptionFactory: validationFailed,
          }),
        },
        { provide: APP_FILTER, useFactory: (logger: AppLogger) => new ProblemFilter(logger), inject: [AppLogger] },
      ],
    };
  }
}
