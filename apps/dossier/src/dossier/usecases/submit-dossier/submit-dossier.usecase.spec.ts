import { LookupKeys } from '../../lookup-key';
import { DossierReceived, ProcedurePublished } from '@hub/contracts';
import { OutboxWriter } from '@hub/messaging';
import type { CallerIdentity, Clock } from '@hub/platform';
import { stubOf } from '@hub/testing';
import type { ProceduresInForce } from '../../../procedure-read-model/procedures-in-force';
import { DossierEventsWriter } from '../../dossier-events.writer';
import type { NumberedIntake, NumberedIntakeWriter } from '../../numbered-intake.writer';
import type { SubmitDossierCommand } from './submit-dossier.command';
import { SubmitDossierUseCase } from './submit-dossier.usecase';

const AGENCY = '000.00.15.H31';
const procedure = { ...ProcedurePublished.example, effectiveFrom: new Date(ProcedurePublished.example.effectiveFrom) };
const portal: CallerIdentity = { clientId: 'portal', kind: 'portal', agencyCodes: [], roles: ['dossier:submit'] };
const command: SubmitDossierCommand = { procedureCode: procedure.code, receivingAgencyCode: AGENCY, channel: 'ONLINE', applicant: { fullName: 'Lê Văn C', idNumber: '001086001234' } };

type Numbered = NumberedIntake;

const keys = new LookupKeys('unit-test-lookup-secret-9f8e7d6c5b4a39281706');

/**
 * The writer answers as the real statement does: the first `taken` intakes find their code synced by an agency system
 * (a number is used); an intake under another version than `inForce` (the database's) stores nothing, takes no number.
 */
function setup(found: typeof procedure | null = procedure, { taken = 0, inForce = found?.version }: { taken?: number; inForce?: number } = {}) {
  const calls: Numbered[] = [];
  let sequence = 6;
  const intakes = stubOf<NumberedIntakeWriter>({
    insert: async (intake) => {
      if (intake.procedure.version !== inForce) {
        calls.push(intake);
        return { stored: false, reason: 'procedure-changed' };
      }
      sequence++;
      const code = calls.length + 1 <= taken ? null : `${intake.codePrefix}${String(sequence).padStart(4, '0')}`;
      calls.push(intake);
      return code === null ? { stored: false, reason: 'code-taken' } : { stored: true, code };
    },
  });
  const outbox = new OutboxWriter({ service: 'dossier', brokers: [] });
  // 17:30 UTC on 11 January is already 00:30 on 12 January in Vietnam.
  const clock = stubOf<Clock>({ now: () => new Date('2026-01-11T17:30:00Z') });
  const lookups: [string, Date][] = [];
  const forgotten: string[] = [];
  // Kept versions: the first lookup answers `found`; after `forget`, the database's version in force.
  const procedures = stubOf<ProceduresInForce>({
    find: async (code, at) => {
      lookups.push([code, at]);
      return forgotten.length === 0 || !found ? found : { ...found, version: inForce ?? found.version };
    },
    forget: (code) => void forgotten.push(code),
  });
  const usecase = new SubmitDossierUseCase(intakes, procedures, new DossierEventsWriter(outbox), clock, keys);
  return { usecase, calls, lookups, forgotten };
}

const trace = { correlationId: 'corr-intake-1' };

