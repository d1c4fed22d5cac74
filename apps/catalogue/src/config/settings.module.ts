import { DynamicModule, Module, type ValueProvider } from '@nestjs/common';

/** Makes the catalogue's settings injectable everywhere (global, like the platform's Clock). */
@Module({})
export class SettingsModule {
  static forRoot(provider: ValueProvider): DynamicModule {
    return { module: SettingsModule, global: true, providers: [provider], exports: [provider.provide] };
  }
}
