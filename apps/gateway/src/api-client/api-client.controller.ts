import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Public, RequireRoles } from '@hub/platform';
import { ApiKeyGuard } from './api-key.guard';
import { RegisterApiClientCommand, RegisteredApiClientDto } from './usecases/register-api-client/register-api-client.command';
import { RegisterApiClientUseCase } from './usecases/register-api-client/register-api-client.usecase';

@ApiTags('admin')
@ApiSecurity('api-key')
@Public()
@UseGuards(ApiKeyGuard)
@Controller('v1/admin/api-clients')
export class ApiClientController {
  constructor(private readonly registerApiClient: RegisterApiClientUseCase) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('hub:admin')
  @ApiOperation({ summary: 'Register a system that may call the hub; its API key is returned once' })
  @ApiCreatedResponse({ type: RegisteredApiClientDto })
  register(@Body() command: RegisterApiClientCommand): Promise<RegisteredApiClientDto> {
    return this.registerApiClient.execute(command);
  }
}
