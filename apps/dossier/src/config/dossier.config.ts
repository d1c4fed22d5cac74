import { BaseServiceConfig } from '@hub/platform';

export class DossierConfig extends BaseServiceConfig {
  /** A sync batch of 1 000 full records needs more than the default 1 MiB; the gateway applies the same limit. */
  override BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;
}
