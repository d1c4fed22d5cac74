import { Module } from '@nestjs/common';
import { ProxyModule } from '../proxy/proxy.module';
import { OpenApiController } from './openapi.controller';
import { GetOpenApiDocumentUseCase } from './usecases/merge-openapi/get-openapi-document.usecase';

@Module({
  imports: [ProxyModule],
  controllers: [OpenApiController],
  providers: [GetOpenApiDocumentUseCase],
  exports: [GetOpenApiDocumentUseCase],
})
export class OpenApiModule {}
