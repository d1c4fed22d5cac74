import { Body, Controller, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, Public, RequireRoles, Trace, validationFailed, type CallerIdentity, type EventTrace } from '@hub/platform';
import { PathParams } from '../shared/path-params';
import { StatusMappingView } from './status-mapping.view';
import { GetStatusMappingUseCase } from './usecases/get-status-mapping/get-status-mapping.usecase';
import { PutStatusMappingCommand } from './usecases/put-status-mapping/put-status-mapping.command';
import { PutStatusMappingUseCase } from './usecases/put-status-mapping/put-status-mapping.usecase';
import { PathExamples } from '../shared/path-examples';

@ApiTags('status mappings')
@Controller('v1/agency-systems/:agencyCode/status-mappings')
export class StatusMappingController {
  constructor(
    private readonly putMapping: PutStatusMappingUseCase,
    private readonly getMapping: GetStatusMappingUseCase,
  ) {}

  @Put()
  @HttpCode(200)
  @RequireRoles('catalogue:write', 'status-mapping:write')
  @ApiOperation({ summary: "Register the agency system's local status codes → national statuses 1–10 (new version; emits catalogue.status-mapping.updated.v1)" })
  @PathExamples.agencyCode('agencyCode')
  @ApiCreatedResponse({ type: StatusMappingView })
  @ApiOkResponse({ type: StatusMappingView })
  async put(
    @Param('agencyCode', PathParams.agencyCode('agencyCode')) agencyCode: string,
    @Body() command: PutStatusMappingCommand,
    @Caller() caller: CallerIdentity,
    @Trace() trace: EventTrace,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatusMappingView> {
    const { result, mapping } = await this.putMapping.execute({ ...command, agencyCode, caller, trace });
    void reply.status(result === 'created' ? 201 : 200);
    return mapping;
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'The latest mapping, or a given version' })
  @PathExamples.agencyCode('agencyCode')
  @ApiQuery({ name: 'version', required: false, type: Number })
  @ApiOkResponse({ type: StatusMappingView })
  get(@Param('agencyCode', PathParams.agencyCode('agencyCode')) agencyCode: string, @Query('version') version?: string): Promise<StatusMappingView> {
    if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) {
      throw validationFailed([{ field: 'version', code: 'IS_INT', message: 'version must be a positive whole number' }]);
    }
    return this.getMapping.execute({ agencyCode, version: version === undefined ? undefined : Number(version) });
  }
}
