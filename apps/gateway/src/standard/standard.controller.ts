import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@hub/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GetStandardDocumentUseCase } from './usecases/get-standard-document/get-standard-document.usecase';

const PREFIX = '/standard/';
/** Public and cacheable: documents change only with a deployment, and the ETag tells a cache when. */
const CACHE_CONTROL = 'public, max-age=300';

/** The published data-packet standard: `/standard/asyncapi.json`, `/standard/index.json`, `/standard/schemas/...`. */
@Public()
@ApiExcludeController()
@Controller('standard')
export class StandardController {
  constructor(private readonly getDocument: GetStandardDocumentUseCase) {}

  @Get(['asyncapi.json', 'index.json', 'schemas/*'])
  async document(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = decodePath(req.url.split('?')[0].slice(PREFIX.length));
    const answer = this.getDocument.execute({ path, ifNoneMatch: req.headers['if-none-match'] });
    void reply.header('cache-control', CACHE_CONTROL).header('etag', answer.file.etag);
    if (answer.notModified) return reply.status(304).send();
    await reply.status(200).header('content-type', `${answer.file.contentType}; charset=utf-8`).send(answer.file.body);
  }
}

/** A malformed escape cannot name a document: it becomes a path that is not found. */
function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
