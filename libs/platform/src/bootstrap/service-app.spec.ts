import { Body, Controller, Get, Module, NotFoundException, OnApplicationShutdown, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { Writable } from 'node:stream';
import { BaseServiceConfig } from '../config/base-service.config';
import type { EventTrace, RequestContext } from '../context/request-context';
import { notFound } from '../errors/problems';
import { READINESS_CHECK } from '../health/readiness-check';
import type { CallerIdentity } from '../identity/caller-identity';
import { Caller, Public, RequestContextParam, RequireRoles, Trace } from '../identity/identity.decorators';
import { generateIdentityKeys, parseIdentitySigningKey } from '../identity/identity-keys';
import { signIdentity } from '../identity/identity-token';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from './create-service-app';
import { PlatformModule } from './platform.module';

const KEYS = generateIdentityKeys('gw1');
const KEY = parseIdentitySigningKey(KEYS.signingKey);
const OTHER_KEY = parseIdentitySigningKey(generateIdentityKeys('gw1').signingKey);
const BODY_LIMIT = 2048;
const config = Object.assign(new BaseServiceConfig(), {
  PORT: 0,
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: KEYS.publicKeys,
  BODY_LIMIT_BYTES: BODY_LIMIT,
});
const portal: CallerIdentity = { clientId: 'portal', kind: 'portal', agencyCodes: [], roles: ['dossier:submit'] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

class Fee {
  @IsInt()
  @Min(0)
  amount: number;
}

class SubmitDossierDto {
  @IsString()
  @MaxLength(200)
  title: string;

  @ValidateNested({ each: true })
  @Type(() => Fee)
  fees: Fee[];
}

@Controller('dossiers')
class DossierController {
  @Post()
  submit(@Body() dto: SubmitDossierDto, @Caller() caller: CallerIdentity, @RequestContextParam() context: RequestContext) {
    return { title: dto.title, clientId: caller.clientId, correlationId: context.correlationId, ctxCaller: context.identity?.clientId };
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to postgres://hub:hunter2@db failed');
  }

  @Get('missing')
  missing(): never {
    throw notFound('DOSSIER_NOT_FOUND', { detail: 'No dossier H26.99.', titleVi: 'Không tìm thấy hồ sơ' });
  }

  @Get('gone')
  gone(): never {
    throw new NotFoundException('Nothing here');
  }

  @RequireRoles('hub:admin', 'audit:read')
  @Get('audit')
  audit() {
    return { ok: true };
  }

  @Public()
  @Get('lookup')
  lookup(@Trace() trace: EventTrace) {
    return { correlationId: trace.correlationId };
  }
}

const readiness = { kafkaDown: false, kafkaDegraded: false, shutdownSignals: [] as (string | undefined)[] };

class ShutdownProbe implements OnApplicationShutdown {
  onApplicationShutdown(signal?: string) {
    readiness.shutdownSignals.push(signal);
  }
}

@Module({
  providers: [
    {
      provide: READINESS_CHECK,
      useValue: [
        {
          name: 'kafka',
          check: async () => {
            if (readiness.kafkaDown) throw new Error('broker 127.0.0.1:9092 unreachable');
            return readiness.kafkaDegraded ? { degraded: 'broker unreachable: events wait in the outbox' } : undefined;
          },
        },
      ],
    },
  ],
})
class MessagingModule {}

@Module({
  // Importing PlatformModule here as well must not register its routes twice.
  imports: [PlatformModule.forRoot({ service: 'dossier', identityPublicKeys: KEYS.publicKeys }), MessagingModule],
  controllers: [DossierController],
  providers: [{ provide: READINESS_CHECK, useValue: { name: 'postgres', check: async () => undefined } }, ShutdownProbe],
})
class DossierModule {}

describe('createServiceApp', () => {
  let app: NestFastifyApplication;
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()));
      done();
    },
  });

  const identity = (method: string, path: string, who: CallerIdentity = portal) => ({
    'x-hub-identity': signIdentity(who, KEY, { audience: 'dossier', method, path }),
  });

  beforeAll(async () => {
    app = await createServiceApp(DossierModule, {
      service: 'dossier',
      config,
      logger: createLogger('dossier', 'info', sink),
      openApi: { title: 'Dossier', description: 'Dossier service', version: '1' },
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('handles a valid request inside the request context, with the verified caller', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: { ...identity('POST', '/dossiers'), 'x-correlation-id': 'abc-123' },
      payload: { title: 'Birth registration', fees: [{ amount: 0 }] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('abc-123');
    expect(res.json()).toEqual({ title: 'Birth registration', clientId: 'portal', correlationId: 'abc-123', ctxCaller: 'portal' });
  });

  it('generates a correlation id when none or an unsafe one is sent', async () => {
    const none = await app.inject({ method: 'GET', url: '/dossiers/lookup' });
    expect(none.headers['x-correlation-id']).toMatch(UUID);
    expect(none.json()).toEqual({ correlationId: none.headers['x-correlation-id'] });

    const unsafe = await app.inject({ method: 'GET', url: '/dossiers/lookup', headers: { 'x-correlation-id': 'a b\tc' } });
    expect(unsafe.headers['x-correlation-id']).toMatch(UUID);
    const long = await app.inject({ method: 'GET', url: '/dossiers/lookup', headers: { 'x-correlation-id': 'x'.repeat(65) } });
    expect(long.headers['x-correlation-id']).toMatch(UUID);
  });

  it('rejects unknown fields with a VALIDATION_FAILED problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: { ...identity('POST', '/dossiers'), 'x-correlation-id': 'corr-unknown' },
      payload: { title: 'x', fees: [{ amount: -1, currency: 'VND' }], isPaid: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-correlation-id']).toBe('corr-unknown');
    const body = res.json();
    expect(body).toMatchObject({
      type: 'https://hub.gov.vn/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      message: { vi: 'Yêu cầu có trường dữ liệu không hợp lệ.', en: 'The request contains invalid fields.' },
      correlationId: 'corr-unknown',
      instance: '/dossiers',
    });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'isPaid', code: 'UNKNOWN_FIELD', message: 'property isPaid should not exist' },
        { field: 'fees.0.currency', code: 'UNKNOWN_FIELD', message: 'property currency should not exist' },
        { field: 'fees.0.amount', code: 'MIN', message: 'amount must not be less than 0' },
      ]),
    );
  });

  it('answers malformed JSON with MALFORMED_JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: { ...identity('POST', '/dossiers'), 'content-type': 'application/json', 'x-correlation-id': 'corr-json' },
      payload: '{"title": "x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', status: 400, correlationId: 'corr-json', instance: '/dossiers' });
  });

  it('answers an empty JSON body with MALFORMED_JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: { ...identity('POST', '/dossiers'), 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', status: 400 });
  });

  it('answers an oversized body with 413 before parsing it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: identity('POST', '/dossiers'),
      payload: { title: 'x'.repeat(BODY_LIMIT), fees: [] },
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', title: 'Payload too large', correlationId: expect.stringMatching(UUID) });
  });

  it('answers an unsupported media type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: { ...identity('POST', '/dossiers'), 'content-type': 'application/xml' },
      payload: '<dossier/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  });

  it('answers an unknown route with ROUTE_NOT_FOUND', async () => {
    const res = await app.inject({ method: 'GET', url: '/nowhere?citizenId=001', headers: identity('GET', '/nowhere?citizenId=001') });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      type: 'https://hub.gov.vn/problems/route-not-found',
      message: { vi: 'Không tìm thấy đường dẫn', en: 'No route for GET /nowhere.' },
      instance: '/nowhere',
    });
  });

  it('keeps NOT_FOUND for a missing record and renders ProblemExceptions as they are', async () => {
    const gone = await app.inject({ method: 'GET', url: '/dossiers/gone', headers: identity('GET', '/dossiers/gone') });
    expect(gone.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Nothing here' });

    const missing = await app.inject({ method: 'GET', url: '/dossiers/missing', headers: identity('GET', '/dossiers/missing') });
    expect(missing.json()).toMatchObject({
      status: 404,
      code: 'DOSSIER_NOT_FOUND',
      title: 'Not found',
      detail: 'No dossier H26.99.',
      message: { vi: 'Không tìm thấy hồ sơ', en: 'No dossier H26.99.' },
    });
  });

  it('hides unexpected errors behind INTERNAL_ERROR and logs them with the stack', async () => {
    const res = await app.inject({ method: 'GET', url: '/dossiers/boom', headers: { ...identity('GET', '/dossiers/boom'), 'x-correlation-id': 'corr-boom' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: 'https://hub.gov.vn/problems/internal-error',
      title: 'Internal error',
      status: 500,
      code: 'INTERNAL_ERROR',
      message: { vi: 'Lỗi hệ thống', en: 'Internal error' },
      correlationId: 'corr-boom',
      instance: '/dossiers/boom',
    });
    expect(res.body).not.toMatch(/hunter2|stack|at /);
    const logged = logLines.find((line) => line.level === 'error' && line.correlationId === 'corr-boom');
    expect(logged).toMatchObject({ service: 'dossier', code: 'INTERNAL_ERROR', err: { stack: expect.stringContaining('DossierController.boom') } });
  });

  it('requires a valid identity unless the route is public', async () => {
    const missing = await app.inject({ method: 'POST', url: '/dossiers', payload: { title: 'x', fees: [] } });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'IDENTITY_MISSING' });

    const forged = await app.inject({
      method: 'POST',
      url: '/dossiers',
      headers: { 'x-hub-identity': signIdentity(portal, OTHER_KEY, { audience: 'dossier', method: 'POST', path: '/dossiers' }) },
      payload: { title: 'x', fees: [] },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(forged.json()).toMatchObject({ code: 'IDENTITY_INVALID' });

    const stale = await app.inject({
      method: 'GET',
      url: '/dossiers/audit',
      headers: { 'x-hub-identity': signIdentity(portal, KEY, { audience: 'dossier', method: 'GET', path: '/dossiers/audit' }, Date.now() - 120_000) },
    });
    expect(stale.json()).toMatchObject({ status: 401, code: 'IDENTITY_EXPIRED' });

    const open = await app.inject({ method: 'GET', url: '/dossiers/lookup' });
    expect(open.statusCode).toBe(200);
  });

  it('enforces @RequireRoles with a FORBIDDEN problem', async () => {
    const denied = await app.inject({ method: 'GET', url: '/dossiers/audit', headers: identity('GET', '/dossiers/audit') });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'FORBIDDEN', message: { vi: 'Không có quyền thực hiện' } });

    const auditor = await app.inject({ method: 'GET', url: '/dossiers/audit', headers: identity('GET', '/dossiers/audit', { ...portal, kind: 'operator', roles: ['audit:read'] }) });
    expect(auditor.statusCode).toBe(200);
    // The access policy: a role the caller's kind may not hold, or one the hub does not know, grants nothing.
    const portalAuditor = await app.inject({ method: 'GET', url: '/dossiers/audit', headers: identity('GET', '/dossiers/audit', { ...portal, roles: ['audit:read'] }) });
    expect(portalAuditor.statusCode).toBe(403);
    const unknownRole = await app.inject({ method: 'GET', url: '/dossiers/audit', headers: identity('GET', '/dossiers/audit', { ...portal, kind: 'operator', roles: ['auditor'] }) });
    expect(unknownRole.statusCode).toBe(403);
  });

  it('reports liveness and readiness without an identity', async () => {
    const live = await app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ service: 'dossier', status: 'up' });

    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual(
      expect.arrayContaining([
        { name: 'postgres', status: 'up' },
        { name: 'kafka', status: 'up' },
      ]),
    );
  });

  it('answers /health/ready with 503 listing the failed checks', async () => {
    readiness.kafkaDown = true;
    try {
      const res = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.json();
      expect(body).toMatchObject({ code: 'NOT_READY', status: 503, detail: 'Not ready: kafka.' });
      expect(body.checks).toEqual(expect.arrayContaining([{ name: 'kafka', status: 'down' }, { name: 'postgres', status: 'up' }]));
      expect(res.body).not.toContain('unreachable');
    } finally {
      readiness.kafkaDown = false;
    }
  });

  it('answers /health/ready with 200 and status degraded, with the reason, when a check says so', async () => {
    readiness.kafkaDegraded = true;
    try {
      const res = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'degraded' });
      expect(res.json().checks).toEqual(
        expect.arrayContaining([{ name: 'kafka', status: 'degraded', reason: 'broker unreachable: events wait in the outbox' }, { name: 'postgres', status: 'up' }]),
      );
    } finally {
      readiness.kafkaDegraded = false;
    }
  });

  it('exposes Prometheus metrics labelled by route template', async () => {
    await app.inject({ method: 'GET', url: '/dossiers/lookup' });
    await app.inject({ method: 'GET', url: '/random-404-path' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/http_request_duration_seconds_count\{service="dossier",method="GET",route="\/dossiers\/lookup",status="200"\}/);
    expect(res.body).toContain('route="unmatched"');
    expect(res.body).not.toContain('random-404-path');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('serves the OpenAPI document with the problem schema and API-key scheme, and the UI from local assets', async () => {
    const json = await app.inject({ method: 'GET', url: '/docs-json' });
    expect(json.statusCode).toBe(200);
    const document = json.json();
    expect(document.info).toMatchObject({ title: 'Dossier', version: '1' });
    expect(document.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    expect(document.components.schemas.Problem.required).toContain('correlationId');
    expect(document.paths['/dossiers'].post.responses.default.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
    expect(document.paths['/health/live']).toBeUndefined();

    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/unpkg|cdn/i);
    const asset = await app.inject({ method: 'GET', url: '/docs/swagger-ui-bundle.js' });
    expect(asset.statusCode).toBe(200);
  });

  it('writes an access log line per request, with its correlation id and without headers', async () => {
    await app.inject({ method: 'GET', url: '/dossiers/lookup', headers: { 'x-correlation-id': 'corr-access', ...identity('GET', '/dossiers/lookup') } });
    const line = logLines.find((l) => l.msg === 'Request completed' && l.correlationId === 'corr-access');
    expect(line).toMatchObject({ method: 'GET', route: '/dossiers/lookup', status: 200, service: 'dossier' });
    expect(JSON.stringify(logLines)).not.toContain(identity('GET', '/dossiers/lookup')['x-hub-identity'].split('.')[2]);
  });
});
