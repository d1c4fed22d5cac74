import { randomUUID } from 'node:crypto';
import { EventHeaders, ProcedurePublished } from '@hub/contracts';
import { KafkaProbe, serviceKafkaCredential, testInfrastructure, uniqueSuffix, type KafkaCredential } from '@hub/testing';
import { Kafka, logLevel } from 'kafkajs';

/**
 * The broker authenticates every client (SASL/SCRAM-SHA-512) and authorises by ACL (deploy/kafka/acls.json): only
 * the catalogue's principal writes catalogue topics. Runs against the test broker as resolved by the jest setup
 * (the local broker of deploy/local, or KAFKA_CREDENTIALS_FILE); a broker without SASL fails this test.
 */
describe('an authenticated broker', () => {
  const { kafkaBrokers: brokers, kafkaAuth } = testInfrastructure();
  const topic = ProcedurePublished.topic;
  // A valid snapshot of a procedure of its own (consumers of the shared topic apply it like any other).
  const message = () => {
    const code = `1.${String(100_000 + Math.floor(Math.random() * 900_000))}`;
    return {
    key: code,
    value: JSON.stringify({ ...ProcedurePublished.example, code }),
    headers: { [EventHeaders.EventId]: randomUUID(), [EventHeaders.EventType]: ProcedurePublished.type, [EventHeaders.EventVersion]: '1', [EventHeaders.Producer]: 'catalogue' },
    };
  };
  const client = (who?: KafkaCredential) =>
    new Kafka({
      clientId: `auth-test-${uniqueSuffix()}`,
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 1, initialRetryTime: 100 },
      connectionTimeout: 3000,
      ...(who && kafkaAuth ? { sasl: { mechanism: kafkaAuth.mechanism, username: who.username, password: who.password } as never } : {}),
    });
  const produce = async (kafka: Kafka) => {
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    try {
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [message()] });
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  };
  const credential = (service: string) => serviceKafkaCredential(kafkaAuth!, service);

  beforeAll(async () => {
    if (!kafkaAuth?.credentialsFile) {
      throw new Error('this test needs the SASL broker of deploy/local (or KAFKA_CREDENTIALS_FILE naming its credentials file)');
    }
    await new KafkaProbe(brokers).ensureTopic(topic);
  });

  it('refuses a client without credentials', async () => {
    await expect(produce(client())).rejects.toThrow();
  });

  it('refuses a wrong password', async () => {
    await expect(produce(client({ username: 'catalogue', password: 'not-the-password-0123456789' }))).rejects.toThrow(/SASL|[Aa]uthentication/);
  });

  it("refuses another service's principal on catalogue.procedure.published.v1", async () => {
    await expect(produce(client(credential('payment')))).rejects.toThrow(/[Aa]uthoriz|TOPIC_AUTHORIZATION_FAILED|[Nn]ot authorized/);
  });

  it("lets the catalogue's principal publish there, and only the consumers read it", async () => {
    await expect(produce(client(credential('catalogue')))).resolves.toBeUndefined();
    // Resolves with the first message read, rejects when the consumer crashes (or reads nothing for 20 s).
    const reader = async (service: string) => {
      const consumer = client(credential(service)).consumer({ groupId: `${service}-auth-${uniqueSuffix()}`, retry: { retries: 1 } });
      try {
        const first = new Promise<void>((resolve, reject) => {
          consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
          setTimeout(() => reject(new Error(`${service} read nothing in 20 s`)), 20_000).unref();
          void consumer.connect()
            .then(() => consumer.subscribe({ topic, fromBeginning: true }))
            .then(() => consumer.run({ eachMessage: async () => resolve() }))
            .catch(reject);
        });
        await first;
      } finally {
        await consumer.disconnect().catch(() => undefined);
      }
    };
    await expect(reader('payment')).resolves.toBeUndefined();
    await expect(reader('catalogue')).rejects.toThrow(/[Aa]uthoriz|[Nn]ot authorized/);
  });
});
