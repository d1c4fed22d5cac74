import { generateIdentityKeys } from '../identity/identity-keys';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { createServiceApp } from '../bootstrap/create-service-app';
import { BaseServiceConfig } from '../config/base-service.config';
import { Public } from '../identity/identity.decorators';
import { createLogger } from '../logging/create-logger';
import { AppError, consumerDispositionOf, type ConsumerErrorMap, type HttpErrorMap } from './app-error';
import { AppErrorsModule, ErrorMapRegistration, mergeErrorMaps } from './app-errors.module';

type ParcelErrorCode = 'PARCEL_NOT_FOUND' | 'PARCEL_TOO_HEAVY' | 'PARCEL_DEPOT_BUSY';

const parcelHttpErrors: HttpErrorMap<ParcelErrorCode> = {
  PARCEL_NOT_FOUND: { status: 404, title: 'Parcel not found', titleVi: 'Không tìm thấy bưu phẩm' },
  PARCEL_TOO_HEAVY: { status: 413, title: 'Parcel too heavy', titleVi: 'Bưu phẩm quá nặng', extensions: ['limitKg'] },
  PARCEL_DEPOT_BUSY: {
    status: 503,
    title: 'Depot busy',
    titleVi: 'Kho đang bận',
    fixedExtensions: { error: 'depot_busy' },
    extensions: ['depot'],
    headers: { 'x-depot-policy': 'one-at-a-time', 'retry-after': { param: 'retryAfterSeconds' }, 'x-depot-queue': { param: 'queue' } },
  },
};
const parcelConsumerErrors: ConsumerErrorMap<ParcelErrorCode> = { PARCEL_NOT_FOUND: 'dead-letter', PARCEL_TOO_HEAVY: 'retry', PARCEL_DEPOT_BUSY: 'retry' };

@Public()
@Controller('parcels')
class ParcelController {
  @Get('missing')
  missing(): never {
    throw new AppError<ParcelErrorCode>('PARCEL_NOT_FOUND', 'No parcel P-1', { messageVi: 'Không có bưu phẩm P-1' });
  }

  @Get('heavy')
  heavy(): never {
    throw new AppError<ParcelErrorCode>('PARCEL_TOO_HEAVY', 'The parcel weighs 31 kg', {
      fields: [{ field: 'weightKg', code: 'PARCEL_TOO_HEAVY', message: 'at most 30' }],
      params: { limitKg: 30, ownerNote: 'not for clients' },
    });
  }

  @Get('busy')
  busy(): never {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7'), { code: 'ECONNREFUSED' });
    throw new AppError<ParcelErrorCode>('PARCEL_DEPOT_BUSY', '', { params: { retryAfterSeconds: 7, depot: 'D-2' }, cause: refused });
  }

  @Get('unmapped')
  unmapped(): never {
    throw new AppError('PARCEL_LOST_IN_SPACE', 'Nobody mapped this code');
  }
}

@Module({
  imports: [AppErrorsModule.forFeature({ name: 'parcel', http: parcelHttpErrors, consumer: parcelConsumerErrors })],
  controllers: [ParcelController],
})
class ParcelModule {}

const config = Object.assign(new BaseServiceConfig(), {
  PORT: 0,
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
});

