import { Module } from '@nestjs/common';
import { AgencyFeedStore } from './agency-feed.store';
import { AgencyFeedWriter } from './agency-feed.writer';
import { FeedNotifier } from './feed-notifier';

/** The feed's storage, writer and wake-ups: imported by whoever records changes or reads the feed. */
@Module({
  providers: [AgencyFeedStore, AgencyFeedWriter, FeedNotifier],
  exports: [AgencyFeedStore, AgencyFeedWriter, FeedNotifier],
})
export class AgencyFeedCoreModule {}
