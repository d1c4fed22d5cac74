import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequestContextParam, type RequestContext } from '@hub/platform';
import type { CompatAnswer } from './mapping/compat-answer';
import { CompatCallUseCase } from './usecases/compat-call.usecase';
import { CompatLoginUseCase } from './usecases/compat-login.usecase';

const answerOf = (example: object) => ({
  schema: { type: 'object', properties: { error_code: { type: 'integer' }, message: { type: 'string' }, result: {}, session: { type: 'string' } }, example },
});
const LOGIN_ANSWER = answerOf({ error_code: 0, message: 'Đăng nhập thành công', session: 'dvcqg.v1.hanoi-one-stop.4f1c…' });
const CALL_ANSWER = answerOf({
  error_code: 0,
  message: 'Đồng bộ hồ sơ thành công',
  result: [{ MaHoSo: '000.00.15.H31-260112-0001', error_code: 0, message: 'Thành công', KetQua: 'created', TrangThaiHoSo: '2' }],
});
/** A DongBoHoSoMC call as the open-source one-stop systems send it (every value a string; abridged). */
const CALL_EXAMPLE = {
  session: 'dvcqg.v1.hanoi-one-stop.4f1c…',
  madonvi: '000.00.00.H31',
  service: 'DongBoHoSoMC',
  data: [
    {
      MaHoSo: '000.00.15.H31-260112-0001',
      MaTTHC: '1.001234',
      ChuHoSo: 'Nguyễn Văn An',
      SoGiayToChuHoSo: '001086001234',
      TrichYeuHoSo: 'Cấp giấy phép xây dựng nhà ở',
      NgayTiepNhan: '20260112093000',
      NgayHenTra: '20260202170000',
      TrangThaiHoSo: '2',
      KenhThucHien: '1',
    },
  ],
};

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
  @ApiBody({ schema: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } }, example: { username: 'hanoi-one-stop', password: 'hub_1a2b3c4d_…' } } })
  @ApiOkResponse(LOGIN_ANSWER)
  async logIn(@Body() body: unknown): Promise<CompatAnswer> {
    return this.login.execute(body);
  }

  @Post('integration')
  @HttpCode(200)
  @ApiOperation({ operationId: 'compatIntegration', summary: 'Compatibility endpoint: {session, madonvi, service, …} (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo, LayThuTuc, …)' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: CALL_EXAMPLE } })
  @ApiOkResponse(CALL_ANSWER)
  async integration(@Body() body: unknown, @RequestContextParam() context: RequestContext): Promise<CompatAnswer> {
    return this.call.execute(body, context);
  }

  @Post('share')
  @HttpCode(200)
  @ApiOperation({ operationId: 'compatShare', summary: 'Compatibility endpoint: the same handler as /dvcqg/integration' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: CALL_EXAMPLE } })
  @ApiOkResponse(CALL_ANSWER)
  async share(@Body() body: unknown, @RequestContextParam() context: RequestContext): Promise<CompatAnswer> {
    return this.call.execute(body, context);
  }
}
