import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CORRELATION_ID_HEADER, requestContextFor } from '../context/request-context';
import { bodyTooLargeProblem } from '../http/body-problems';
import { AppError, type ErrorMaps, type HttpErrorMapping } from './app-error';
import { collectErrorMaps } from './app-errors.module';
import { PROBLEM_CONTENT_TYPE, toProblemDocument } from './problem-document';
import { ProblemException } from './problem.exception';
import { codeForStatus, internalError, problem } from './problems';
import { rawRequestErrorOf } from './raw-request-error';

/**
 * Renders every error as application/problem+json; only ProblemExceptions, AppErrors whose code a feature mapped
 * (`AppErrorsModule.forFeature`) and 4xx details reach the client. An AppError with an unmapped code is a 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter, OnApplicationBootstrap {
  private readonly logger = new Logger(ProblemDetailsFilter.name);
  private maps?: ErrorMaps['http'];

  constructor(private readonly discovery: DiscoveryService) {}

  /** Collected at start-up so two features mapping one code differently stop the application. */
  onApplicationBootstrap(): void {
    this.maps = collectErrorMaps(this.discovery).http;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const context = requestContextFor(request);
    this.maps ??= collectErrorMaps(this.discovery).http;
    const problem = exception instanceof AppError ? appErrorProblem(exception, this.maps.get(exception.code)) : toProblem(exception, request);
    const path = request.url.split('?')[0];

    this.log(exception, problem, { code: problem.code, status: problem.status, method: request.method, path, correlationId: context.correlationId });
    if (reply.sent) return;

    const document = toProblemDocument(problem, { correlationId: context.correlationId, instance: path });
    void reply
      .headers(problem.headers ?? {})
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header(CORRELATION_ID_HEADER, context.correlationId)
      .send(JSON.stringify(document));
  }

  /** A refusal at debug, a failure raised on purpose as a warning, anything else (a bug) as an error with its stack. */
  private log(exception: unknown, problem: ProblemException, fields: Record<string, unknown>): void {
    if (problem.status < 500) {
      this.logger.debug({ msg: 'Request rejected', ...fields });
    } else if (exception instanceof ProblemException || (exception instanceof AppError && problem.code === exception.code)) {
      // Raised on purpose (dependency down, not ready): worth a warning, not a stack-trace alarm.
      this.logger.warn({ msg: 'Request failed', ...fields, detail: problem.detail, ...causeOf(exception) });
    } else {
      const unmapped = exception instanceof AppError ? { unmappedCode: exception.code } : {};
      this.logger.error({ msg: 'Request failed', err: exception, ...fields, ...unmapped });
    }
  }
}

/**
 * What a failure raised on purpose wraps (a socket reset, a refused connection, a timeout), for the log line only: the
 * answer never shows it. Its code (`ECONNRESET`, `UND_ERR_SOCKET`...) and message, capped.
 */
function causeOf(exception: unknown): { cause?: string } {
  const cause = (exception as { cause?: unknown } | null)?.cause;
  if (!(cause instanceof Error)) return {};
  const code = (cause as { code?: unknown }).code;
  return { cause: `${typeof code === 'string' ? `${code}: ` : ''}${cause.message}`.slice(0, 300) };
}

/** An AppError through its feature's mapping; without one it is a bug, hidden behind INTERNAL_ERROR and logged. */
function appErrorProblem(error: AppError, mapping: HttpErrorMapping | undefined): ProblemException {
  if (!mapping) return internalError({ cause: error });
  const fromParams = Object.fromEntries((mapping.extensions ?? []).filter((name) => error.params?.[name] !== undefined).map((name) => [name, error.params?.[name]]));
  const extensions = { ...mapping.fixedExtensions, ...fromParams };
  return new ProblemException(
    {
      status: mapping.status,
      code: error.code,
      title: mapping.title,
      titleVi: mapping.titleVi,
      // An empty message renders no detail: the title says it all.
      detail: error.message || undefined,
      detailVi: error.messageVi,
      errors: error.fields,
      extensions: Object.keys(extensions).length > 0 ? extensions : undefined,
      headers: mapping.headers && mappedHeaders(mapping.headers, error.params),
    },
    { cause: error },
  );
}

function mappedHeaders(headers: NonNullable<HttpErrorMapping['headers']>, params: AppError['params']): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const resolved = typeof value === 'string' ? value : params?.[value.param];
    if (resolved !== undefined && resolved !== null) rendered[name] = String(resolved);
  }
  return rendered;
}

function toProblem(exception: unknown, request: FastifyRequest): ProblemException {
  if (exception instanceof ProblemException) return exception;
  const raw = rawRequestErrorOf(request);
  // Raised on purpose by a body parser or a hook (JSON budget, 405, 414): Nest wrapped it on the way.
  if (raw instanceof ProblemException) return raw;
  const fromFastify = raw && fastifyProblem(raw, request);
  if (fromFastify) return fromFastify;
  if (exception instanceof HttpException) return httpProblem(exception, request);
  return internalError({ cause: exception });
}

function fastifyProblem(error: Error & { code?: string; statusCode?: number }, request: FastifyRequest): ProblemException | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLargeProblem(request.routeOptions.bodyLimit, error);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'MALFORMED_JSON', { detail: error.message, cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', { detail: error.message, cause: error });
  }
  if (error instanceof SyntaxError) return problem(400, 'MALFORMED_JSON', { detail: error.message, cause: error });
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, codeForStatus(status), { detail: error.message, cause: error });
  }
  return undefined;
}

function httpProblem(exception: HttpException, request: FastifyRequest): ProblemException {
  const status = exception.getStatus();
  // Fastify leaves routeOptions.url unset when no route matched, which tells "no such route" from "no such record".
  if (status === 404 && request.routeOptions.url === undefined) {
    return problem(404, 'ROUTE_NOT_FOUND', {
      detail: `No route for ${request.method} ${request.url.split('?')[0]}.`,
      cause: exception,
    });
  }
  // 5xx details may describe internals; only the status is passed on.
  const detail = status < 500 ? httpExceptionDetail(exception) : undefined;
  return problem(status, codeForStatus(status), { detail, cause: exception });
}

function httpExceptionDetail(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}
