import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { correlationIdOf } from '../bootstrap/request-hooks';
import { CORRELATION_ID_HEADER, newCorrelationId } from '../context/request-context';
import { PROBLEM_CONTENT_TYPE, toProblemDocument } from '../errors/problem-document';
import type { ProblemException } from '../errors/problem.exception';
import { codeForStatus, problem } from '../errors/problems';

interface ServerError extends Error {
  code?: string;
  statusCode?: number;
}

/**
 * Errors raised before a request reaches the application (Node's HTTP parser, Fastify's router), mapped to the
 * hub's codes. Node's parser codes are `HPE_*`; Fastify's router errors are `FST_ERR_*`.
 */
export function serverErrorProblem(error: ServerError): ProblemException {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'REQUEST_TIMEOUT', { detail: 'The request was not received in time.' });
    case 'HPE_HEADER_OVERFLOW':
      return problem(431, 'HEADERS_TOO_LARGE', { detail: 'The request line and headers exceed the size limit.' });
    case 'FST_ERR_BAD_URL':
      return problem(400, 'MALFORMED_URL', { detail: 'The URL has an invalid percent-encoding.' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'URI_TOO_LONG', { detail: 'A path segment exceeds the length limit.' });
  }
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return problem(status, codeForStatus(status));
  return problem(400, 'MALFORMED_REQUEST', { detail: 'The request is not valid HTTP.' });
}

/** `frameworkErrors` of Fastify: router errors, answered before any hook ran. */
export function frameworkErrorHandler(error: ServerError, request: FastifyRequest, reply: FastifyReply): void {
  const correlationId = correlationIdOf(request.headers);
  const body = renderProblem(serverErrorProblem(error), correlationId, request.url.split('?')[0]);
  void reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header(CORRELATION_ID_HEADER, correlationId)
    .send(body.text);
}

/**
 * `clientErrorHandler` of Fastify (Node's `clientError`): the request could not even be parsed, so the answer is
 * written on the socket, which is then closed, as Node itself does.
 */
export function createClientErrorHandler(logger: Logger): (error: ServerError, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const correlationId = newCorrelationId();
    const body = renderProblem(serverErrorProblem(error), correlationId, '/');
    logger.debug({ msg: 'Client error', code: body.code, status: body.status, correlationId, err: error });
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? ''}\r\n` +
          `content-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
          `content-length: ${Buffer.byteLength(body.text)}\r\n` +
          `${CORRELATION_ID_HEADER}: ${correlationId}\r\n` +
          'connection: close\r\n\r\n' +
          body.text,
      );
    }
    socket.destroy(error);
  };
}

function renderProblem(problem: ProblemException, correlationId: string, instance: string) {
  const text = JSON.stringify(toProblemDocument(problem, { correlationId, instance }));
  return { status: problem.status, code: problem.code, text };
}
