import { HUB_ROLES } from '@hub/contracts';
import { AppError } from '../errors/app-error';
import {
  AGENCY_REACH,
  authorize,
  clientPolicyViolations,
  effectiveRoles,
  holdsRole,
  kindMayHold,
  MAX_AGENCY_CODES_PER_CLIENT,
  personalDataAccess,
  ROLE_POLICY,
  rolesOfKind,
} from './access-policy';
import { CALLER_KINDS, type CallerIdentity, type CallerKind } from './caller-identity';
import { accessPurposeOf, maskEmail, maskIdNumber, maskPhone } from './personal-data';

const caller = (kind: CallerKind, roles: string[], agencyCodes: string[] = []): CallerIdentity => ({ clientId: `c-${kind}`, kind, agencyCodes, roles });
const OWN = '000.00.15.H31';
const OTHER = '000.00.99.H31';
const outOfScope = () => new AppError('DOSSIER_NOT_FOUND', 'not visible');

describe('access policy: kinds bound to roles', () => {
  it('gives every role a policy and every policy at least one kind; the public holds nothing', () => {
    for (const role of HUB_ROLES) expect(ROLE_POLICY[role].kinds.length).toBeGreaterThan(0);
    expect(rolesOfKind('public')).toEqual([]);
    for (const kind of CALLER_KINDS) expect(AGENCY_REACH[kind]).toBeDefined();
  });

  it('is exactly the matrix of the README', () => {
    expect(Object.fromEntries(CALLER_KINDS.map((kind) => [kind, rolesOfKind(kind)]))).toEqual({
      'agency-system': ['dossier:submit', 'dossier:read', 'dossier:sync', 'dossier:notice', 'dossier:feed', 'payment:read', 'rating:read', 'rating:submit', 'status-mapping:write', 'payment:refund'],
      portal: ['dossier:submit', 'dossier:read', 'dossier:applicant-action', 'payment:read', 'rating:read', 'rating:submit', 'dossier:read-personal', 'payment:create'],
      'payment-provider': [],
      operator: ['hub:admin', 'catalogue:write', 'dossier:read', 'payment:read', 'rating:read', 'status-mapping:write', 'dossier:read-personal', 'audit:read', 'payment:refund', 'payment:reconcile'],
      public: [],
    });
  });

  it('denies by default: unknown roles, roles of another kind, a payment provider with dossier:read', () => {
    expect(kindMayHold('operator', 'root')).toBe(false);
    expect(kindMayHold('agency-system', 'catalogue:write')).toBe(false);
    const provider = caller('payment-provider', ['dossier:read', 'payment:read']);
    expect(holdsRole(provider, 'dossier:read')).toBe(false);
    expect(effectiveRoles(provider)).toEqual([]);
    expect(effectiveRoles(caller('agency-system', ['catalogue:write', 'status-mapping:write'], [OWN]))).toEqual(['status-mapping:write']);
  });

  it('authorizes a use case by role (its kind permitting) and by agency reach', () => {
    const system = caller('agency-system', ['status-mapping:write'], [OWN]);
    expect(() => authorize(system, 'status-mapping:write', { agencyCode: OWN, outOfScope })).not.toThrow();
    expect(() => authorize(system, 'status-mapping:write', { agencyCode: OTHER, outOfScope })).toThrow(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }));
    expect(() => authorize(caller('agency-system', ['catalogue:write'], [OWN]), 'catalogue:write')).toThrow(expect.objectContaining({ status: 403, code: 'FORBIDDEN' }));
    expect(() => authorize(caller('operator', ['status-mapping:write']), 'status-mapping:write', { agencyCode: OTHER, outOfScope })).not.toThrow();
    expect(() => authorize(caller('public', ['dossier:read']), 'dossier:read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('access policy: registration', () => {
  it('accepts each kind with its allowed roles', () => {
    expect(clientPolicyViolations({ kind: 'agency-system', agencyCodes: [OWN], roles: rolesOfKind('agency-system') })).toEqual([]);
    expect(clientPolicyViolations({ kind: 'operator', agencyCodes: [], roles: rolesOfKind('operator') })).toEqual([]);
    expect(clientPolicyViolations({ kind: 'payment-provider', agencyCodes: [], roles: [] })).toEqual([]);
  });

  it('names each refused role, a misplaced or missing agency list, too many and duplicate codes', () => {
    expect(clientPolicyViolations({ kind: 'payment-provider', agencyCodes: [], roles: ['payment:read', 'dossier:read'] }).map((e) => [e.field, e.code])).toEqual([
      ['roles.0', 'ROLE_NOT_ALLOWED_FOR_KIND'],
      ['roles.1', 'ROLE_NOT_ALLOWED_FOR_KIND'],
    ]);
    expect(clientPolicyViolations({ kind: 'portal', agencyCodes: [OWN], roles: [] }).map((e) => e.code)).toEqual(['AGENCY_CODES_NOT_ALLOWED']);
    expect(clientPolicyViolations({ kind: 'agency-system', agencyCodes: [], roles: [] }).map((e) => e.code)).toEqual(['AGENCY_CODES_REQUIRED']);
    const many = Array.from({ length: MAX_AGENCY_CODES_PER_CLIENT + 1 }, (_, i) => `H${String(10 + (i % 60)).padStart(2, '0')}.${1000 + i}`);
    expect(clientPolicyViolations({ kind: 'agency-system', agencyCodes: many, roles: [] }).map((e) => e.code)).toEqual(['TOO_MANY_AGENCY_CODES']);
    expect(clientPolicyViolations({ kind: 'agency-system', agencyCodes: many.slice(1), roles: [] })).toEqual([]);
    expect(clientPolicyViolations({ kind: 'agency-system', agencyCodes: [OWN, OWN], roles: [] }).map((e) => e.code)).toEqual(['DUPLICATE_AGENCY_CODES']);
  });
});

describe('access policy: personal data by need', () => {
  it('shows the owning agency everything unaudited; audits everyone else, masked unless dossier:read-personal', () => {
    expect(personalDataAccess(caller('agency-system', ['dossier:read'], [OWN]), OWN)).toEqual({ disclosure: 'full', audited: false });
    expect(personalDataAccess(caller('portal', ['dossier:read']), OWN)).toEqual({ disclosure: 'masked', audited: true });
    expect(personalDataAccess(caller('operator', ['dossier:read', 'dossier:read-personal']), OWN)).toEqual({ disclosure: 'full', audited: true });
    // An agency system cannot hold dossier:read-personal: another agency's data stays masked (it cannot read it anyway).
    expect(personalDataAccess(caller('agency-system', ['dossier:read', 'dossier:read-personal'], [OTHER]), OWN)).toEqual({ disclosure: 'masked', audited: true });
  });

  it('masks ID numbers, phones and e-mails', () => {
    expect(maskIdNumber('001086001234')).toBe('********1234');
    expect(maskIdNumber('123456789')).toBe('*****6789');
    expect(maskPhone('0912345678')).toBe('*******678');
    expect(maskPhone('+84912345678')).toBe('+********678');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskEmail('an.nguyen@example.vn')).toBe('a***@example.vn');
    expect(maskEmail('no-at-sign')).toBe('**********');
  });

  it('reads a stated purpose: percent-encoded or plain, trimmed, bounded, no control characters', () => {
    expect(accessPurposeOf(undefined)).toBeNull();
    expect(accessPurposeOf('  ')).toBeNull();
    expect(accessPurposeOf(encodeURIComponent('Xác minh khiếu nại số 12'))).toBe('Xác minh khiếu nại số 12');
    expect(accessPurposeOf('complaint 12 (100%)')).toBe('complaint 12 (100%)');
    expect(accessPurposeOf('x'.repeat(201))).toBeUndefined();
    expect(accessPurposeOf('a%0Ab')).toBeUndefined();
    expect(accessPurposeOf(['a', 'b'])).toBeUndefined();
  });
});
