import { DossierSubmitted, ProcedurePublished } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import type { CallerIdentity, Clock } from '@hub/platform';
import type { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import type { DossierRepository } from '../../dossier.repository';
import type { SubmitDossierCommand } from './submit-dossier.command';
import { SubmitDossierUseCase } from './submit-dossier.usecase';

const AGENCY = '000.00.15.H31';
const procedure = { ...ProcedurePublished.example, effectiveFrom: new Date(ProcedurePublished.example.effectiveFrom) };
const portal: CallerIdentity = { clientId: 'portal', kind: 'portal', agencyCodes: [], roles: ['dossier:submit'] };
const command: SubmitDossierCommand = { procedureCode: procedure.code, receivingAgencyCode: AGENCY, channel: 'ONLINE', applicant: { fullName: 'Lê Văn C', idNumber: '001086001234' } };

function setup(found: typeof procedure | null = procedure) {
  // The repository numbers the dossier: the seventh of its agency that day.
  const dossiers = { insertNumbered: jest.fn(async (prefix: string, ..._rest: unknown[]) => `${prefix}0007`) };
  const outbox = new OutboxWriter({ service: 'dossier', brokers: [] });
  jest.spyOn(outbox, 'prepare');
  // 17:30 UTC on 11 January is already 00:30 on 12 January in Vietnam.
  const clock = { now: () => new Date('2026-01-11T17:30:00Z') } as Clock;
  const procedures = { findInForce: jest.fn().mockResolvedValue(found) };
  const usecase = new SubmitDossierUseCase(dossiers as unknown as DossierRepository, procedures as unknown as ProcedureVersionRepository, outbox, clock);
  return { usecase, dossiers, outbox, procedures };
}

describe('SubmitDossierUseCase', () => {
  it('numbers the dossier by the Vietnamese receipt date and records the event with the state', async () => {
    const { usecase, dossiers, procedures } = setup();
    const result = await usecase.execute(command, portal);
    expect(procedures.findInForce).toHaveBeenCalledWith(procedure.code, new Date('2026-01-11T17:30:00Z'));
    expect(result).toMatchObject({ code: `${AGENCY}-260112-0007`, status: 1, procedureVersion: procedure.version });
    const [prefix, receiptDate, dossier, events] = dossiers.insertNumbered.mock.calls[0] as Parameters<DossierRepository['insertNumbered']>;
    expect([prefix, receiptDate]).toEqual([`${AGENCY}-260112-`, '2026-01-12']);
    expect(dossier).toMatchObject({ submittedBy: 'portal', status: 1, lookupKeyHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: DossierSubmitted.topic, payload: expect.objectContaining({ channel: 'ONLINE', receivingAgencyCode: AGENCY }) });
    expect(JSON.stringify(dossier)).not.toContain(result.lookupKey);
  });

  it.each([
    ['an unknown procedure', null, command, portal, 'PROCEDURE_NOT_AVAILABLE'],
    ['an agency that does not implement it', procedure, { ...command, receivingAgencyCode: '000.00.16.H31' }, portal, 'AGENCY_NOT_IMPLEMENTING_PROCEDURE'],
    ['a channel it is not offered on', procedure, { ...command, channel: 'POSTAL' as const }, portal, 'CHANNEL_NOT_OFFERED'],
    ['an agency system acting for another agency', procedure, command, { ...portal, kind: 'agency-system' as const, agencyCodes: ['000.00.00.H55'] }, 'AGENCY_SCOPE_VIOLATION'],
  ])('refuses %s and writes nothing', async (_case, found, cmd, caller, code) => {
    const { usecase, dossiers, outbox } = setup(found);
    await expect(usecase.execute(cmd, caller)).rejects.toMatchObject({ code });
    expect(dossiers.insertNumbered).not.toHaveBeenCalled();
    expect(outbox.prepare).not.toHaveBeenCalled();
  });
});
