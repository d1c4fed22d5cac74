import { ApiProperty } from '@nestjs/swagger';
import type { CallerIdentity } from '@hub/platform';
import { ApiClientView } from '../../api-client.view';

export interface RotateApiKeyCommand {
  clientId: string;
  caller: CallerIdentity;
}

export class RotatedApiKeyView extends ApiClientView {
  @ApiProperty({ description: 'The new key, shown once; only its hash is stored. The previous key no longer works.' })
  apiKey!: string;
}
