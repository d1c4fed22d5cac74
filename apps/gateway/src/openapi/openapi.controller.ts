import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { Public } from '@hub/platform';
import { GetOpenApiDocumentUseCase } from './usecases/merge-openapi/get-openapi-document.usecase';

@Public()
@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly getDocument: GetOpenApiDocumentUseCase) {}

  /** The whole national portal API; Swagger UI at /docs reads it. */
  @Get('openapi.json')
  document(): Promise<OpenAPIObject> {
    return this.getDocument.execute();
  }
}
