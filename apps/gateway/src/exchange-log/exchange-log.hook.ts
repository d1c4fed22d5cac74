import { Injectable, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, problem, requestContextOf, toProblemDocument } from '@hub/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sha256Hex } from './exchange-log-chain';
import { ExchangeLogAppender } from './exchange-log.appender';
import { RECEIPT_HEADER, ReceiptSigner } from './receipt-signer';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A refused request (4xx: invalid, unauthenticated, over the limit…) changed nothing, and a flood of them must not fill the log. */
const isRefusal = (status: number) => status >= 400 && status < 500;
/** Token requests change no state; they are not exchanges. */
const NOT_EXCHANGES = new Set(['/oauth/token']);

function bodyBytes(body: unknown): Buffer | string {
  if (Buffer.isBuffer(body) || typeof body === 'string') return body;
  return body === undefined || body === null ? '' : JSON.stringify(body);
}

/**
 * Every state-changing exchange of an identified client is appended to the hash-chained exchange log before
 * its answer leaves, and the answer carries the signed receipt. If the log cannot be written the answer is a
 * 503 problem: the hub never acknowledges what it did not record.
 */
@Injectable()
export class ExchangeLogHook {
  private readonly logger = new Logger(ExchangeLogHook.name);

  constructor(
    private readonly appender: ExchangeLogAppender,
    private readonly signer: ReceiptSigner,
  ) {}

  register(fastify: FastifyInstance): void {
    fastify.addHook('onSend', (request, reply, payload) => this.onSend(request, reply, payload));
  }

  private async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    if (!STATE_CHANGING.has(request.method) || isRefusal(reply.statusCode)) return payload;
    const path = request.url.split('?')[0];
    const context = requestContextOf(request);
    const identity = context?.identity;
    if (!identity || identity.kind === 'public' || NOT_EXCHANGES.has(path)) return payload;
    try {
      const entry = await this.appender.append({
        recordedAt: new Date(),
        clientId: identity.clientId,
        method: request.method,
        path,
        agencyCodes: identity.agencyCodes,
        status: reply.statusCode,
        requestHash: sha256Hex(bodyBytes(request.body)),
        responseHash: sha256Hex(bodyBytes(payload)),
        correlationId: context.correlationId,
      });
      void reply.header(RECEIPT_HEADER, this.signer.receiptFor(entry));
      return payload;
    } catch (error) {
      this.logger.error({ msg: 'Exchange log append failed: answering 503', correlationId: context.correlationId, err: error });
      const unavailable = problem(503, 'EXCHANGE_LOG_UNAVAILABLE', {
        title: 'The exchange could not be recorded',
        titleVi: 'Không ghi được nhật ký trao đổi',
        detail: 'The request may have been processed; retry with the same Idempotency-Key to get its answer and a receipt.',
      });
      void reply.code(503).header('content-type', PROBLEM_CONTENT_TYPE).removeHeader(RECEIPT_HEADER);
      return JSON.stringify(toProblemDocument(unavailable, { correlationId: context.correlationId, instance: path }));
    }
  }
}
