import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PatternPipe, Public, Trace, type EventTrace } from '@hub/platform';
import type { FastifyReply } from 'fastify';
import { HandleCallbackUseCase } from './usecases/handle-callback/handle-callback.usecase';
import { PathExamples } from '../shared/path-examples';

/**
 * The providers' result callbacks: public (no API key), authenticated only by the message checksum, answered in
 * the provider's own vocabulary. Unknown fields are tolerated.
 */
@ApiTags('payment-callbacks')
@Controller('v1/payment-callbacks')
export class CallbackController {
  constructor(private readonly handleCallback: HandleCallbackUseCase) {}

  @Post(':provider')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "A payment provider's result callback (national payment platform format for `sandbox`)" })
  @PathExamples.provider()
  async receive(
    @Param('provider', new PatternPipe((v) => /^[a-z][a-z0-9-]{1,30}$/.test(v), 'provider', 'sandbox')) provider: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Trace() trace: EventTrace,
  ): Promise<object> {
    const answer = await this.handleCallback.execute({ provider, body, trace });
    reply.status(answer.status);
    return answer.body;
  }
}
