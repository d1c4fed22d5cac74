import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@hub/platform';
import type { CompatAnswer } from './mapping/compat-answer';
import { CompatCallUseCase } from './usecases/compat-call.usecase';
import { CompatLoginUseCase } from './usecases/compat-login.usecase';

const ANSWER = { schema: { type: 'object', properties: { error_code: { type: 'integer' }, message: { type: 'string' }, result: {}, session: { type: 'string' } } } };

/**
 * The national portal's integration interface for existing agency systems (`/dvcqg/...`), in its own vocabulary:
 * always HTTP 200, `error_code` 0 or a non-zero code with a Vietnamese message. Authenticated by its session, not
 * by a header. See README "Compatibility endpoint".
 */
@ApiTags('compat')
@Public()
@Controller('dvcqg')
export class CompatController {
  constructor(
    private readonly login: CompatLoginUseCase,
    private readonly call: CompatCallUseCase,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ operationId: 'compatLogin', summary: 'Compatibility endpoint: log in with {username: client id, password: API key} → session' })
  @ApiBody({ schema: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } } } })
  @ApiOkResponse(ANSWER)
  async logIn(@Body() body: unknown): Promise<CompatAnswer> {
    return this.login.execute(body);
  }

  @Post('integration')
  @HttpCode(200)
  @ApiOperation({ operationId: 'compatIntegration', summary: 'Compatibility endpoint: {session, madonvi, service, …} (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo, LayThuTuc, …)' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse(ANSWER)
  async integration(@Body() body: unknown): Promise<CompatAnswer> {
    return this.call.execute(body);
  }

  @Post('share')
  @HttpCode(200)
  @ApiOperation({ operationId: 'compatShare', summary: 'Compatibility endpoint: the same handler as /dvcqg/integration' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse(ANSWER)
  async share(@Body() body: unknown): Promise<CompatAnswer> {
    return this.call.execute(body);
  }
}
