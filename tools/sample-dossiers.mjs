// Sample dossiers for `npm start`: a few hundred dossiers synced through the gateway by the sample agency system,
// across the sample agencies, in every status, some overdue (old and still processing), some extended (form 04).
// Idempotent: every record has version 1, so a restart answers `unchanged`.

const PATHS = {
  1: [], 2: [], 3: [3], 4: [2, 4], 5: [2, 4, 5], 6: [2, 4, 6], 7: [2, 7], 8: [2, 4, 8], 9: [2, 4, 9], 10: [2, 4, 9, 10],
};
const DAY = 86_400_000;
const local = (ms) => {
  const d = new Date(ms + 7 * 3_600_000);
  return d.toISOString().slice(0, 19) + '+07:00';
};
const at9 = (ms) => Math.floor((ms + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000 + 9 * 3_600_000;

async function json(res) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${res.status} ${text.slice(0, 200)}`);
  }
}

/** Procedures (with their channels) each agency implements, from the public catalogue. */
async function proceduresOf(gatewayUrl, agency) {
  const page = await json(await fetch(`${gatewayUrl}/v1/procedures?agency=${agency}&pageSize=50`));
  const found = [];
  for (const hit of page.items ?? []) {
    const p = await json(await fetch(`${gatewayUrl}/v1/procedures/${hit.code}`));
    const channels = (p.channels ?? []).map((c) => c.channel);
    if ((p.implementingAgencyCodes ?? []).includes(agency) && channels.length > 0) found.push({ code: p.code, channels });
  }
  return found;
}

export function sampleRecord(agency, procedure, i, now) {
  const status = (i % 10) + 1;
  const receivedMs = at9(now - (5 + ((i * 7) % 200)) * DAY);
  const yymmdd = local(receivedMs).slice(2, 10).replaceAll('-', '');
  const steps = PATHS[status].map((s, k) => ({ at: local(receivedMs + (k + 1) * DAY), status: s, handledBy: 'Cán bộ mẫu', content: 'Bước xử lý mẫu' }));
  const statusChangedAt = steps.at(-1)?.at ?? local(receivedMs);
  const notices = [];
  if (status === 4 && i % 3 === 0) {
    notices.push({ form: '04', number: `${i}/TB-MAU`, issuedAt: steps[1].at, signedBy: 'Lãnh đạo mẫu', reason: 'Cần xác minh thêm (mẫu)', newDueAt: local(at9(receivedMs + 120 * DAY) + 8 * 3_600_000) });
  }
  if (status === 8) notices.push({ form: '05', number: `${i}/DXL-MAU`, issuedAt: statusChangedAt, signedBy: 'Lãnh đạo mẫu', reason: 'Dừng xử lý (mẫu)' });
  return {
    code: `${agency}-${yymmdd}-${String(5000 + i).padStart(4, '0')}`,
    version: 1,
    procedureCode: procedure.code,
    receivingAgencyCode: agency,
    channel: procedure.channels[i % procedure.channels.length],
    status,
    receivedAt: local(receivedMs),
    statusChangedAt,
    applicant: { fullName: `Công dân mẫu ${i}`, idNumber: String(1_000_000 + i).padStart(12, '0') },
    summary: 'Hồ sơ mẫu (sample data)',
    steps,
    documents: [{ name: 'Đơn đề nghị (mẫu)', copies: 1, digitised: i % 4 !== 0 }],
    fees: i % 2 === 0 ? [{ code: 'LP01', name: 'Lệ phí (mẫu)', amount: 50_000 }] : [],
    results: status >= 9 ? [{ name: 'Kết quả (mẫu)', number: `KQ-${i}`, electronic: i % 2 === 0 }] : [],
    ...(notices.length > 0 ? { notices } : {}),
  };
}

/**
 * Syncs the sample dossiers; records whose procedure the dossier service has not heard of yet (the catalogue's
 * events are still on their way) are sent again a few times.
 */
export async function seedSampleDossiers(gatewayUrl, syncKey, agencies, log, count = 300) {
  const now = Date.now();
  const plans = [];
  for (const agency of agencies) {
    for (const procedure of await proceduresOf(gatewayUrl, agency)) plans.push({ agency, procedure });
  }
  if (plans.length === 0) return log('sample dossiers: no sample procedure found for the sample agencies; skipped');
  let pending = Array.from({ length: count }, (_, i) => sampleRecord(plans[i % plans.length].agency, plans[i % plans.length].procedure, i, now));
  const tally = {};
  for (let attempt = 1; attempt <= 10 && pending.length > 0; attempt++) {
    const res = await fetch(`${gatewayUrl}/v1/dossiers:sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': syncKey },
      body: JSON.stringify({ dossiers: pending }),
    });
    const body = await json(res);
    if (res.status !== 200) throw new Error(`sample dossiers: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    const retry = [];
    body.results.forEach((r, i) => {
      if (r.outcome === 'rejected' && r.problem?.retryable) retry.push(pending[i]);
      else {
        const key = r.outcome === 'rejected' ? `rejected ${r.problem?.code}` : r.outcome;
        tally[key] = (tally[key] ?? 0) + 1;
      }
    });
    pending = retry;
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 3000));
  }
  log(`sample dossiers: ${JSON.stringify(tally)}${pending.length > 0 ? `, ${pending.length} still waiting for the catalogue` : ''}`);
}
