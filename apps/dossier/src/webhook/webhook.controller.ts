import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AGENCY_CODE_PATTERN } from '@hub/contracts';
import { Caller, PatternPipe, RequireRoles, type CallerIdentity } from '@hub/platform';
import { PathExamples } from '../dossier/path-examples';
import { WebhookUseCases } from './usecases/webhook.usecases';
import { DEFAULT_DELIVERIES_PAGE, DeliveryPage, ListDeliveriesQuery, PutWebhookBody, ReplayAnswer, ReplayBody, WebhookView } from './webhook.dto';

const AgencyCodePipe = new PatternPipe(AGENCY_CODE_PATTERN, 'agencyCode', '000.00.15.H31');

@ApiTags('agency-webhooks')
@Controller('v1/agency-webhooks')
@PathExamples.agencyCode()
export class WebhookController {
  constructor(private readonly webhooks: WebhookUseCases) {}

  @Put(':agencyCode')
  @RequireRoles('dossier:feed')
  @ApiOperation({ summary: "Register or replace the webhook of one of the caller's agencies (HTTPS, public address; signed deliveries of its feed)" })
  @ApiOkResponse({ type: WebhookView })
  put(@Param('agencyCode', AgencyCodePipe) agencyCode: string, @Body() body: PutWebhookBody, @Caller() caller: CallerIdentity): Promise<WebhookView> {
    return this.webhooks.put(agencyCode, body, caller);
  }

  @Get(':agencyCode')
  @RequireRoles('dossier:feed')
  @ApiOperation({ summary: 'The webhook of an agency, without its secret' })
  @ApiOkResponse({ type: WebhookView })
  get(@Param('agencyCode', AgencyCodePipe) agencyCode: string, @Caller() caller: CallerIdentity): Promise<WebhookView> {
    return this.webhooks.get(agencyCode, caller);
  }

  @Get(':agencyCode/deliveries')
  @RequireRoles('dossier:feed')
  @ApiOperation({ summary: 'Deliveries of the webhook, newest first, keyset-paged (`cursor` = `nextCursor`; `limit` 100 by default, at most 500): status, attempts, last response code and time' })
  @ApiOkResponse({ type: DeliveryPage })
  deliveries(@Param('agencyCode', AgencyCodePipe) agencyCode: string, @Query() query: ListDeliveriesQuery, @Caller() caller: CallerIdentity): Promise<DeliveryPage> {
    return this.webhooks.deliveries(agencyCode, { status: query.status ?? null, limit: query.limit ?? DEFAULT_DELIVERIES_PAGE, cursor: query.cursor ?? null }, caller);
  }

  // `::` is Fastify's escaped colon: the path is /v1/agency-webhooks/{agencyCode}/deliveries:replay.
  @Post(':agencyCode/deliveries::replay')
  @HttpCode(202)
  @RequireRoles('dossier:feed')
  @ApiOperation({ summary: 'Send again every item from a feed cursor (included), in order, after the pending deliveries' })
  @ApiOkResponse({ type: ReplayAnswer })
  replay(@Param('agencyCode', AgencyCodePipe) agencyCode: string, @Body() body: ReplayBody, @Caller() caller: CallerIdentity): Promise<ReplayAnswer> {
    return this.webhooks.replay(agencyCode, body.from, caller);
  }
}
