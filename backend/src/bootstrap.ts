import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@cairn/db';
import { tokenLimit } from './common/graphql.js';
import { CairnLogger } from './common/logger.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import type { StatementObserver } from './database/request-db.js';
import { AppModule } from './app.module.js';

export interface CairnApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_APP_DIR = resolve(here, '../../frontend/dist');

/** Builds the Nest application on an app-role connection URL (not yet listening). */
export async function createCairnApp(
  config: AppConfig,
  appDatabaseUrl: string,
  opts: { logger?: CairnLogger; observer?: StatementObserver } = {},
): Promise<CairnApp> {
  const logger = opts.logger ?? new CairnLogger();
  const dataSource = createDataSource({
    url: appDatabaseUrl,
    poolSize: config.dbPoolSize,
    applicationName: 'cairn-app',
  });
  await dataSource.initialize();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, dataSource, logger, observer: opts.observer }),
    { logger, bodyParser: false },
  );
  app.set('trust proxy', config.expressTrustProxy);
  app.disable('x-powered-by');
  // No API answer may be kept by a browser or a proxy: no ETag to revalidate it, and no-store
  // (the web app's static files set their own caching after this).
  app.set('etag', false);
  app.use(noStore);
  app.use(securityHeaders(config));
  app.use(express.json({ limit: '200kb' }));
  app.use(bodyErrors);
  app.use(tokenLimit);
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  serveWebApp(app);
  await app.init();
  return {
    app,
    dataSource,
    async close() {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** Security headers and a strict CSP: the web app loads nothing from any origin but its own. */
function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.isProduction,
    crossOriginEmbedderPolicy: false,
  });
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}

/** A body that is not JSON, or too large, is the caller's mistake: 400/413 with a plain message. */
function bodyErrors(
  error: { type?: string; status?: number } | undefined,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (!error) return next();
  const tooLarge = error.type === 'entity.too.large';
  const status = tooLarge ? 413 : error.status && error.status < 500 ? error.status : 400;
  res.status(status).json({
    errors: [
      {
        message: tooLarge ? 'Request body is too large' : 'Request body is not valid JSON',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
}

/** The built dashboard and portal, from the same origin, with client-side routing fallback. */
function serveWebApp(app: NestExpressApplication): void {
  if (!existsSync(join(WEB_APP_DIR, 'index.html'))) return;
  app.use(express.static(WEB_APP_DIR, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const apiPath = /^\/(graphql|health|exports|dev)(\/|$)/.test(req.path);
    if (req.method !== 'GET' || apiPath || !req.accepts('html')) return next();
    res.sendFile(join(WEB_APP_DIR, 'index.html'));
  });
}
