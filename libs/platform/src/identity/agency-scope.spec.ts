import { AppError } from '../errors/app-error';
import { agencyScopeCondition, agencyScopeOf, assertMayActFor, isInAgencyScope, requireVisible } from './agency-scope';
import { CALLER_KINDS, type CallerIdentity, type CallerKind } from './caller-identity';

const caller = (kind: CallerKind, agencyCodes: string[] = []): CallerIdentity => ({ clientId: `c-${kind}`, kind, agencyCodes, roles: [] });
const system = caller('agency-system', ['000.00.15.H31', '000.00.16.H31']);
const notFound = () => new AppError('DOSSIER_NOT_FOUND', 'No dossier visible to the caller');
const refused = () => new AppError('AGENCY_SCOPE_VIOLATION', 'Not your agency');
const dossier = { code: 'D-1', agency: '000.00.15.H31' };
const foreign = { code: 'D-2', agency: '000.00.99.H31' };

describe('agency scope', () => {
  it('limits agency systems to their own agencies, the public to none; an agency system bound to none sees nothing', () => {
    expect(agencyScopeOf(system)).toEqual(['000.00.15.H31', '000.00.16.H31']);
    expect(agencyScopeOf(caller('public'))).toEqual([]);
    expect(isInAgencyScope(caller('public'), '000.00.15.H31')).toBe(false);
    for (const kind of CALLER_KINDS.filter((k) => k !== 'agency-system' && k !== 'public')) {
      // Agency codes on a caller that is not an agency system do not narrow what it sees.
      expect(agencyScopeOf(caller(kind, ['000.00.15.H31']))).toBe('all');
      expect(isInAgencyScope(caller(kind, ['000.00.15.H31']), '000.00.99.H31')).toBe(true);
    }
    expect(isInAgencyScope(system, '000.00.16.H31')).toBe(true);
    expect(isInAgencyScope(system, '000.00.99.H31')).toBe(false);
    expect(isInAgencyScope(caller('agency-system'), '000.00.15.H31')).toBe(false);
  });

  it('returns a visible record and answers another agency’s record exactly like a missing one', () => {
    expect(requireVisible(system, dossier, (d) => d.agency, notFound)).toBe(dossier);
    expect(requireVisible(caller('operator'), foreign, (d) => d.agency, notFound)).toBe(foreign);
    const thrown = [null, undefined, foreign].map((record) => {
      try {
        requireVisible(system, record, (d) => d.agency, notFound);
      } catch (e) {
        return e;
      }
      return 'returned';
    });
    expect(thrown).toEqual([notFound(), notFound(), notFound()]);
    expect(thrown.map((e) => (e as AppError).code)).toEqual(['DOSSIER_NOT_FOUND', 'DOSSIER_NOT_FOUND', 'DOSSIER_NOT_FOUND']);
  });

  it('refuses a command for another agency with the caller’s own error', () => {
    expect(() => assertMayActFor(system, '000.00.16.H31', refused)).not.toThrow();
    expect(() => assertMayActFor(caller('portal'), '000.00.99.H31', refused)).not.toThrow();
    expect(() => assertMayActFor(system, '000.00.99.H31', refused)).toThrow(expect.objectContaining({ code: 'AGENCY_SCOPE_VIOLATION' }));
  });

  it('builds a WHERE fragment with its own numbered parameter, or TRUE for callers that see all', () => {
    expect(agencyScopeCondition(caller('operator'), 'd.receiving_agency_code', 3)).toEqual({ sql: 'TRUE', params: [] });
    expect(agencyScopeCondition(system, 'd.receiving_agency_code', 3)).toEqual({
      sql: 'd.receiving_agency_code = ANY($3::text[])',
      params: [['000.00.15.H31', '000.00.16.H31']],
    });
    expect(agencyScopeCondition(caller('agency-system'), 'agency', 1)).toEqual({ sql: 'agency = ANY($1::text[])', params: [[]] });
  });
});