describe('AppError over HTTP', () => {
  let app: NestFastifyApplication;
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()));
      done();
    },
  });

  beforeAll(async () => {
    app = await createServiceApp(ParcelModule, { service: 'parcels', config, logger: createLogger('parcels', 'info', sink) });
    await app.init();
  });
  afterAll(() => app.close());

  it('renders a mapped code with its status and titles, the message as detail, and the Vietnamese message', async () => {
    const res = await app.inject({ method: 'GET', url: '/parcels/missing', headers: { 'x-correlation-id': 'c-1' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: 'https://hub.gov.vn/problems/parcel-not-found',
      title: 'Parcel not found',
      status: 404,
      code: 'PARCEL_NOT_FOUND',
      detail: 'No parcel P-1',
      message: { vi: 'Không có bưu phẩm P-1', en: 'No parcel P-1' },
      correlationId: 'c-1',
      instance: '/parcels/missing',
    });
  });

  it('renders the fields as errors and only the params the mapping names as extensions', async () => {
    const body = (await app.inject({ method: 'GET', url: '/parcels/heavy' })).json();
    expect(body).toMatchObject({
      status: 413,
      code: 'PARCEL_TOO_HEAVY',
      limitKg: 30,
      message: { vi: 'Bưu phẩm quá nặng', en: 'The parcel weighs 31 kg' },
      errors: [{ field: 'weightKg', code: 'PARCEL_TOO_HEAVY', message: 'at most 30' }],
    });
    expect(body).not.toHaveProperty('ownerNote');
  });

  it('sends the fixed headers and those whose param is set, the fixed extensions, and no detail for an empty message', async () => {
    const res = await app.inject({ method: 'GET', url: '/parcels/busy', headers: { 'x-correlation-id': 'c-busy' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers).toMatchObject({ 'x-depot-policy': 'one-at-a-time', 'retry-after': '7' });
    expect(res.headers).not.toHaveProperty('x-depot-queue');
    const body = res.json();
    expect(body).toMatchObject({ code: 'PARCEL_DEPOT_BUSY', error: 'depot_busy', depot: 'D-2', message: { vi: 'Kho đang bận', en: 'Depot busy' } });
    expect(body).not.toHaveProperty('detail');
    // What it wraps is logged with the failure, and never answered.
    expect(logLines).toContainEqual(expect.objectContaining({ level: 'warn', correlationId: 'c-busy', code: 'PARCEL_DEPOT_BUSY', cause: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:7' }));
    expect(res.body).not.toContain('ECONNREFUSED');
  });

  it('answers an unmapped code with a bare 500 and logs it as an error', async () => {
    const res = await app.inject({ method: 'GET', url: '/parcels/unmapped' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(res.json())).not.toContain('Nobody mapped');
    expect(logLines).toContainEqual(expect.objectContaining({ level: 'error', unmappedCode: 'PARCEL_LOST_IN_SPACE' }));
  });
});

describe('error maps', () => {
  it('merges features, accepts one code mapped identically twice, and refuses two different mappings', () => {
    const shared = { VALIDATION_FAILED: { status: 400, title: 'Validation failed', titleVi: 'Dữ liệu không hợp lệ' } };
    const maps = mergeErrorMaps([
      new ErrorMapRegistration('parcel', { ...parcelHttpErrors, ...shared }, parcelConsumerErrors),
      new ErrorMapRegistration('letter', shared),
    ]);
    expect([...maps.http.keys()]).toEqual(['PARCEL_NOT_FOUND', 'PARCEL_TOO_HEAVY', 'PARCEL_DEPOT_BUSY', 'VALIDATION_FAILED']);
    expect(() =>
      mergeErrorMaps([
        new ErrorMapRegistration('parcel', parcelHttpErrors),
        new ErrorMapRegistration('letter', { PARCEL_NOT_FOUND: { status: 410, title: 'Gone', titleVi: 'Gone' } }),
      ]),
    ).toThrow('PARCEL_NOT_FOUND is mapped differently by parcel and letter');
    expect(() =>
      mergeErrorMaps([new ErrorMapRegistration('a', {}, { X: 'retry' }), new ErrorMapRegistration('b', {}, { X: 'dead-letter' })]),
    ).toThrow('X is classified both retry and dead-letter');
  });

  it('classifies for consumers: only a mapped dead-letter AppError skips the retries', () => {
    const { consumer } = mergeErrorMaps([new ErrorMapRegistration('parcel', {}, parcelConsumerErrors)]);
    expect(consumerDispositionOf(new AppError('PARCEL_NOT_FOUND', 'x'), consumer)).toBe('dead-letter');
    expect(consumerDispositionOf(new AppError('PARCEL_TOO_HEAVY', 'x'), consumer)).toBe('retry');
    expect(consumerDispositionOf(new AppError('UNKNOWN_CODE', 'x'), consumer)).toBe('retry');
    expect(consumerDispositionOf(new Error('PARCEL_NOT_FOUND'), consumer)).toBe('retry');
  });

  it('does not compile a map that misses a code of its union', () => {
    // @ts-expect-error PARCEL_TOO_HEAVY is not mapped
    const incomplete: HttpErrorMap<ParcelErrorCode> = { PARCEL_NOT_FOUND: parcelHttpErrors.PARCEL_NOT_FOUND, PARCEL_DEPOT_BUSY: parcelHttpErrors.PARCEL_DEPOT_BUSY };
    expect(incomplete).toBeDefined();
  });
});
