import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-document';
import { FIELD_ERROR_SCHEMA, PROBLEM_SCHEMA } from './problem-schema';

export interface OpenApiInfo {
  title: string;
  description: string;
  version: string;
}

export const API_KEY_SECURITY_SCHEME = 'apiKey';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function buildOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, API_KEY_SECURITY_SCHEME)
    .addSecurityRequirements(API_KEY_SECURITY_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA, FieldError: FIELD_ERROR_SCHEMA },
  };
  addDefaultProblemResponses(document);
  return document;
}

// Every error is problem+json, so each operation documents it once as its default response.
function addDefaultProblemResponses(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation || operation.responses.default) continue;
      operation.responses.default = {
        description: 'Error (problem details)',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
  }
}

/** Swagger UI at `/<path>` and the JSON at `/<path>-json`; UI assets come from swagger-ui-dist, not a CDN. */
export function setupOpenApi(app: INestApplication, document: OpenAPIObject, path = 'docs'): void {
  SwaggerModule.setup(path, app, document, { jsonDocumentUrl: `${path}-json`, raw: ['json'] });
}
