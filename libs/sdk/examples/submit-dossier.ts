// npx tsx examples/submit-dossier.ts  (HUB_URL, HUB_CLIENT_ID, HUB_CLIENT_SECRET in the environment)
import { randomUUID } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- written as a consumer of the published package would write it
import { HubClient, HubProblemError } from '@hub/sdk';

async function main(): Promise<void> {
  const hub = new HubClient({
    baseUrl: process.env.HUB_URL ?? 'http://127.0.0.1:3000',
    credentials: { clientId: process.env.HUB_CLIENT_ID!, clientSecret: process.env.HUB_CLIENT_SECRET!, scope: 'dossier:submit dossier:read' },
  });
  const idempotencyKey = randomUUID(); // keep it with the request: a retry with it is safe
  try {
    const { data, meta } = await hub.submitDossier(
      { procedureCode: '2.009013', receivingAgencyCode: '000.00.16.H31', applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234' } },
      { idempotencyKey },
    );
    console.log(`dossier ${data.code}; receipt: ${meta.receipt}`);
  } catch (error) {
    if (error instanceof HubProblemError) console.error(error.problem.code, error.problem.detail);
    else throw error;
  }
}

void main();
