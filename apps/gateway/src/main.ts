import { SwaggerModule } from '@nestjs/swagger';
import { createServiceApp, loadConfig, startServiceApp } from '@hub/platform';
import { GatewayConfig } from './config/gateway.config';
import { GATEWAY_SERVICE, GatewayAppModule } from './gateway-app.module';
import { buildGatewayDocument } from './openapi/gateway-document';
import { GetOpenApiDocumentUseCase } from './openapi/usecases/merge-openapi/get-openapi-document.usecase';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const app = await createServiceApp(GatewayAppModule.forRoot(config), { service: GATEWAY_SERVICE, config });
  const own = buildGatewayDocument(app);
  app.get(GetOpenApiDocumentUseCase).setGatewayDocument(own);
  // Swagger UI (assets from swagger-ui-dist, no CDN) reads the merged document of all services.
  SwaggerModule.setup('docs', app, own, { swaggerOptions: { url: '/openapi.json' }, jsonDocumentUrl: 'docs/gateway-json' });
  await startServiceApp(app, config.PORT);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
