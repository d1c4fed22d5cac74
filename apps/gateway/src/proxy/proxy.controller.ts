import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, requestContextFor } from '@hub/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROXY_PATH } from './upstream-routes';
import { ForwardRequestUseCase } from './usecases/forward-request/forward-request.usecase';

/** Everything under /v1 that the gateway does not serve itself goes to the owning service. */
@Public()
@ApiExcludeController()
@Controller()
export class ProxyController {
  constructor(private readonly forwardRequest: ForwardRequestUseCase) {}

  @All(PROXY_PATH)
  async forward(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = Buffer.isBuffer(req.body) ? req.body : undefined;
    const res = await this.forwardRequest.execute({ method: req.method, url: req.url, headers: req.headers, body, clientIp: req.ip, context: requestContextFor(req) });
    await reply.status(res.status).headers(res.headers).send(res.body);
  }
}