describe('SubmitDossierUseCase', () => {
  it('numbers the dossier by the Vietnamese receipt date and hands the state and its events to one write', async () => {
    const { usecase, calls, lookups } = setup();
    const result = await usecase.execute({ ...command, caller: portal, trace });
    expect(lookups).toEqual([[procedure.code, new Date('2026-01-11T17:30:00Z')]]);
    expect(result).toMatchObject({ code: `${AGENCY}-260112-0007`, status: 1, procedureVersion: procedure.version });
    expect(calls).toHaveLength(1);
    const [{ codePrefix: prefix, receiptDate, placeholder, dossier, events, feedItem }] = calls;
    expect(feedItem).toMatchObject({ agencyCode: AGENCY, type: 'dossier.submitted', dossierCode: placeholder });
    expect([calls[0].procedure, calls[0].receivedAt]).toEqual([{ code: procedure.code, version: procedure.version }, new Date('2026-01-11T17:30:00Z')]);
    expect([prefix, receiptDate]).toEqual([`${AGENCY}-260112-`, '2026-01-12']);
    // The placeholder has the shape of a code of that day, so the events validate against their contracts.
    expect(placeholder).toMatch(new RegExp(`^${prefix.replace(/\./g, '\\.')}\\d{12}$`));
    expect(dossier.state).toMatchObject({ code: placeholder, status: 1, version: 0, origin: 'hub', history: [expect.objectContaining({ from: null, to: 1, source: 'hub' })] });
    expect(dossier.identity).toMatchObject({ submittedBy: 'portal' });
    // The key's tag goes to the statement, which binds it to the code the dossier gets; the key itself goes nowhere.
    expect(calls[0].lookupKeyTag).toBe(keys.tag(result.lookupKey));
    expect(calls[0].lookupKeyTag).not.toContain(result.lookupKey);
    // Only dossier.received.v1 (source hub, status 1): dossier.submitted.v1 is retired.
    expect(events.map((e) => [e.topic, e.key])).toEqual([[DossierReceived.topic, placeholder]]);
    expect(events[0].payload).toMatchObject({ dossierCode: placeholder, status: 1, source: 'hub', channel: 'ONLINE', revision: 1 });
    // The request's trace, handed down in the command, is the event's correlation; a request causes it, no event.
    expect(events[0].headers).toMatchObject({ 'correlation-id': trace.correlationId, producer: 'dossier' });
    expect(events[0].headers).not.toHaveProperty('causation-id');
    expect(JSON.stringify(dossier)).not.toContain(result.lookupKey);
  });

  it('skips codes an agency system already took, under a fresh placeholder each time', async () => {
    const { usecase, calls } = setup(procedure, { taken: 2 });
    const result = await usecase.execute({ ...command, caller: portal, trace });
    expect(result.code).toBe(`${AGENCY}-260112-0009`);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.placeholder)).size).toBe(3);
  });

  it('decides again under the version in force when the one it kept is no longer (a newer version reached the database)', async () => {
    const { usecase, calls, lookups, forgotten } = setup(procedure, { inForce: procedure.version + 1 });
    const result = await usecase.execute({ ...command, caller: portal, trace });
    expect(forgotten).toEqual([procedure.code]);
    expect(lookups).toHaveLength(2);
    expect(calls.map((c) => c.procedure.version)).toEqual([procedure.version, procedure.version + 1]);
    expect(result).toMatchObject({ code: `${AGENCY}-260112-0007`, procedureVersion: procedure.version + 1 });
    expect(calls[1].dossier.state).toMatchObject({ procedureVersion: procedure.version + 1 });
  });

  it.each([
    ['an unknown procedure', null, command, portal, 'PROCEDURE_NOT_AVAILABLE'],
    ['an agency that does not implement it', procedure, { ...command, receivingAgencyCode: '000.00.16.H31' }, portal, 'AGENCY_NOT_IMPLEMENTING_PROCEDURE'],
    ['a channel it is not offered on', procedure, { ...command, channel: 'POSTAL' as const }, portal, 'CHANNEL_NOT_OFFERED'],
    ['an agency system acting for another agency', procedure, command, { ...portal, kind: 'agency-system' as const, agencyCodes: ['000.00.00.H55'] }, 'AGENCY_SCOPE_VIOLATION'],
  ])('refuses %s and writes nothing', async (_case, found, cmd, caller, code) => {
    const { usecase, calls } = setup(found);
    await expect(usecase.execute({ ...cmd, caller, trace })).rejects.toMatchObject({ code });
    expect(calls).toHaveLength(0);
  });
});
