import type { Server } from 'node:http';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { join } from 'node:path';
import { AppModule, AppModuleOptions } from './app.module';
import { AppError } from './common/errors/app-error';
import { sendProblem } from './common/errors/problem';
import { NoStoreDownloadsInterceptor, noStoreMiddleware } from './common/http/cache-control';
import { answerClientErrors } from './common/http/client-errors';
import { compressionMiddleware } from './common/http/compression';
import { EmptyChangeInterceptor, MAX_JSON_DEPTH, textGuardMiddleware, verifyJsonDepth } from './common/http/input-guard';
import { API_TAGS, markPublicOperations } from './common/http/openapi';
import { portalRouter } from './common/http/portal';
import { AppRequest, requestIdMiddleware } from './common/http/request-context';
import { requestLogMiddleware } from './common/logging/logger';
import type { AppConfig } from './config/env';

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
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const tag of API_TAGS) config.addTag(tag.name, tag.description);
  const base = config.build();
  // As package.json says: not open source. A licence object without a URL (the builder always adds one).
  base.info.license = { name: 'Proprietary (UNLICENSED): all rights reserved' };
  return markPublicOperations(SwaggerModule.createDocument(app, base));
}

/** JSON bodies up to the limit and MAX_JSON_DEPTH levels deep; a malformed, oversized or too deep body becomes a problem response. */
function jsonBodyParser(limit: string) {
  const parse = express.json({ limit, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      const error =
        type === 'entity.too.large'
          ? new AppError('payload_too_large', { limit })
          : type === 'json.too.deep'
            ? new AppError('json_too_deep', { limit: MAX_JSON_DEPTH })
            : new AppError('malformed_json');
      sendProblem(error, req, res, (req as AppRequest).id);
    });
}

/**
 * /api paths outside the current version (/api, /api/v2/...) are API calls too: a problem 404 like
 * any unknown /api/v1 path, where Express alone would answer an HTML page.
 */
function unknownApiVersion(req: Request, res: Response, next: NextFunction): void {
  const path = req.path;
  const isApi = path === '/api' || path.startsWith('/api/');
  if (!isApi || path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`)) return next();
  sendProblem(new AppError('route_not_found', { method: req.method, path }), req, res, (req as AppRequest).id);
}

/** Paths the API's own routes answer (under the version prefix, the docs, the two health checks). */
const API_ROUTES = /^\/(api\/v1(\/|$)|docs(\/|$|-json\/?$|-yaml\/?$)|health(\/ready)?\/?$)/;

/**
 * Anything else the portal did not serve (`//x`, `/nope`, a script asking for `/plans/1`) is a
 * problem 404 too, never Express's HTML "Cannot GET".
 */
function unknownPath(req: Request, res: Response, next: NextFunction): void {
  if (API_ROUTES.test(req.path)) return next();
  sendProblem(new AppError('route_not_found', { method: req.method, path: req.path }), req, res, (req as AppRequest).id);
}

/**
 * Where the built portal is: PORTAL_DIR, or dist/portal beside the compiled API (dist/src/app.setup.js).
 * Run from the TypeScript sources (the tests) there is no build beside them, only portal/'s sources.
 */
function portalDir(config: AppConfig): string | null {
  if (config.portalDir !== null) return config.portalDir;
  return __filename.endsWith('.js') ? join(__dirname, '..', 'portal') : null;
}

/** Builds the HTTP application with every cross-cutting piece, the same for the server and the tests. */
export async function createApp(options: AppModuleOptions & { preview?: boolean }): Promise<NestExpressApplication> {
  // Preview builds the module graph without instantiating providers: enough for the OpenAPI document.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    logger: options.logger,
    preview: options.preview ?? false,
  });
  const { config } = options;
  if (!options.preview) answerClientErrors(app.getHttpServer() as Server);
  if (config.trustProxy !== false) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(requestLogMiddleware(options.logger));
  app.use(compressionMiddleware());
  // No upgrade-insecure-requests: the Swagger UI must load over plain HTTP on a LAN address too.
  // The portal's pages replace this policy with their own (src/common/http/portal.ts).
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.enableCors({
    origin: config.corsOrigins === true ? true : config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['X-Request-Id', 'X-Correlation-Id', 'Retry-After', 'Idempotency-Replayed', 'Content-Disposition'],
  });
  app.use(unknownApiVersion);
  const portal = portalDir(config);
  if (portal !== null) app.use(portalRouter(portal));
  app.use(unknownPath);
  app.use(`/${API_PREFIX}/auth`, noStoreMiddleware);
  app.useGlobalInterceptors(new NoStoreDownloadsInterceptor(), new EmptyChangeInterceptor());
  // Only the refresh cookie of a browser session is read (src/auth/refresh-cookie.ts).
  app.use(cookieParser());
  app.use(jsonBodyParser(config.bodyLimit));
  app.use(textGuardMiddleware);
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
