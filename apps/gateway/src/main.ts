import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument, createServiceApp, loadConfig, startServiceApp } from '@hub/platform';
import { GatewayConfig } from './config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule } from './gateway-app.module';
import { GetOpenApiDocumentUseCase } from './openapi/usecases/merge-openapi/get-openapi-document.usecase';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const app = await createServiceApp(GatewayAppModule.forRoot(config), { service: GATEWAY_SERVICE, config });
  const own = buildOpenApiDocument(app, {
    title: 'National public-service hub API',
    description: 'The national portal API for agency systems, the portal, payment providers and the public. Errors are application/problem+json.',
    version: '1',
  });
  app.get(GetOpenApiDocumentUseCase).setGatewayDocument(own);
  // Swagger UI (assets from swagger-ui-dist, no CDN) reads the merged document of all services.
  SwaggerModule.setup('docs', app, own, { swaggerOptions: { url: '/openapi.json' }, jsonDocumentUrl: 'docs/gateway-json' });
  await startServiceApp(app, config.PORT);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
