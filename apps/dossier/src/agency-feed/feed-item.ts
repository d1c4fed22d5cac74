import { formatInZone } from '@hub/calendar';
import type { AgencyFeedItemV1, FeedDossierV1 } from '@hub/contracts';
import type { FeedRow } from './agency-feed.store';
import type { FeedCursorCodec } from './feed-cursor';

/** A stored row as the published packet `agency-feed.item.v1` (the same item in the feed and in webhooks). */
export function toFeedItem(row: FeedRow, cursors: FeedCursorCodec): AgencyFeedItemV1 {
  const { dossier, payment, refund, rating, supplement } = row.data as { dossier: FeedDossierV1 } & Pick<AgencyFeedItemV1, 'payment' | 'refund' | 'rating' | 'supplement'>;
  return {
    cursor: cursors.encode(row.position),
    type: row.type,
    dossierCode: row.dossierCode,
    agencyCode: row.agencyCode,
    occurredAt: formatInZone(row.occurredAt),
    recordedAt: formatInZone(row.recordedAt),
    dossier,
    ...(payment ? { payment } : {}),
    ...(refund ? { refund } : {}),
    ...(rating ? { rating } : {}),
    ...(supplement ? { supplement } : {}),
  };
}
