import { clientPolicyViolations } from '@hub/platform';
import { DEFAULT_ROLES } from './default-roles';

describe('default roles', () => {
  it('gives every kind only roles the access policy lets it hold', () => {
    for (const [kind, roles] of Object.entries(DEFAULT_ROLES)) {
      const agencyCodes = kind === 'agency-system' ? ['000.00.15.H31'] : [];
      expect({ kind, violations: clientPolicyViolations({ kind: kind as keyof typeof DEFAULT_ROLES, agencyCodes, roles }) }).toEqual({ kind, violations: [] });
    }
  });
});
