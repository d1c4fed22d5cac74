import { randomBytes } from 'node:crypto';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, generateIdentityKeys, loadConfig, PlatformModule, type BaseServiceConfig } from '@hub/platform';
import { CatalogueConfig } from '../../../apps/catalogue/src/config/catalogue.config';
import { CATALOGUE_SERVICE, CatalogueAppModule } from '../../../apps/catalogue/src/catalogue-app.module';
import { DossierConfig } from '../../../apps/dossier/src/config/dossier.config';
import { DOSSIER_SERVICE, DossierAppModule } from '../../../apps/dossier/src/dossier-app.module';
import { GatewayConfig } from '../../../apps/gateway/src/config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule } from '../../../apps/gateway/src/gateway-app.module';
import { buildGatewayDocument } from '../../../apps/gateway/src/openapi/gateway-document';
import { publishedOpenApi } from '../../../apps/gateway/src/openapi/usecases/merge-openapi/merge-openapi';
import { PaymentConfig } from '../../../apps/payment/src/config/payment.config';
import { PAYMENT_SERVICE, PaymentAppModule } from '../../../apps/payment/src/payment-app.module';
import { RatingConfig } from '../../../apps/rating/src/config/rating.config';
import { RATING_SERVICE, RatingAppModule } from '../../../apps/rating/src/rating-app.module';

const OFFLINE_KEYS = generateIdentityKeys('offline');

// Nothing is contacted: Nest builds each application in preview mode (modules and routes, no provider runs).
const OFFLINE_ENV = {
  PORT: '0',
  DATABASE_URL: 'postgres://offline@127.0.0.1:1/offline',
  KAFKA_BROKERS: '127.0.0.1:1',
  // A throwaway pair: the key only has to parse.
  IDENTITY_SIGNING_KEY: OFFLINE_KEYS.signingKey,
  IDENTITY_PUBLIC_KEYS: OFFLINE_KEYS.publicKeys,
  LOOKUP_KEY_SECRET: randomBytes(32).toString('base64url'),
  CATALOGUE_URL: 'http://127.0.0.1:1',
  DOSSIER_URL: 'http://127.0.0.1:1',
  PAYMENT_URL: 'http://127.0.0.1:1',
  RATING_URL: 'http://127.0.0.1:1',
};

@Module({})
class OfflineRoot {}

async function withPreviewApp<C extends BaseServiceConfig, T>(
  service: string,
  configClass: new () => C,
  module: (config: C) => DynamicModule,
  use: (app: INestApplication) => T,
): Promise<T> {
  const config = loadConfig(configClass, OFFLINE_ENV);
  const app = await NestFactory.create(
    { module: OfflineRoot, imports: [PlatformModule.forRoot({ service, identityPublicKeys: config.IDENTITY_PUBLIC_KEYS, identitySigningKey: config.IDENTITY_SIGNING_KEY }), module(config)] },
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return use(app);
  } finally {
    await app.close();
  }
}

const serviceDocument = (app: INestApplication) => buildOpenApiDocument(app, { title: 'service', description: 'service', version: '1' });

/** The published document exactly as the running gateway serves it at /openapi.json, built without any infrastructure. */
export async function buildPublishedDocument(): Promise<OpenAPIObject> {
  const gateway = await withPreviewApp(GATEWAY_SERVICE, GatewayConfig, GatewayAppModule.forRoot, buildGatewayDocument);
  const services = {
    catalogue: await withPreviewApp(CATALOGUE_SERVICE, CatalogueConfig, CatalogueAppModule.forRoot, serviceDocument),
    dossier: await withPreviewApp(DOSSIER_SERVICE, DossierConfig, DossierAppModule.forRoot, serviceDocument),
    payment: await withPreviewApp(PAYMENT_SERVICE, PaymentConfig, PaymentAppModule.forRoot, serviceDocument),
    rating: await withPreviewApp(RATING_SERVICE, RatingConfig, RatingAppModule.forRoot, serviceDocument),
  };
  return publishedOpenApi(gateway, services);
}
