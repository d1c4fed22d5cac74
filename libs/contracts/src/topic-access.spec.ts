import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSUMED_BY, kafkaAclPlan, MESSAGING_SERVICES, topicsDeclaredBy } from './topic-access';
import { EVENT_REGISTRY } from './topics';

describe('topic access', () => {
  it('gives every topic an owner that is a messaging service', () => {
    for (const def of EVENT_REGISTRY) expect(MESSAGING_SERVICES).toContain(def.owner);
  });

  it('lets a service write only the topics named after it', () => {
    const writes = kafkaAclPlan().filter((acl) => acl.operation === 'WRITE');
    for (const acl of writes) {
      const service = acl.principal.replace('User:', '');
      if (acl.patternType === 'PREFIXED') expect(acl.resourceName).toBe(`${service}.`);
      else expect(acl.resourceName).toMatch(/\.dlq$/);
    }
    expect(writes.some((acl) => acl.principal === 'User:payment' && 'catalogue.procedure.published.v1'.startsWith(acl.resourceName))).toBe(false);
  });

  it('lets a service read only what it consumes', () => {
    for (const service of MESSAGING_SERVICES) {
      const reads = kafkaAclPlan().filter((acl) => acl.principal === `User:${service}` && acl.resourceType === 'TOPIC' && acl.operation === 'READ');
      expect(reads.map((acl) => acl.resourceName).sort()).toEqual(CONSUMED_BY[service].map((def) => def.topic).sort());
    }
  });

  it('declares for a service its own topics and those it consumes with their dead-letter topics', () => {
    expect(topicsDeclaredBy('payment', ['dossier.received.v1']).map((t) => t.topic).sort()).toEqual(
      ['dossier.received.v1', 'dossier.received.v1.dlq', ...EVENT_REGISTRY.filter((d) => d.owner === 'payment').map((d) => d.topic)].sort(),
    );
  });

  it('is what deploy/kafka/acls.json says (regenerate with: node tools/kafka/acls.mjs generate)', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../../deploy/kafka/acls.json'), 'utf8'));
    expect(file.acls).toEqual(kafkaAclPlan());
  });
});
