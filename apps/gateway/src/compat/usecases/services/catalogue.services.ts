import { PROCEDURE_CODE_PATTERN } from '@hub/contracts';
import { failed, succeeded, type CompatAnswer } from '../../mapping/compat-answer';
import { CompatError } from '../../mapping/compat-errors';
import { coQuanOf, layThuTucOf, linhVucOf, type NativeAgency, type NativeProcedureView, type NativeSector } from '../../mapping/catalogue.mapping';
import { text } from '../../mapping/dossier-record.mapping';
import type { ProcedureNames } from '../../mapping/dossier-view.mapping';
import { problemOf, type CompatContext } from './compat-context';

/** Names looked up one by one only for short lists (a procedure with hundreds of agencies shows codes only). */
const MAX_NAME_LOOKUPS = 50;
const PAGE_SIZE = 100;
const MAX_PAGES = 100;

async function nameOf(ctx: CompatContext, path: string): Promise<string | undefined> {
  const res = await ctx.native.call<{ name?: string }>(ctx, 'GET', path).catch(() => undefined);
  return res?.status === 200 && typeof res.body?.name === 'string' ? res.body.name : undefined;
}

async function namesOf(ctx: CompatContext, resource: 'sectors' | 'agencies', codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length > MAX_NAME_LOOKUPS) return new Map();
  const names = await Promise.all(codes.map(async (code) => [code, await nameOf(ctx, `/v1/${resource}/${encodeURIComponent(code)}`)] as const));
  return new Map(names.filter((n): n is readonly [string, string] => n[1] !== undefined));
}

/** The procedure's name and first sector, for records that carry only the code (best effort: blank when unknown). */
export async function procedureNames(ctx: CompatContext, procedureCode: string): Promise<ProcedureNames> {
  const res = await ctx.native.call<NativeProcedureView>(ctx, 'GET', `/v1/procedures/${encodeURIComponent(procedureCode)}`).catch(() => undefined);
  if (res?.status !== 200) return {};
  const sectorCode = res.body.sectorCodes[0];
  return { name: res.body.name, sectorCode, sectorName: sectorCode ? await nameOf(ctx, `/v1/sectors/${encodeURIComponent(sectorCode)}`) : undefined };
}

/** `LayThuTuc` (`maTTHC`): the procedure in force, in the upper-case shape the catalogue imports. */
export async function layThuTuc(ctx: CompatContext, request: Record<string, unknown>): Promise<CompatAnswer> {
  const code = text(request.maTTHC) ?? text(request.MaTTHC) ?? text(request.matthc);
  if (!code) return failed(CompatError.INVALID_REQUEST, 'Thiếu maTTHC');
  if (!PROCEDURE_CODE_PATTERN.test(code)) return failed(CompatError.INVALID_FIELD, `maTTHC ${code.slice(0, 60)} không đúng dạng mã thủ tục (ví dụ 1.001234)`);
  const res = await ctx.native.call<NativeProcedureView>(ctx, 'GET', `/v1/procedures/${encodeURIComponent(code)}`);
  if (res.status === 404) return failed(CompatError.PROCEDURE_UNKNOWN, `Không tìm thấy thủ tục hành chính có mã ${code} (trường maTTHC)`);
  if (res.status !== 200) throw problemOf(res.body);
  const [sectors, agencies] = await Promise.all([namesOf(ctx, 'sectors', res.body.sectorCodes), namesOf(ctx, 'agencies', res.body.implementingAgencyCodes)]);
  return succeeded('Lấy thông tin thủ tục hành chính thành công', { result: [layThuTucOf(res.body, sectors, agencies)] });
}

async function allPages<T>(ctx: CompatContext, resource: 'agencies' | 'sectors'): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await ctx.native.call<{ items: T[]; total: number }>(ctx, 'GET', `/v1/${resource}?page=${page}&pageSize=${PAGE_SIZE}`);
    if (res.status !== 200) throw problemOf(res.body);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length < PAGE_SIZE) break;
  }
  return items;
}

/** `LayDanhMucCoQuan`: every agency of the catalogue. */
export async function layDanhMucCoQuan(ctx: CompatContext): Promise<CompatAnswer> {
  const agencies = await allPages<NativeAgency>(ctx, 'agencies');
  return succeeded('Lấy danh mục cơ quan thành công', { result: agencies.map(coQuanOf) });
}

/** `LayDanhMucLinhVuc`: every sector of the catalogue. */
export async function layDanhMucLinhVuc(ctx: CompatContext): Promise<CompatAnswer> {
  const sectors = await allPages<NativeSector>(ctx, 'sectors');
  return succeeded('Lấy danh mục lĩnh vực thành công', { result: sectors.map(linhVucOf) });
}
