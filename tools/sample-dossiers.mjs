// Sample dossiers for `npm start`: a few hundred dossiers synced through the gateway by the sample agency system,
// across the sample agencies, in every status, some overdue (old and still processing), some extended (form 04).
// So that the service-quality index ranks the sample agencies apart, each agency serves differently (PROFILES):
// some of its dossiers finish late, some are paid online (through the payment service and the payment sandbox,
// as a citizen would), and its kiosk syncs ratings, some not satisfied. Everything flows through the hub's real
// APIs and events; nothing is written into the rating service's tables. Idempotent: every record has version 1
// and every rating a source id, so a restart answers `unchanged` and `duplicate`, and paid requests stay paid.

const PATHS = {
  1: [], 2: [], 3: [3], 4: [2, 4], 5: [2, 4, 5], 6: [2, 4, 6], 7: [2, 7], 8: [2, 4, 8], 9: [2, 4, 9], 10: [2, 4, 9, 10],
};
/** A finished dossier paid online: the agency asked for the fee (status 6), the citizen paid, processing went on. */
const PAID_PATH = [2, 4, 6, 4, 9];
const RATEABLE = [2, 3, 5, 9, 10];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * How each sample agency serves, by its position in the sample system's agency list. Of every `lateEvery`
 * finished dossiers one is late, of every `paidEvery` finished dossiers with a fee one is paid online, of every
 * `notSatisfiedEvery` rated dossiers one is rated not satisfied.
 */
export const PROFILES = [
  { lateEvery: 2, paidEvery: 3, notSatisfiedEvery: 2 },
  { lateEvery: 5, paidEvery: 1, notSatisfiedEvery: 6 },
  { lateEvery: 3, paidEvery: 2, notSatisfiedEvery: 3 },
];
const local = (ms) => {
  const d = new Date(ms + 7 * HOUR);
  return d.toISOString().slice(0, 19) + '+07:00';
};
const at9 = (ms) => Math.floor((ms + 7 * HOUR) / DAY) * DAY - 7 * HOUR + 9 * HOUR;

