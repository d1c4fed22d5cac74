import { isInAgencyScope } from '@hub/platform';
import { DOSSIER_CODE_PATTERN } from '@hub/contracts';
import { failed, succeeded, type CompatAnswer } from '../../mapping/compat-answer';
import { CompatError, compatMeaningOf, describeProblem, dossierFieldName, progressFieldName } from '../../mapping/compat-errors';
import { mapDossierRecord, text, type NativeSyncRecord } from '../../mapping/dossier-record.mapping';
import { compatDossierOf, type NativeDossierView } from '../../mapping/dossier-view.mapping';
import { mapProgressRecord, type NativeStep } from '../../mapping/progress.mapping';
import { agencyOfDossier, problemOf, type CompatContext } from './compat-context';
import { procedureNames } from './catalogue.services';

/** The largest `data` of one call: the native sync's batch limit. */
export const MAX_COMPAT_BATCH = 1000;

interface RecordOutcome {
  MaHoSo: string | null;
  error_code: number;
  message: string;
  TrangThaiHoSo?: string;
  KetQua?: string;
  MaTraCuu?: string;
}
interface NativeProblemBody {
  code: string;
  detailVi?: string;
  field?: string;
}

function dataOf(request: Record<string, unknown>): unknown[] | CompatAnswer {
  const data = request.data;
  if (!Array.isArray(data)) return failed(CompatError.INVALID_REQUEST, 'Trường data phải là một mảng (JSON array)');
  if (data.length === 0) return failed(CompatError.INVALID_REQUEST, 'Trường data phải có ít nhất một bản ghi');
  if (data.length > MAX_COMPAT_BATCH) return failed(CompatError.BATCH_TOO_LARGE, `Trường data có ${data.length} bản ghi; mỗi lần gọi tối đa ${MAX_COMPAT_BATCH} bản ghi`);
  return data;
}

const outOfScope = (code: string): RecordOutcome => ({
  MaHoSo: code,
  error_code: CompatError.AGENCY_NOT_IN_SCOPE,
  message: describeProblem(compatMeaningOf('AGENCY_SCOPE_VIOLATION').vi, 'MaHoSo', code),
});

function nativeRefusal(code: string | null, problem: NativeProblemBody, fieldName: (f?: string) => string | undefined): RecordOutcome {
  const meaning = compatMeaningOf(problem.code);
  return { MaHoSo: code, error_code: meaning.code, message: describeProblem(problem.detailVi ?? meaning.vi, fieldName(problem.field), code ?? undefined) };
}

/** All records accepted → 0; every refusal the same code → that code; otherwise SOME_RECORDS_REJECTED. */
function answerFor(outcomes: RecordOutcome[], success: string): CompatAnswer {
  const refused = outcomes.filter((o) => o.error_code !== 0);
  if (refused.length === 0) return succeeded(success, { result: outcomes });
  const codes = new Set(refused.map((o) => o.error_code));
  const code = codes.size === 1 && refused.length === outcomes.length ? refused[0].error_code : CompatError.SOME_RECORDS_REJECTED;
  const listed = refused.slice(0, 5).map((o) => o.message).join('; ');
  return failed(code, `${refused.length}/${outcomes.length} bản ghi không được tiếp nhận (các bản ghi khác đã được tiếp nhận): ${listed}${refused.length > 5 ? '; …' : ''}`, outcomes);
}

/** `DongBoHoSoMC`: an upsert of full dossier snapshots, whatever `isUpdating` says, through the native sync. */
export async function dongBoHoSoMC(ctx: CompatContext, request: Record<string, unknown>): Promise<CompatAnswer> {
  const data = dataOf(request);
  if (!Array.isArray(data)) return data;
  const outcomes: Array<RecordOutcome | undefined> = new Array(data.length);
  const sent: Array<{ index: number; record: NativeSyncRecord }> = [];
  for (const [index, raw] of data.entries()) {
    const mapped = mapDossierRecord(raw);
    const code = text((raw as { MaHoSo?: unknown } | null)?.MaHoSo) ?? null;
    if (!mapped.ok) outcomes[index] = { MaHoSo: code, error_code: CompatError.INVALID_FIELD, message: describeProblem(mapped.message, mapped.field, code ?? `data[${index}]`) };
    else if (!isInAgencyScope(ctx.caller, mapped.value.receivingAgencyCode)) outcomes[index] = outOfScope(mapped.value.code);
    else sent.push({ index, record: mapped.value });
  }
  if (sent.length > 0) {
    const res = await ctx.native.call<{ results: Array<{ code: string | null; outcome: string; status: number | null; problem?: NativeProblemBody; lookupKey?: string }> }>(ctx, 'POST', '/v1/dossiers:sync', {
      dossiers: sent.map((s) => s.record),
    });
    if (res.status !== 200) throw problemOf(res.body);
    const results = res.body.results;
    for (const [i, { index, record }] of sent.entries()) {
      const r = results[i];
      outcomes[index] = r.problem
        ? nativeRefusal(record.code, r.problem, dossierFieldName)
        : { MaHoSo: record.code, error_code: 0, message: 'Thành công', KetQua: r.outcome, TrangThaiHoSo: String(r.status), ...(r.lookupKey ? { MaTraCuu: r.lookupKey } : {}) };
    }
  }
  return answerFor(outcomes as RecordOutcome[], 'Đồng bộ hồ sơ thành công');
}

