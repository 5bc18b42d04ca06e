import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule, AppModuleOptions } from './app.module';
import { AppError } from './common/errors/app-error';
import { sendProblem } from './common/errors/problem';
import { AppRequest, requestIdMiddleware, requestLogMiddleware } from './common/http/request-context';

export const API_PREFIX = 'api/v1';

/** The OpenAPI document: every endpoint with schemas and examples, and the bearer scheme. */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Jalin API')
    .setDescription(
      'School–industry CSR partnership portal. Sign in with POST /api/v1/auth/login (demo users are listed in the README), ' +
        'then press "Authorize" and paste the accessToken. Errors are application/problem+json with a stable `code`; ' +
        'send `Accept-Language: id` for Bahasa Indonesia. Lists are paged with `limit` (at most 100) and `cursor` (the previous page\'s `nextCursor`).',
    )
    .setVersion('1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** JSON bodies up to the limit; a malformed or oversized body becomes a problem response. */
function jsonBodyParser(limit: string) {
  const parse = express.json({ limit, type: ['application/json', 'application/*+json'] });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      const error =
        type === 'entity.too.large' ? new AppError('payload_too_large', { limit }) : new AppError('malformed_json');
      sendProblem(error, req, res, (req as AppRequest).id);
    });
}

/** Builds the HTTP application with every cross-cutting piece, the same for the server and the tests. */
export async function createApp(options: AppModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    logger: options.logger,
  });
  const { config } = options;
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(options.logger));
  // No upgrade-insecure-requests: the Swagger UI must load over plain HTTP on a LAN address too.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.enableCors({
    origin: config.corsOrigins === true ? true : config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Idempotency-Replayed', 'Content-Disposition'],
  });
  app.use(jsonBodyParser(config.bodyLimit));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  const document = buildOpenApi(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
    customSiteTitle: 'Jalin API',
  });
  return app;
}
