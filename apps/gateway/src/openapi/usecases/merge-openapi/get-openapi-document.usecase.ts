import { Inject, Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DEPRECATION_TABLE, type Deprecation } from '../../../proxy/deprecations';
import { UpstreamClient } from '../../../proxy/upstream.client';
import type { UpstreamName } from '../../../proxy/upstream-routes';
import { publishedOpenApi } from './merge-openapi';

/** A complete document is rebuilt at most this often. */
const CACHE_MS = 60_000;
/** With a service missing, the services are asked again at most this often, whatever the number of readers. */
const RETRY_MS = 10_000;
const SERVICES: UpstreamName[] = ['catalogue', 'dossier', 'payment', 'rating'];

/**
 * The merged document. Readers share one rebuild at a time and its result: a complete document for a minute, an
 * incomplete one (a service down) for 10 s, so a down service is asked at most once per 10 s however many readers
 * come (before, every reader asked every service while one was down). A service that does not answer keeps its
 * last document, if it ever answered; only a service never seen is left out and named.
 */
@Injectable()
export class GetOpenApiDocumentUseCase {
  private cached?: { document: OpenAPIObject; complete: boolean; at: number };
  private building?: Promise<OpenAPIObject>;
  private readonly lastKnown = new Map<UpstreamName, OpenAPIObject>();
  private gateway: OpenAPIObject = { openapi: '3.0.0', info: { title: 'Hub', version: '1' }, paths: {} };

  constructor(
    private readonly upstreams: UpstreamClient,
    @Inject(DEPRECATION_TABLE) private readonly deprecations: readonly Deprecation[],
  ) {}

  /** The gateway's own operations; built in main.ts because it needs the finished application. */
  setGatewayDocument(document: OpenAPIObject): void {
    this.gateway = document;
    this.cached = undefined;
  }

  execute(): Promise<OpenAPIObject> {
    const cached = this.cached;
    if (cached && Date.now() - cached.at < (cached.complete ? CACHE_MS : RETRY_MS)) return Promise.resolve(cached.document);
    this.building ??= this.rebuild().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async rebuild(): Promise<OpenAPIObject> {
    const docs = await Promise.all(SERVICES.map((name) => this.fetch(name)));
    for (const [i, name] of SERVICES.entries()) if (docs[i]) this.lastKnown.set(name, docs[i]);
    const services = Object.fromEntries(SERVICES.map((name) => [name, this.lastKnown.get(name)]));
    const document = publishedOpenApi(this.gateway, services, this.deprecations);
    this.cached = { document, complete: docs.every(Boolean), at: Date.now() };
    return document;
  }

  private async fetch(name: UpstreamName): Promise<OpenAPIObject | undefined> {
    try {
      const res = await this.upstreams.forward(name, 'GET', '/docs-json', { accept: 'application/json' });
      return res.status === 200 ? (JSON.parse(res.body.toString('utf8')) as OpenAPIObject) : undefined;
    } catch {
      return undefined;
    }
  }
}
