import { DossierStatus } from '@hub/contracts';
import { eligibility } from './rating-eligibility';

describe('rating eligibility', () => {
  it.each([DossierStatus.Accepted, DossierStatus.Refused, DossierStatus.SupplementRequested, DossierStatus.Finished, DossierStatus.Returned])(
    'status %i can be rated',
    (status) => expect(eligibility(status)).toEqual({ canRate: true, reason: 'RATEABLE' }),
  );

  it('a submitted dossier is known but not yet rateable', () => {
    expect(eligibility(DossierStatus.Submitted)).toEqual({ canRate: false, reason: 'NOT_YET_RECEIVED' });
  });

  it.each([DossierStatus.Processing, DossierStatus.FeeRequested, DossierStatus.Withdrawn, DossierStatus.Stopped])('status %i is not a rating point', (status) =>
    expect(eligibility(status)).toEqual({ canRate: false, reason: 'NOT_AT_A_RATING_POINT' }),
  );
});
