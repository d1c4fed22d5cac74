import { DossierReceived, DossierStatusChanged } from '@hub/contracts';
import { nextIndexedDossier, statusChangedAt } from './dossier-facts';

const received = { ...DossierReceived.example, revision: 1 };
const finished = { ...DossierStatusChanged.example, revision: 3 };

describe('the index copy of a dossier', () => {
  it('takes a received dossier at its status, not finished', () => {
    const d = nextIndexedDossier(null, { kind: 'received', payload: received });
    expect(d).toMatchObject({ revision: 1, status: 2, finishedAt: null, timeliness: null, agencyCode: received.receivingAgencyCode, channel: 'COUNTER' });
    expect(statusChangedAt({ kind: 'received', payload: received })).toEqual(new Date(received.statusChangedAt));
  });

  it('finishes a dossier on a change to 9 with its timeliness, and ignores older revisions', () => {
    const first = nextIndexedDossier(null, { kind: 'received', payload: received });
    const done = nextIndexedDossier(first, { kind: 'status-changed', payload: finished });
    expect(done).toMatchObject({ revision: 3, status: 9, timeliness: 'EARLY', finishedAt: new Date(finished.finishedAt!) });
    expect(nextIndexedDossier(done, { kind: 'received', payload: received })).toBeNull();
    expect(nextIndexedDossier(done, { kind: 'status-changed', payload: finished })).toBeNull();
  });

  it('finishes a dossier first seen at status 9 at its status time, timeliness unknown', () => {
    const d = nextIndexedDossier(null, { kind: 'received', payload: { ...received, status: 9, statusChangedAt: '2026-02-01T08:00:00+07:00' } });
    expect(d).toMatchObject({ status: 9, finishedAt: new Date('2026-02-01T01:00:00Z'), timeliness: null });
  });

  it('takes the verdict a dossier first seen finished carries: returned directly (10) late, finished at its result time', () => {
    const seenReturned = { ...received, status: 10, statusChangedAt: '2026-02-03T09:00:00+07:00', finishedAt: '2026-02-02T16:00:00+07:00', timeliness: 'LATE' as const };
    expect(nextIndexedDossier(null, { kind: 'received', payload: seenReturned })).toMatchObject({ status: 10, finishedAt: new Date('2026-02-02T09:00:00Z'), timeliness: 'LATE' });
    // Not finished: a stray verdict is not taken.
    expect(nextIndexedDossier(null, { kind: 'received', payload: { ...seenReturned, status: 4 } })).toMatchObject({ finishedAt: null, timeliness: null });
  });
});
