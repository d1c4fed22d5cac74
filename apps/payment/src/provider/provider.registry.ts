import type { PaymentConfig } from '../config/payment.config';
import { NationalPlatformAdapter } from './national-platform/national-platform.adapter';
import type { PaymentProvider } from './payment-provider';

/** The configured providers by name. Adding a provider: an adapter implementing PaymentProvider, registered here. */
export class ProviderRegistry {
  private readonly byName: ReadonlyMap<string, PaymentProvider>;

  constructor(providers: PaymentProvider[]) {
    this.byName = new Map(providers.map((p) => [p.name, p]));
  }

  static fromConfig(config: PaymentConfig): ProviderRegistry {
    const providers: PaymentProvider[] = [];
    if (config.PAYMENT_PLATFORM_URL && config.PAYMENT_PLATFORM_PARTNER_CODE && config.PAYMENT_PLATFORM_SECRET) {
      providers.push(
        new NationalPlatformAdapter({
          name: config.PAYMENT_PLATFORM_PROVIDER,
          url: config.PAYMENT_PLATFORM_URL,
          partnerCode: config.PAYMENT_PLATFORM_PARTNER_CODE,
          secret: config.PAYMENT_PLATFORM_SECRET,
          callbackWindow: { pastMs: config.PAYMENT_CALLBACK_MAX_AGE_MS, futureMs: config.PAYMENT_CALLBACK_MAX_SKEW_MS },
          timeoutMs: config.PROVIDER_TIMEOUT_MS,
        }),
      );
    }
    return new ProviderRegistry(providers);
  }

  find(name: string): PaymentProvider | undefined {
    return this.byName.get(name);
  }

  all(): PaymentProvider[] {
    return [...this.byName.values()];
  }
}
