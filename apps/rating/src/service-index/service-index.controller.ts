import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AGENCY_CODE_PATTERN } from '@hub/contracts';
import { Caller, PatternPipe, Public, RequireRoles, type CallerIdentity } from '@hub/platform';
import type { Targets } from './domain/indicators';
import { ServiceIndexQueries } from './usecases/read/service-index.queries';
import {
  AgencyHistoryView,
  AgencyIndexView,
  RankingPageView,
  ServiceIndexHistoryQuery,
  ServiceIndexPeriodQuery,
  ServiceIndexRankingQuery,
} from './usecases/read/service-index.views';
import { SetTargetsBody, SetTargetsUseCase } from './usecases/set-targets.usecase';

const AgencyCodePipe = new PatternPipe(AGENCY_CODE_PATTERN, 'agencyCode', '000.00.15.H31 or H55.242');
const AgencyCodeExample = () => ApiParam({ name: 'agencyCode', example: '000.00.15.H31', description: 'Agency code (QCVN 102:2016); its whole subtree counts' });

@ApiTags('service-index')
@Controller('v1/service-index')
export class ServiceIndexController {
  constructor(
    private readonly queries: ServiceIndexQueries,
    private readonly setTargets: SetTargetsUseCase,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Ranking of the agencies of one level for a month or a year (Decision 766 hub rule)' })
  @ApiOkResponse({ type: RankingPageView })
  ranking(@Query() query: ServiceIndexRankingQuery): Promise<RankingPageView> {
    return this.queries.ranking(query);
  }

  @Put('targets')
  @RequireRoles('rating:read')
  @ApiOperation({ summary: 'Set indicator targets (operators only); applies to every period on the next read' })
  update(@Body() targets: SetTargetsBody, @Caller() caller: CallerIdentity): Promise<Targets> {
    return this.setTargets.execute({ targets, caller });
  }

  @Get(':agencyCode')
  @Public()
  @ApiOperation({ summary: "An agency's score for a period, its whole subtree included, with every indicator" })
  @AgencyCodeExample()
  @ApiOkResponse({ type: AgencyIndexView })
  agency(@Param('agencyCode', AgencyCodePipe) agencyCode: string, @Query() query: ServiceIndexPeriodQuery): Promise<AgencyIndexView> {
    return this.queries.agency(agencyCode, query.period);
  }

  @Get(':agencyCode/history')
  @Public()
  @ApiOperation({ summary: "An agency's monthly totals and ranks, for charts" })
  @AgencyCodeExample()
  @ApiOkResponse({ type: AgencyHistoryView })
  history(@Param('agencyCode', AgencyCodePipe) agencyCode: string, @Query() query: ServiceIndexHistoryQuery): Promise<AgencyHistoryView> {
    return this.queries.history(agencyCode, query);
  }
}
