import { DossierReceived, DossierSubmitted, ProcedurePublished } from '@hub/contracts';
import type { OutboxWriter } from '@hub/messaging';
import type { CallerIdentity, Clock } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import type { DossierRepository } from '../../dossier.repository';
import type { SubmitDossierCommand } from './submit-dossier.command';
import { SubmitDossierUseCase } from './submit-dossier.usecase';

const AGENCY = '000.00.15.H31';
const procedure = { ...ProcedurePublished.example, effectiveFrom: new Date(ProcedurePublished.example.effectiveFrom) };
const portal: CallerIdentity = { clientId: 'portal', kind: 'portal', agencyCodes: [], roles: ['dossier:submit'] };
const command: SubmitDossierCommand = { procedureCode: procedure.code, receivingAgencyCode: AGENCY, channel: 'ONLINE', applicant: { fullName: 'Lê Văn C', idNumber: '001086001234' } };

function setup(found: typeof procedure | null = procedure) {
  const tx = {} as EntityManager;
  const dossiers = {
    transaction: jest.fn((work: (tx: EntityManager) => Promise<unknown>) => work(tx)),
    nextDailySequence: jest.fn().mockResolvedValue(7),
    insert: jest.fn().mockResolvedValue(undefined),
  };
  const outbox = { append: jest.fn().mockResolvedValue({}) };
  // 17:30 UTC on 11 January is already 00:30 on 12 January in Vietnam.
  const clock = { now: () => new Date('2026-01-11T17:30:00Z') } as Clock;
  const procedures = { findInForce: jest.fn().mockResolvedValue(found) };
  const usecase = new SubmitDossierUseCase(dossiers as unknown as DossierRepository, procedures as unknown as ProcedureVersionRepository, outbox as unknown as OutboxWriter, clock);
  return { usecase, dossiers, outbox, tx, procedures };
}

describe('SubmitDossierUseCase', () => {
  it('numbers the dossier by the Vietnamese receipt date and records the event with the state', async () => {
    const { usecase, dossiers, outbox, tx, procedures } = setup();
    const result = await usecase.execute(command, portal);
    expect(procedures.findInForce).toHaveBeenCalledWith(procedure.code, new Date('2026-01-11T17:30:00Z'));
    expect(result).toMatchObject({ code: `${AGENCY}-260112-0007`, status: 1, procedureVersion: procedure.version });
    expect(dossiers.nextDailySequence).toHaveBeenCalledWith(tx, AGENCY, '2026-01-12');
    expect(dossiers.insert).toHaveBeenCalledWith(tx, {
      state: expect.objectContaining({ code: result.code, status: 1, version: 0, origin: 'hub', history: [expect.objectContaining({ from: null, to: 1, source: 'hub' })] }),
      identity: expect.objectContaining({ submittedBy: 'portal', lookupKeyHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    });
    expect(outbox.append).toHaveBeenCalledWith(tx, DossierSubmitted, expect.objectContaining({ dossierCode: result.code, channel: 'ONLINE' }));
    expect(outbox.append).toHaveBeenCalledWith(tx, DossierReceived, expect.objectContaining({ dossierCode: result.code, status: 1, source: 'hub', revision: 1 }));
    expect(JSON.stringify(dossiers.insert.mock.calls[0][1])).not.toContain(result.lookupKey);
  });

  it.each([
    ['an unknown procedure', null, command, portal, 'PROCEDURE_NOT_AVAILABLE'],
    ['an agency that does not implement it', procedure, { ...command, receivingAgencyCode: '000.00.16.H31' }, portal, 'AGENCY_NOT_IMPLEMENTING_PROCEDURE'],
    ['a channel it is not offered on', procedure, { ...command, channel: 'POSTAL' as const }, portal, 'CHANNEL_NOT_OFFERED'],
    ['an agency system acting for another agency', procedure, command, { ...portal, kind: 'agency-system' as const, agencyCodes: ['000.00.00.H55'] }, 'AGENCY_SCOPE_VIOLATION'],
  ])('refuses %s and writes nothing', async (_case, found, cmd, caller, code) => {
    const { usecase, dossiers, outbox } = setup(found);
    await expect(usecase.execute(cmd, caller)).rejects.toMatchObject({ code });
    expect(dossiers.insert).not.toHaveBeenCalled();
    expect(outbox.append).not.toHaveBeenCalled();
  });
});
