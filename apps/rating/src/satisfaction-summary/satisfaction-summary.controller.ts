import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequireRoles, type CallerIdentity } from '@hub/platform';
import { MAX_SUMMARIES, ReportSatisfactionSummariesBody, SatisfactionSummariesView, SatisfactionSummaryQuery } from './satisfaction-summary.dto';
import { SatisfactionSummaries } from './satisfaction-summary.usecases';

@ApiTags('ratings')
@Controller('v1/ratings/satisfaction-summaries')
export class SatisfactionSummaryController {
  constructor(private readonly summaries: SatisfactionSummaries) {}

  @Put()
  @HttpCode(200)
  @RequireRoles('rating:submit')
  @ApiOperation({
    summary: `Monthly satisfaction aggregates of the caller's agencies (1 to ${MAX_SUMMARIES}); a later report of the same agency, month and question replaces the earlier`,
    description: 'Stored and shown; the service-quality index counts per-dossier ratings only. All or nothing per request.',
  })
  async report(@Body() body: ReportSatisfactionSummariesBody, @Caller() caller: CallerIdentity): Promise<{ stored: number }> {
    return this.summaries.report(body.summaries, caller);
  }

  @Get()
  @RequireRoles('rating:read')
  @ApiOperation({ summary: "An agency's reported monthly satisfaction aggregates" })
  @ApiOkResponse({ type: SatisfactionSummariesView })
  async list(@Query() query: SatisfactionSummaryQuery, @Caller() caller: CallerIdentity): Promise<SatisfactionSummariesView> {
    return { items: await this.summaries.list(query, caller) };
  }
}
