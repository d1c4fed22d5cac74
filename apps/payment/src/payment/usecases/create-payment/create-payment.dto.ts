import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { DOSSIER_CODE_EXAMPLE, DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { PAYMENT_STATES } from '../../payment-lifecycle';

export class CreatePaymentBody {
  @ApiProperty({ example: DOSSIER_CODE_EXAMPLE })
  @Matches(DOSSIER_CODE_PATTERN, { message: `dossierCode must look like ${DOSSIER_CODE_EXAMPLE}` })
  dossierCode!: string;

  @ApiProperty({ format: 'uuid', description: 'A request of GET /v1/payments?dossierCode=' })
  @IsUUID()
  requestId!: string;

  @ApiProperty({ example: 'sandbox' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,30}$/, { message: 'provider must be a provider name such as sandbox' })
  provider!: string;

  @ApiProperty({ description: 'Where the payment page sends the browser back; never fetched by the hub', example: 'https://dichvucong.gov.vn/thanh-toan/ket-qua' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  returnUrl!: string;
}

export class CreatedPaymentView {
  @ApiProperty({ format: 'uuid' }) paymentId!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty() dossierCode!: string;
  @ApiProperty() provider!: string;
  @ApiProperty({ description: 'Our reference at the provider (MaThamChieu)' }) reference!: string;
  @ApiProperty({ description: 'Whole VND, from the request' }) amount!: number;
  @ApiProperty({ example: 'VND' }) currency!: 'VND';
  @ApiProperty({ enum: PAYMENT_STATES }) state!: string;
  @ApiProperty() paymentUrl!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

