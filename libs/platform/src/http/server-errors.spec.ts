import { generateIdentityKeys } from '../identity/identity-keys';
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString } from 'class-validator';
import { connect } from 'node:net';
import { BaseServiceConfig } from '../config/base-service.config';
import { Public } from '../identity/identity.decorators';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from '../bootstrap/create-service-app';
import { serverErrorProblem } from './server-errors';

const config = Object.assign(new BaseServiceConfig(), {
  PORT: 0,
  DATABASE_URL: 'postgres://hub@127.0.0.1:5432/test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  IDENTITY_PUBLIC_KEYS: generateIdentityKeys('gw1').publicKeys,
  JSON_MAX_DEPTH: 8,
  JSON_MAX_ITEMS: 100,
  JSON_MAX_STRING_BYTES: 1000,
  MAX_URL_BYTES: 1024,
});

class NoteDto {
  @IsString()
  text: string;
}

@Public()
@Controller('notes')
class NoteController {
  @Post()
  create(@Body() note: NoteDto) {
    return note;
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return { id };
  }
}

@Module({ controllers: [NoteController] })
class NoteModule {}

/** Sends raw bytes and reads the whole answer (the server closes the socket after an error of the client). */
function rawRequest(port: number, bytes: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = received.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('hostile requests to a service', () => {
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    app = await createServiceApp(NoteModule, { service: 'notes', config, logger: createLogger('notes', 'silent') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as { port: number }).port;
  });

  afterAll(() => app.close());

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/notes', headers: { 'content-type': contentType, 'x-correlation-id': 'c-1' }, payload });

  it('refuses a body over the JSON budget before validation, naming the limit', async () => {
    const deep = await post('{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
    expect(deep.statusCode).toBe(400);
    expect(deep.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(deep.json()).toMatchObject({ code: 'JSON_TOO_DEEP', limit: 8, limitName: 'JSON_MAX_DEPTH', correlationId: 'c-1', instance: '/notes' });
    expect((await post(JSON.stringify({ text: 'x', list: Array(200).fill(1) }))).json()).toMatchObject({ status: 400, code: 'JSON_TOO_MANY_ITEMS', limit: 100 });
    expect((await post(JSON.stringify({ text: 'x'.repeat(2000) }))).json()).toMatchObject({ status: 413, code: 'JSON_STRING_TOO_LONG', limit: 1000, actual: 2000 });
    expect((await post(JSON.stringify({ text: 'within budget' }))).json()).toEqual({ text: 'within budget' });
  });

  it('keeps protection against prototype poisoning', async () => {
    const res = await post('{"text":"x","__proto__":{"admin":true}}');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x'])('answers %s with 415', async (type) => {
    const res = await post('text=hello', type);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', correlationId: 'c-1' });
  });

  it("takes request line and headers up to MAX_HEADER_BYTES (a service's 24 KiB: the gateway's 16 plus the identity it adds)", async () => {
    expect(config.MAX_HEADER_BYTES).toBe(24 * 1024);
    const res = await rawRequest(port, `GET /notes/1 HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ id: '1' });
    const over = await rawRequest(port, `GET /notes/1 HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(25 * 1024)}\r\n\r\n`);
    expect(over.status).toBe(431);
  });

  it('answers a header over the limit with a 431 problem and a correlation id', async () => {
    const res = await rawRequest(port, `GET /notes/1 HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.headers['x-correlation-id']).toBeTruthy();
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', correlationId: res.headers['x-correlation-id'] });
  });

  it('answers a request that is not HTTP with a 400 problem', async () => {
    const res = await rawRequest(port, 'GARBAGE\x00 / HTTP/9\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'MALFORMED_REQUEST' });
  });

  it('answers router errors, unknown routes, wrong methods and long URLs with problems', async () => {
    const badUrl = await app.inject({ method: 'GET', url: '/notes/%E0%A4%A', headers: { 'x-correlation-id': 'c-2' } });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toMatchObject({ code: 'MALFORMED_URL', correlationId: 'c-2' });

    const longParam = await app.inject({ method: 'GET', url: `/notes/${'x'.repeat(200)}` });
    expect(longParam.statusCode).toBe(414);
    expect(longParam.json()).toMatchObject({ code: 'URI_TOO_LONG' });

    const longUrl = await app.inject({ method: 'GET', url: `/notes/1?q=${'x'.repeat(2000)}` });
    expect(longUrl.statusCode).toBe(414);
    expect(longUrl.json()).toMatchObject({ code: 'URI_TOO_LONG', limit: 1024 });

    const wrongMethod = await app.inject({ method: 'DELETE', url: '/notes/1' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, HEAD');
    expect(wrongMethod.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrongMethod.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });

    const unknown = await app.inject({ method: 'GET', url: '/nothing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('maps what Node and Fastify raise before the application to stable codes', () => {
    const of = (code: string, statusCode?: number) => serverErrorProblem(Object.assign(new Error(code), { code, statusCode }));
    expect(of('ERR_HTTP_REQUEST_TIMEOUT')).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
    expect(of('HPE_HEADER_OVERFLOW')).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    expect(of('HPE_INVALID_METHOD')).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
    expect(of('FST_ERR_MAX_PARAM_LENGTH', 414)).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    expect(of('SOMETHING_ELSE', 413)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(of('SOMETHING_ELSE', 503)).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' });
  });

  it('keeps answering afterwards', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/notes/1`);
    expect(await res.json()).toEqual({ id: '1' });
  });
});
