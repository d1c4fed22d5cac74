import { isInAgencyScope } from '@hub/platform';
import { failed, succeeded, type CompatAnswer } from '../../mapping/compat-answer';
import { CompatError, describeProblem } from '../../mapping/compat-errors';
import { mapRatingRecord, type NativeSatisfactionSummary } from '../../mapping/rating.mapping';
import { problemOf, type CompatContext } from './compat-context';

const MAX_SUMMARIES = 500;

/**
 * `DongBoDanhGia`: monthly satisfaction aggregates, upserted per agency, month and question (a later call replaces
 * the earlier). All or nothing: one bad record refuses the call, naming it.
 */
export async function dongBoDanhGia(ctx: CompatContext, request: Record<string, unknown>): Promise<CompatAnswer> {
  const data = request.data;
  if (!Array.isArray(data)) return failed(CompatError.INVALID_REQUEST, 'Trường data phải là một mảng (JSON array)');
  if (data.length === 0) return failed(CompatError.INVALID_REQUEST, 'Trường data phải có ít nhất một bản ghi');
  if (data.length > MAX_SUMMARIES) return failed(CompatError.BATCH_TOO_LARGE, `Trường data có ${data.length} bản ghi; mỗi lần gọi tối đa ${MAX_SUMMARIES} bản ghi`);
  const summaries: NativeSatisfactionSummary[] = [];
  for (const [index, raw] of data.entries()) {
    const mapped = mapRatingRecord(raw, index, ctx.agency);
    if (!mapped.ok) return failed(CompatError.INVALID_FIELD, describeProblem(mapped.message, mapped.field));
    if (!isInAgencyScope(ctx.caller, mapped.value.agencyCode)) return failed(CompatError.AGENCY_NOT_IN_SCOPE, describeProblem(`Hệ thống không được phép báo cáo cho đơn vị ${mapped.value.agencyCode}`, `data[${index}].MaDonVi`));
    summaries.push(mapped.value);
  }
  const res = await ctx.native.call(ctx, 'PUT', '/v1/ratings/satisfaction-summaries', { summaries });
  if (res.status !== 200) throw problemOf(res.body);
  return succeeded('Đồng bộ kết quả đánh giá thành công', { result: { SoBanGhi: summaries.length } });
}
