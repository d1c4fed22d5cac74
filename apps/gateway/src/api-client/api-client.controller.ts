import { Body, Controller, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Caller, PatternPipe, Public, RequireRoles, type CallerIdentity } from '@hub/platform';
import { API_CLIENT_ID_EXAMPLE, API_CLIENT_ID_PATTERN } from './api-client-id';
import { ApiClientView } from './api-client.view';
import { ApiKeyGuard } from './api-key.guard';
import { RegisterApiClientCommand, RegisteredApiClientDto } from './usecases/register-api-client/register-api-client.command';
import { RegisterApiClientUseCase } from './usecases/register-api-client/register-api-client.usecase';
import { RotatedApiKeyView } from './usecases/rotate-api-key/rotate-api-key.command';
import { RotateApiKeyUseCase } from './usecases/rotate-api-key/rotate-api-key.usecase';
import { UpdateApiClientBody } from './usecases/update-api-client/update-api-client.command';
import { UpdateApiClientUseCase } from './usecases/update-api-client/update-api-client.usecase';

const clientIdPipe = new PatternPipe(API_CLIENT_ID_PATTERN, 'clientId', API_CLIENT_ID_EXAMPLE);

@ApiTags('admin')
@ApiSecurity('api-key')
@Public()
@UseGuards(ApiKeyGuard)
@RequireRoles('hub:admin')
@Controller('v1/admin/api-clients')
export class ApiClientController {
  constructor(
    private readonly registerApiClient: RegisterApiClientUseCase,
    private readonly updateApiClient: UpdateApiClientUseCase,
    private readonly rotateApiKey: RotateApiKeyUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a system that may call the hub; its API key is returned once' })
  @ApiCreatedResponse({ type: RegisteredApiClientDto })
  register(@Body() command: RegisterApiClientCommand): Promise<RegisteredApiClientDto> {
    return this.registerApiClient.execute(command);
  }

  @Patch(':clientId')
  @ApiOperation({ summary: "Change a client's name, agencies or roles; effective from its next request (404 API_CLIENT_NOT_FOUND)" })
  @ApiOkResponse({ type: ApiClientView })
  update(@Param('clientId', clientIdPipe) clientId: string, @Body() changes: UpdateApiClientBody, @Caller() caller: CallerIdentity): Promise<ApiClientView> {
    return this.updateApiClient.execute({ clientId, changes, caller });
  }

  // /v1/admin/api-clients/{clientId}:rotate-key. `::` is Fastify's escaped colon; the parameter needs an explicit
  // pattern, or Fastify would take `clientId:rotate` as its name (the pipe then checks the id's format).
  @Post(':clientId(^[^/:]+)::rotate-key')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a new API key for a client (returned once); the previous key stops working at once' })
  @ApiOkResponse({ type: RotatedApiKeyView })
  rotateKey(@Param('clientId', clientIdPipe) clientId: string, @Caller() caller: CallerIdentity): Promise<RotatedApiKeyView> {
    return this.rotateApiKey.execute({ clientId, caller });
  }
}
