import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, RequireRoles, Trace, validationFailed, type EventTrace } from '@hub/platform';
import { PathParams } from '../shared/path-params';
import { AgencyNodeView, AgencyPageView, AgencySubtreePageView, AgencyView } from './agency.view';
import { DEFAULT_SUBTREE_PAGE, MAX_SUBTREE_PAGE, parseSubtreeCursor, parseSubtreeLimit } from './usecases/get-agency-subtree/subtree-cursor';
import { GetAgencyUseCase } from './usecases/get-agency/get-agency.usecase';
import { GetAgencyAncestorsUseCase } from './usecases/get-agency-ancestors/get-agency-ancestors.usecase';
import { GetAgencySubtreeUseCase } from './usecases/get-agency-subtree/get-agency-subtree.usecase';
import { ListAgenciesQuery } from './usecases/list-agencies/list-agencies.query';
import { ListAgenciesUseCase } from './usecases/list-agencies/list-agencies.usecase';
import { UpsertAgencyCommand } from './usecases/upsert-agency/upsert-agency.command';
import { UpsertAgencyUseCase } from './usecases/upsert-agency/upsert-agency.usecase';
import { PathExamples } from '../shared/path-examples';

@ApiTags('agencies')
@Controller('v1/agencies')
export class AgencyController {
  constructor(
    private readonly upsertAgency: UpsertAgencyUseCase,
    private readonly getAgency: GetAgencyUseCase,
    private readonly getSubtree: GetAgencySubtreeUseCase,
    private readonly getAncestors: GetAgencyAncestorsUseCase,
    private readonly listAgencies: ListAgenciesUseCase,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('catalogue:write')
  @ApiOperation({ summary: 'Create an agency (201) or update it (200); publishes catalogue.agency.upserted.v1 when something changed' })
  @ApiCreatedResponse({ type: AgencyView, description: 'Created' })
  @ApiOkResponse({ type: AgencyView, description: 'Updated, or unchanged when the same data was sent again' })
  async upsert(@Body() command: UpsertAgencyCommand, @Trace() trace: EventTrace, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgencyView> {
    const { result, agency } = await this.upsertAgency.execute({ ...command, trace });
    void reply.status(result === 'created' ? 201 : 200);
    return agency;
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Agencies, by code, optionally filtered by level, parent and active flag' })
  @ApiOkResponse({ type: AgencyPageView })
  list(@Query() query: ListAgenciesQuery): Promise<AgencyPageView> {
    return this.listAgencies.execute(query);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One agency' })
  @PathExamples.agencyCode()
  @ApiOkResponse({ type: AgencyView })
  get(@Param('code', PathParams.agencyCode()) code: string): Promise<AgencyView> {
    return this.getAgency.execute({ code });
  }

  @Get(':code/subtree')
  @Public()
  @ApiOperation({ summary: 'The agency (depth 0) and every agency under it, by depth then code, a page at a time (keyset)' })
  @PathExamples.agencyCode()
  @ApiQuery({ name: 'maxDepth', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1–${MAX_SUBTREE_PAGE}, default ${DEFAULT_SUBTREE_PAGE}` })
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'From `nextCursor` of the previous page' })
  @ApiOkResponse({ type: AgencySubtreePageView })
  subtree(
    @Param('code', PathParams.agencyCode()) code: string,
    @Query('maxDepth') maxDepth?: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ): Promise<AgencySubtreePageView> {
    return this.getSubtree.execute({ code, maxDepth: parseDepth(maxDepth), limit: parseSubtreeLimit(limit), cursor: parseSubtreeCursor(cursor) });
  }

  @Get(':code/ancestors')
  @Public()
  @ApiOperation({ summary: 'The agencies above this one, parent first' })
  @PathExamples.agencyCode()
  @ApiOkResponse({ type: [AgencyNodeView] })
  ancestors(@Param('code', PathParams.agencyCode()) code: string): Promise<AgencyNodeView[]> {
    return this.getAncestors.execute({ code });
  }
}

function parseDepth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 32) {
    throw validationFailed([{ field: 'maxDepth', code: 'OUT_OF_RANGE', message: 'maxDepth must be an integer from 1 to 32' }]);
  }
  return Number(value);
}