/** `CapNhatTienDoHoSoMC`: progress steps, de-duplicated and ordered by the native record-steps; all or nothing per dossier. */
export async function capNhatTienDoHoSoMC(ctx: CompatContext, request: Record<string, unknown>): Promise<CompatAnswer> {
  const data = dataOf(request);
  if (!Array.isArray(data)) return data;
  const byCode = new Map<string, RecordOutcome>();
  const steps: Array<{ index: number; step: NativeStep }> = [];
  const order: string[] = [];
  for (const [index, raw] of data.entries()) {
    const mapped = mapProgressRecord(raw, index);
    const code = text((raw as { MaHoSo?: unknown } | null)?.MaHoSo) ?? `data[${index}]`;
    if (!order.includes(code)) order.push(code);
    if (byCode.has(code)) continue;
    if (!mapped.ok) byCode.set(code, { MaHoSo: code, error_code: CompatError.INVALID_FIELD, message: describeProblem(mapped.message, mapped.field, code) });
    else if (!isInAgencyScope(ctx.caller, agencyOfDossier(mapped.value.code))) byCode.set(code, outOfScope(code));
    else steps.push({ index, step: mapped.value });
  }
  const sendable = steps.filter((s) => !byCode.has(s.step.code));
  if (sendable.length > 0) {
    const res = await ctx.native.call<{ results: Array<{ code: string; outcome: string; status: number | null; problem?: NativeProblemBody }> }>(ctx, 'POST', '/v1/dossiers:record-steps', {
      steps: sendable.map((s) => s.step),
    });
    if (res.status !== 200) throw problemOf(res.body);
    const fieldName = (field?: string) => progressFieldName(field?.replace(/^steps\.(\d+)/, (_, i: string) => `steps.${sendable[Number(i)]?.index ?? i}`));
    for (const r of res.body.results) {
      byCode.set(r.code, r.problem ? nativeRefusal(r.code, r.problem, fieldName) : { MaHoSo: r.code, error_code: 0, message: 'Thành công', KetQua: r.outcome, TrangThaiHoSo: String(r.status) });
    }
  }
  return answerFor(order.map((code) => byCode.get(code) as RecordOutcome), 'Cập nhật tiến độ hồ sơ thành công');
}

/** `TraCuuHoSo` (`mahoso`): the dossier in the vocabulary, or an empty result when unknown or not the caller's. */
export async function traCuuHoSo(ctx: CompatContext, request: Record<string, unknown>): Promise<CompatAnswer> {
  const code = text(request.mahoso) ?? text(request.MaHoSo);
  if (!code) return failed(CompatError.INVALID_REQUEST, 'Thiếu mahoso');
  if (!DOSSIER_CODE_PATTERN.test(code)) return failed(CompatError.INVALID_FIELD, `mahoso ${code.slice(0, 60)} không đúng dạng <mã cơ quan>-<yyMMdd>-<số thứ tự>`);
  const empty = succeeded('Tra cứu hồ sơ thành công', { result: [] });
  if (!isInAgencyScope(ctx.caller, agencyOfDossier(code))) return empty;
  const res = await ctx.native.call<NativeDossierView>(ctx, 'GET', `/v1/dossiers/${code}`);
  if (res.status === 404) return empty;
  if (res.status !== 200) throw problemOf(res.body);
  const names = await procedureNames(ctx, res.body.procedureCode);
  return succeeded('Tra cứu hồ sơ thành công', { result: [compatDossierOf(res.body, names)] });
}
