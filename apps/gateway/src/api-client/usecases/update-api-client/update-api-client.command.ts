import { PartialType, PickType } from '@nestjs/swagger';
import type { CallerIdentity } from '@hub/platform';
import { RegisterApiClientCommand } from '../register-api-client/register-api-client.command';

/** What an administrator may change on a client; fields left out stay as they are. Same rules as at registration. */
export class UpdateApiClientBody extends PartialType(PickType(RegisterApiClientCommand, ['name', 'agencyCodes', 'roles'] as const)) {}

export interface UpdateApiClientCommand {
  clientId: string;
  changes: UpdateApiClientBody;
  caller: CallerIdentity;
}
