import { Module, type DynamicModule } from '@nestjs/common';
import { AgencyFeedCoreModule } from '../agency-feed/agency-feed-core.module';
import { FeedCursorCodec } from '../agency-feed/feed-cursor';
import { SecretBox } from './secret-box';
import { systemWebhookLookup, WebhookAccess, WebhookUseCases } from './usecases/webhook.usecases';
import { WebhookController } from './webhook.controller';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookSender } from './webhook.sender';
import { WebhookStore } from './webhook.store';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';

@Module({})
export class WebhookModule {
  static forRoot(settings: WebhookSettings): DynamicModule {
    return {
      module: WebhookModule,
      imports: [AgencyFeedCoreModule],
      controllers: [WebhookController],
      providers: [
        { provide: WEBHOOK_SETTINGS, useValue: settings },
        { provide: FeedCursorCodec, useValue: new FeedCursorCodec(settings.sealingSecret) },
        { provide: SecretBox, useValue: new SecretBox(settings.sealingSecret) },
        systemWebhookLookup,
        WebhookStore,
        WebhookAccess,
        WebhookUseCases,
        WebhookSender,
        WebhookDeliveryWorker,
      ],
      exports: [WebhookDeliveryWorker],
    };
  }
}
