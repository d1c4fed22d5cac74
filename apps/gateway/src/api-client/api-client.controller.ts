import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, PatternPipe, Public, RequireRoles, Trace, type CallerIdentity, type EventTrace } from '@hub/platform';
import { CallerGuard } from '../caller/caller.guard';
import { CallerSecurity } from '../caller/caller-security';
import { ApiProblems } from '../openapi/problem-responses';
import { AdminAudit, AdminAuditEntryView, AdminAuditQuery } from './admin-audit';
import { API_CLIENT_ID_EXAMPLE, API_CLIENT_ID_PATTERN } from './api-client-id';
import { ApiClientView } from './api-client.view';
import { ApiClientPage, ListApiClientsQuery, ListApiClientsUseCase } from './usecases/list-api-clients/list-api-clients.usecase';
import { RegisterApiClientCommand, RegisteredApiClientDto } from './usecases/register-api-client/register-api-client.command';
import { RegisterApiClientUseCase } from './usecases/register-api-client/register-api-client.usecase';
import { RotateApiKeyBody, RotatedApiKeyView } from './usecases/rotate-api-key/rotate-api-key.command';
import { RotateApiKeyUseCase } from './usecases/rotate-api-key/rotate-api-key.usecase';
import { UpdateApiClientBody } from './usecases/update-api-client/update-api-client.command';
import { UpdateApiClientUseCase } from './usecases/update-api-client/update-api-client.usecase';

const clientIdPipe = new PatternPipe(API_CLIENT_ID_PATTERN, 'clientId', API_CLIENT_ID_EXAMPLE);
const ClientIdParam = () => ApiParam({ name: 'clientId', description: 'The client id', example: API_CLIENT_ID_EXAMPLE });
const POLICY_PROBLEMS = 'ACCESS_POLICY_VIOLATION (roles or agencies its kind may not hold, expiry in the past; field errors) or VALIDATION_FAILED';
const NOT_FOUND = 'API_CLIENT_NOT_FOUND';

@ApiTags('admin')
@CallerSecurity()
@Public()
@UseGuards(CallerGuard)
@RequireRoles('hub:admin')
@Controller('v1/admin/api-clients')
export class ApiClientController {
  constructor(
    private readonly registerApiClient: RegisterApiClientUseCase,
    private readonly updateApiClient: UpdateApiClientUseCase,
    private readonly rotateApiKey: RotateApiKeyUseCase,
    private readonly listApiClients: ListApiClientsUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a system that may call the hub, with only roles its kind may hold (400 ACCESS_POLICY_VIOLATION); its API key is returned once' })
  @ApiCreatedResponse({ type: RegisteredApiClientDto })
  @ApiProblems({ 400: POLICY_PROBLEMS, 409: 'API_CLIENT_EXISTS: the id is taken' })
  register(@Body() command: RegisterApiClientCommand, @Caller() caller: CallerIdentity, @Trace() { correlationId }: EventTrace): Promise<RegisteredApiClientDto> {
    return this.registerApiClient.execute(command, caller, correlationId);
  }

  @Get()
  @ApiOperation({ summary: 'The registered clients by id, paged (never their keys)' })
  @ApiOkResponse({ type: ApiClientPage })
  list(@Query() query: ListApiClientsQuery): Promise<ApiClientPage> {
    return this.listApiClients.execute(query);
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'One client (404 API_CLIENT_NOT_FOUND)' })
  @ApiOkResponse({ type: ApiClientView })
  @ClientIdParam()
  @ApiProblems({ 404: NOT_FOUND })
  one(@Param('clientId', clientIdPipe) clientId: string): Promise<ApiClientView> {
    return this.listApiClients.one(clientId);
  }

  @Patch(':clientId')
  @ApiOperation({ summary: "Change a client's name, agencies, roles, state (active: false disables it), expiry or rate limits; effective from its next request" })
  @ApiOkResponse({ type: ApiClientView })
  @ClientIdParam()
  @ApiProblems({ 400: POLICY_PROBLEMS, 404: NOT_FOUND })
  update(@Param('clientId', clientIdPipe) clientId: string, @Body() changes: UpdateApiClientBody, @Caller() caller: CallerIdentity, @Trace() { correlationId }: EventTrace): Promise<ApiClientView> {
    return this.updateApiClient.execute({ clientId, changes, caller, correlationId });
  }

  // /v1/admin/api-clients/{clientId}:rotate-key. `::` is Fastify's escaped colon; the parameter needs an explicit
  // pattern, or Fastify would take `clientId:rotate` as its name (the pipe then checks the id's format).
  @Post(':clientId(^[^/:]+)::rotate-key')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue a new API key for a client (returned once); the previous key works for gracePeriodSeconds (default 0: stops at once)' })
  @ApiBody({ type: RotateApiKeyBody, required: false })
  @ApiOkResponse({ type: RotatedApiKeyView })
  @ClientIdParam()
  @ApiProblems({ 404: NOT_FOUND })
  rotateKey(@Param('clientId', clientIdPipe) clientId: string, @Body() body: RotateApiKeyBody | undefined, @Caller() caller: CallerIdentity, @Trace() { correlationId }: EventTrace): Promise<RotatedApiKeyView> {
    return this.rotateApiKey.execute({ clientId, gracePeriodSeconds: body?.gracePeriodSeconds ?? 0, caller, correlationId });
  }
}

@ApiTags('admin')
@CallerSecurity()
@Public()
@UseGuards(CallerGuard)
@RequireRoles('hub:admin', 'audit:read')
@Controller('v1/admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAudit) {}

  @Get()
  @ApiOperation({ summary: 'The audit of administrative actions on API clients (who, what, when, the changes), oldest first' })
  @ApiOkResponse({ type: [AdminAuditEntryView] })
  list(@Query() query: AdminAuditQuery): Promise<AdminAuditEntryView[]> {
    return this.audit.list(query);
  }
}