async function json(res) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${res.status} ${text.slice(0, 200)}`);
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

/**
 * The i-th sample dossier of an agency whose round (i / 30: one dossier per agency and status each round) and
 * profile decide the rest. A late one finishes 60 days after its receipt, past any sample time limit; any other
 * moves one step an hour on the day it was received, within any time limit.
 */
export function sampleRecord(agency, procedure, i, now, profile = PROFILES[0]) {
  const status = (i % 10) + 1;
  const round = Math.floor(i / 30);
  const fees = i % 2 === 0 ? [{ code: 'LP01', name: 'Lệ phí (mẫu)', amount: 50_000 }] : [];
  const late = status >= 9 && round % profile.lateEvery === 0;
  const paid = status === 9 && fees.length > 0 && round % profile.paidEvery === 0;
  const path = paid ? PAID_PATH : PATHS[status];
  const gap = late ? (60 * DAY) / path.length : HOUR;
  const receivedMs = at9(now - (5 + (late ? 61 : 0) + ((i * 7) % 200)) * DAY);
  const yymmdd = local(receivedMs).slice(2, 10).replaceAll('-', '');
  const steps = path.map((s, k) => ({ at: local(receivedMs + (k + 1) * gap), status: s, handledBy: 'Cán bộ mẫu', content: 'Bước xử lý mẫu' }));
  const statusChangedAt = steps.at(-1)?.at ?? local(receivedMs);
  const notices = [];
  if (status === 4 && i % 3 === 0) {
    notices.push({ form: '04', number: `${i}/TB-MAU`, issuedAt: steps[1].at, signedBy: 'Lãnh đạo mẫu', reason: 'Cần xác minh thêm (mẫu)', newDueAt: local(at9(receivedMs + 120 * DAY) + 8 * HOUR) });
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
    fees,
    results: status >= 9 ? [{ name: 'Kết quả (mẫu)', number: `KQ-${i}`, electronic: (i + round) % 2 === 0 }] : [],
    ...(notices.length > 0 ? { notices } : {}),
  };
}

/** The rating the applicant of a sample dossier gives at the agency's kiosk an hour after its last step, if any. */
export function sampleRating(record, i, profile = PROFILES[0]) {
  const round = Math.floor(i / 30);
  if (!RATEABLE.includes(record.status) || round % 5 === 4) return null;
  const level = round % profile.notSatisfiedEvery === 0 ? 'NOT_SATISFIED' : round % 2 === 0 ? 'VERY_SATISFIED' : 'SATISFIED';
  return {
    sourceRatingId: `sample-${record.code}`,
    dossierCode: record.code,
    level,
    criteria: [
      { criterion: 'OVERALL', level },
      { criterion: 'STAFF_ATTITUDE', level: level === 'NOT_SATISFIED' ? 'SATISFIED' : level },
    ],
    channel: 'KIOSK',
    ratedAt: local(Date.parse(record.statusChangedAt) + HOUR),
  };
}

/**
 * Everything the sample agency system sends, for a list of (agency, procedures) with at least one procedure each:
 * agencies take turns, each through its own procedures. `paid` are the codes of the dossiers paid online.
 */
export function samplePlan(agencies, now, count = 300) {
  const records = [];
  const ratings = [];
  const paid = [];
  for (let i = 0; i < count; i++) {
    const a = i % agencies.length;
    const { agency, procedures } = agencies[a];
    const profile = PROFILES[a % PROFILES.length];
    const record = sampleRecord(agency, procedures[Math.floor(i / agencies.length) % procedures.length], i, now, profile);
    records.push(record);
    if (record.steps.some((s) => s.status === 6) && record.status === 9) paid.push(record.code);
    const rating = sampleRating(record, i, profile);
    if (rating) ratings.push(rating);
  }
  return { records, ratings, paid };
}

/** Sends items until none is refused for a reason that may pass later (the events are still on their way). */
async function sendUntilSettled(label, items, sendBatch, log, { attempts = 10, chunk = 1000 } = {}) {
  const tally = {};
  let pending = items;
  for (let attempt = 1; attempt <= attempts && pending.length > 0; attempt++) {
    const retry = [];
    for (let i = 0; i < pending.length; i += chunk) {
      const sent = await sendBatch(pending.slice(i, i + chunk));
      for (const key of sent.results) tally[key] = (tally[key] ?? 0) + 1;
      retry.push(...sent.retry);
    }
    pending = retry;
    if (pending.length > 0) await sleep(3000);
  }
  log(`${label}: ${JSON.stringify(tally)}${pending.length > 0 ? `, ${pending.length} still waiting for the hub's events` : ''}`);
}

async function syncRecords(gatewayUrl, syncKey, records, log) {
  await sendUntilSettled('sample dossiers', records, async (pending) => {
    const res = await fetch(`${gatewayUrl}/v1/dossiers:sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': syncKey },
      body: JSON.stringify({ dossiers: pending }),
    });
    const body = await json(res);
    if (res.status !== 200) throw new Error(`sample dossiers: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    const retry = [];
    const results = [];
    body.results.forEach((r, i) => {
      if (r.outcome === 'rejected' && r.problem?.retryable) retry.push(pending[i]);
      else results.push(r.outcome === 'rejected' ? `rejected ${r.problem?.code}` : r.outcome);
    });
    return { results, retry };
  }, log);
}

/** The citizen pays the fee the agency asked for (status 6): portal → payment page → the sandbox says paid. */
async function payOnline(gatewayUrl, { portalKey, sandboxUrl, provider }, dossierCode) {
  const headers = { 'content-type': 'application/json', 'x-api-key': portalKey };
  const view = await fetch(`${gatewayUrl}/v1/payments?dossierCode=${encodeURIComponent(dossierCode)}`, { headers });
  if (view.status === 404) return 'retry'; // the payment service has not seen the dossier yet
  const { requests = [], payments = [] } = await json(view);
  const request = requests.find((r) => r.origin === 'STATUS_6');
  if (!request) return 'retry';
  if (request.state !== 'OPEN') return request.state === 'PAID' ? 'already paid' : `request ${request.state}`;
  let reference = payments.find((p) => p.requestId === request.requestId && p.state === 'PENDING')?.reference;
  if (!reference) {
    const created = await fetch(`${gatewayUrl}/v1/payments`, {
      method: 'POST',
      // Required on payments; one key per payment request, so a retried seed gets the first answer back.
      headers: { ...headers, 'idempotency-key': `sample-payment-${request.requestId}` },
      body: JSON.stringify({ dossierCode, requestId: request.requestId, provider, returnUrl: 'http://127.0.0.1/sample-payment-done' }),
    });
    const body = await json(created);
    if (created.status !== 201) return `payment ${created.status} ${body.code ?? ''}`.trim();
    reference = body.reference;
  }
  const paid = await fetch(`${sandboxUrl}/control/${encodeURIComponent(reference)}/pay`, { method: 'POST' });
  return paid.status === 200 ? 'paid' : `sandbox ${paid.status}`;
}

async function payAll(gatewayUrl, payment, codes, log) {
  await sendUntilSettled('sample online payments', codes, async (pending) => {
    const results = [];
    const retry = [];
    for (const code of pending) {
      const outcome = await payOnline(gatewayUrl, payment, code).catch((e) => `failed ${e.message}`);
      if (outcome === 'retry') retry.push(code);
      else results.push(outcome);
    }
    return { results, retry };
  }, log, { attempts: 20 });
}

async function syncRatings(gatewayUrl, syncKey, ratings, log) {
  await sendUntilSettled('sample ratings', ratings, async (pending) => {
    const res = await fetch(`${gatewayUrl}/v1/ratings:sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': syncKey },
      body: JSON.stringify({ ratings: pending }),
    });
    // A busy rating service may answer late (504): the sync is idempotent on the source ids, so send again.
    if (res.status >= 500) return { results: [], retry: pending };
    const body = await json(res);
    if (res.status !== 200) throw new Error(`sample ratings: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    const retry = [];
    const results = [];
    body.results.forEach((r, i) => {
      // The rating service learns the dossiers and their statuses from the dossier events, a moment after the sync.
      const waiting = r.problem?.code === 'RATEABLE_DOSSIER_NOT_FOUND' || r.problem?.code === 'RATING_WINDOW_CLOSED';
      if (r.outcome === 'rejected' && waiting) retry.push(pending[i]);
      else results.push(r.outcome === 'rejected' ? `rejected ${r.problem?.code}` : r.outcome);
    });
    return { results, retry };
  }, log, { attempts: 20, chunk: 50 });
}

/**
 * Syncs the sample dossiers (records whose procedure the dossier service has not heard of yet are sent again a few
 * times), pays the sample fees online when `payment` ({ portalKey, sandboxUrl, provider }) is given, and syncs the
 * sample ratings.
 */
export async function seedSampleDossiers(gatewayUrl, syncKey, agencies, log, { count = 300, payment } = {}) {
  // The catalogue loads its sample procedures just after it is ready: a fresh start may have to wait for them.
  let withProcedures = [];
  for (let attempt = 1; attempt <= 30 && withProcedures.length < agencies.length; attempt++) {
    if (attempt > 1) await sleep(2000);
    withProcedures = [];
    for (const agency of agencies) {
      const procedures = await proceduresOf(gatewayUrl, agency);
      if (procedures.length > 0) withProcedures.push({ agency, procedures });
    }
  }
  if (withProcedures.length === 0) return log('sample dossiers: no sample procedure found for the sample agencies; skipped');
  const plan = samplePlan(withProcedures, Date.now(), count);
  await syncRecords(gatewayUrl, syncKey, plan.records, log);
  if (payment) await payAll(gatewayUrl, payment, plan.paid, log);
  await syncRatings(gatewayUrl, syncKey, plan.ratings, log);
}
