import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequireRoles } from '@hub/platform';
import { CallerGuard } from '../caller/caller.guard';
import { JwkSetView } from '../signing-keys/jwk-set.view';
import { CallerSecurity } from '../caller/caller-security';
import { ReceiptSigner, type ReceiptKeyJwk } from './receipt-signer';
import { ExchangeLogVerificationView, VerifyExchangeLogQuery } from './usecases/verify-exchange-log/verify-exchange-log.query';
import { VerifyExchangeLogUseCase } from './usecases/verify-exchange-log/verify-exchange-log.usecase';

@ApiTags('admin')
@CallerSecurity()
@Public()
@UseGuards(CallerGuard)
@RequireRoles('hub:admin')
@Controller('v1/admin/exchange-log')
export class ExchangeLogController {
  constructor(private readonly verifyExchangeLog: VerifyExchangeLogUseCase) {}

  @Get('verify')
  @ApiOperation({ operationId: 'verifyExchangeLog', summary: 'Check the hash chain of the exchange log over a range of entries; names the first broken entry' })
  @ApiOkResponse({ type: ExchangeLogVerificationView })
  verify(@Query() query: VerifyExchangeLogQuery): Promise<ExchangeLogVerificationView> {
    return this.verifyExchangeLog.execute(query);
  }
}

@ApiTags('receipts')
@Public()
@Controller('.well-known')
export class ReceiptKeysController {
  constructor(private readonly signer: ReceiptSigner) {}

  @Get('hub-receipt-keys')
  @ApiOperation({ operationId: 'getReceiptKeys', summary: 'The Ed25519 public keys (JWK set) that verify X-Hub-Receipt signatures' })
  @ApiOkResponse({ type: JwkSetView })
  keys(): { keys: ReceiptKeyJwk[] } {
    return { keys: [this.signer.publicJwk] };
  }
}
