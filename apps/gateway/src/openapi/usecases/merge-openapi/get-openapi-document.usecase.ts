import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { UpstreamClient } from '../../../proxy/upstream.client';
import type { UpstreamName } from '../../../proxy/upstream-routes';
import { publishedOpenApi } from './merge-openapi';

const CACHE_MS = 60_000;
const SERVICES: UpstreamName[] = ['catalogue', 'dossier', 'payment', 'rating'];

/** The merged document, rebuilt at most once a minute; a service that is down is left out and named. */
@Injectable()
export class GetOpenApiDocumentUseCase {
  private cached?: { document: OpenAPIObject; complete: boolean; at: number };
  private gateway: OpenAPIObject = { openapi: '3.0.0', info: { title: 'Hub', version: '1' }, paths: {} };

  constructor(private readonly upstreams: UpstreamClient) {}

  /** The gateway's own operations; built in main.ts because it needs the finished application. */
  setGatewayDocument(document: OpenAPIObject): void {
    this.gateway = document;
    this.cached = undefined;
  }

  async execute(): Promise<OpenAPIObject> {
    if (this.cached?.complete && Date.now() - this.cached.at < CACHE_MS) return this.cached.document;
    const docs = await Promise.all(
      SERVICES.map(async (name) => {
        try {
          const res = await this.upstreams.forward(name, 'GET', '/docs-json', { accept: 'application/json' });
          return res.status === 200 ? (JSON.parse(res.body.toString('utf8')) as OpenAPIObject) : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    const services = Object.fromEntries(SERVICES.map((name, i) => [name, docs[i]]));
    const document = publishedOpenApi(this.gateway, services);
    this.cached = { document, complete: docs.every(Boolean), at: Date.now() };
    return document;
  }
}
