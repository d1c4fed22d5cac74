import { capNhatTienDoHoSoMC, dongBoHoSoMC, traCuuHoSo } from './dossier.services';
import { layDanhMucCoQuan, layDanhMucLinhVuc, layThuTuc } from './catalogue.services';
import type { CompatService } from './compat-context';
import { dongBoDanhGia } from './rating.services';

/** Every `service` the compatibility endpoint answers, by its name in the national portal's vocabulary. */
export const COMPAT_SERVICES: Readonly<Record<string, CompatService>> = {
  DongBoHoSoMC: dongBoHoSoMC,
  CapNhatTienDoHoSoMC: capNhatTienDoHoSoMC,
  TraCuuHoSo: traCuuHoSo,
  LayThuTuc: layThuTuc,
  LayDanhMucCoQuan: layDanhMucCoQuan,
  LayDanhMucLinhVuc: layDanhMucLinhVuc,
  DongBoDanhGia: dongBoDanhGia,
};

export const COMPAT_SERVICE_NAMES = Object.keys(COMPAT_SERVICES);
