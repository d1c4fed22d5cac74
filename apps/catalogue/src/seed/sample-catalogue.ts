/**
 * SAMPLE DATA for `npm start` and demos — NOT the national catalogue.
 *
 * Agency codes follow the QCVN 102:2016 shape but are illustrative; procedure codes are in the national
 * `d.dddddd` form but do NOT refer to the real entries of the National Database on Administrative
 * Procedures; names, steps, documents, time limits and fees are realistic but simplified and may be out of
 * date. Calendars are the SAMPLE_NATIONAL_CALENDARS of @hub/calendar (2025–2027), stored with `sample: true`.
 * Replace all of it with the official data (POST /v1/procedures:import accepts the portal's LayThuTuc export).
 */
import type { AgencyLevel, OnlineLevel, TimeLimitUnitV1 } from '@hub/contracts';

export interface SampleAgency {
  code: string;
  name: string;
  level: AgencyLevel;
  parentCode?: string;
}

export const SAMPLE_AGENCIES: SampleAgency[] = [
  { code: '000.00.00.G09', name: 'Bộ Xây dựng (mẫu)', level: 'MINISTRY' },
  { code: '000.00.00.G12', name: 'Bộ Tư pháp (mẫu)', level: 'MINISTRY' },
  { code: '000.00.00.G06', name: 'Bộ Tài chính (mẫu)', level: 'MINISTRY' },
  { code: '000.00.00.H31', name: 'Ủy ban nhân dân thành phố Hà Nội (mẫu)', level: 'PROVINCE' },
  { code: '000.00.15.H31', name: 'Sở Xây dựng thành phố Hà Nội (mẫu)', level: 'UNIT', parentCode: '000.00.00.H31' },
  { code: '000.00.16.H31', name: 'Sở Tư pháp thành phố Hà Nội (mẫu)', level: 'UNIT', parentCode: '000.00.00.H31' },
  { code: '000.00.17.H31', name: 'Sở Nông nghiệp và Môi trường thành phố Hà Nội (mẫu)', level: 'UNIT', parentCode: '000.00.00.H31' },
  { code: '000.00.18.H31', name: 'Sở Tài chính thành phố Hà Nội (mẫu)', level: 'UNIT', parentCode: '000.00.00.H31' },
  { code: '000.00.20.H31', name: 'Trung tâm Phục vụ hành chính công thành phố Hà Nội (mẫu)', level: 'SERVICE_CENTRE', parentCode: '000.00.00.H31' },
  { code: '101.01.00.H31', name: 'Ủy ban nhân dân phường Ba Đình (mẫu)', level: 'COMMUNE', parentCode: '000.00.00.H31' },
  { code: '102.01.00.H31', name: 'Ủy ban nhân dân phường Hoàn Kiếm (mẫu)', level: 'COMMUNE', parentCode: '000.00.00.H31' },
  { code: '000.00.00.H29', name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh (mẫu)', level: 'PROVINCE' },
  { code: '000.00.16.H29', name: 'Sở Tư pháp Thành phố Hồ Chí Minh (mẫu)', level: 'UNIT', parentCode: '000.00.00.H29' },
  { code: 'H29.101', name: 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh (mẫu, mã dạng rút gọn)', level: 'SERVICE_CENTRE', parentCode: '000.00.00.H29' },
  { code: '101.01.00.H29', name: 'Ủy ban nhân dân phường Sài Gòn (mẫu)', level: 'COMMUNE', parentCode: '000.00.00.H29' },
];

export const SAMPLE_SECTORS = [
  { code: 'G09-XD01', name: 'Hoạt động xây dựng' },
  { code: 'G12-HT01', name: 'Hộ tịch' },
  { code: 'G12-CT01', name: 'Chứng thực' },
  { code: 'G12-LL01', name: 'Lý lịch tư pháp' },
  { code: 'G06-DN01', name: 'Thành lập và hoạt động của doanh nghiệp' },
  { code: 'G06-HK01', name: 'Thành lập và hoạt động của hộ kinh doanh' },
  { code: 'G17-DD01', name: 'Đất đai' },
  { code: 'G05-GD01', name: 'Văn bằng, chứng chỉ' },
];

const HN = '000.00.00.H31';
const HCM = '000.00.00.H29';
const COMMUNES = ['101.01.00.H31', '102.01.00.H31', '101.01.00.H29'];

interface SampleProcedure {
  code: string;
  name: string;
  sector: string;
  /** Publishing agency (the province or the ministry). */
  publisher: string;
  implementers: string[];
  onlineLevel: OnlineLevel;
  limit: [number, TimeLimitUnitV1];
  /** Fee in whole VND on the counter channel (0 = free); online is free or the same, see `onlineFee`. */
  fee: number;
  onlineFee?: number;
  feeName?: string;
  documents: string[];
  result: string;
  law: [string, string, string];
  subjects?: string[];
  conditions?: string[];
}

const HO_TICH_LAW: [string, string, string] = ['60/2014/QH13', 'Luật Hộ tịch', '2014-11-20'];
const CHUNG_THUC_LAW: [string, string, string] = ['23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-02-16'];
const XAY_DUNG_LAW: [string, string, string] = ['50/2014/QH13', 'Luật Xây dựng', '2014-06-18'];
const DOANH_NGHIEP_LAW: [string, string, string] = ['59/2020/QH14', 'Luật Doanh nghiệp', '2020-06-17'];
const DAT_DAI_LAW: [string, string, string] = ['31/2024/QH15', 'Luật Đất đai', '2024-01-18'];

export const SAMPLE_PROCEDURES: SampleProcedure[] = [
  { code: '1.009001', name: 'Đăng ký khai sinh', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [1, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'], result: 'Giấy khai sinh', law: HO_TICH_LAW },
  { code: '1.009002', name: 'Đăng ký kết hôn', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'PARTIAL', limit: [1, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai đăng ký kết hôn'], result: 'Giấy chứng nhận kết hôn', law: HO_TICH_LAW, conditions: ['Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên; việc kết hôn do nam và nữ tự nguyện quyết định'] },
  { code: '1.009003', name: 'Đăng ký khai tử', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [1, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai đăng ký khai tử', 'Giấy báo tử hoặc giấy tờ thay thế giấy báo tử'], result: 'Trích lục khai tử', law: HO_TICH_LAW },
  { code: '1.009004', name: 'Đăng ký nhận cha, mẹ, con', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'PARTIAL', limit: [3, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai đăng ký nhận cha, mẹ, con', 'Chứng cứ chứng minh quan hệ cha, mẹ, con'], result: 'Trích lục đăng ký nhận cha, mẹ, con', law: HO_TICH_LAW },
  { code: '1.009005', name: 'Cấp bản sao trích lục hộ tịch', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [1, 'WORKING_DAY'], fee: 8000, onlineFee: 4000, feeName: 'Phí cấp bản sao trích lục hộ tịch (mỗi bản)', documents: ['Tờ khai cấp bản sao trích lục hộ tịch'], result: 'Bản sao trích lục hộ tịch', law: HO_TICH_LAW },
  { code: '1.009006', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân'], result: 'Giấy xác nhận tình trạng hôn nhân', law: HO_TICH_LAW },
  { code: '1.009007', name: 'Đăng ký giám hộ', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'PARTIAL', limit: [1, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai đăng ký giám hộ', 'Văn bản cử người giám hộ'], result: 'Trích lục đăng ký giám hộ', law: HO_TICH_LAW },
  { code: '1.009008', name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'PARTIAL', limit: [3, 'WORKING_DAY'], fee: 15000, documents: ['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Giấy tờ làm căn cứ thay đổi, cải chính'], result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch', law: HO_TICH_LAW },
  { code: '1.009009', name: 'Đăng ký lại khai sinh', sector: 'G12-HT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'PARTIAL', limit: [5, 'WORKING_DAY'], fee: 0, documents: ['Tờ khai đăng ký lại khai sinh', 'Bản sao giấy khai sinh hoặc giấy tờ có thông tin khai sinh'], result: 'Giấy khai sinh', law: HO_TICH_LAW },
  { code: '1.009010', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', sector: 'G12-CT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'PARTIAL', limit: [1, 'WORKING_DAY'], fee: 2000, feeName: 'Phí chứng thực bản sao (mỗi trang)', documents: ['Bản chính giấy tờ, văn bản', 'Bản sao cần chứng thực'], result: 'Bản sao được chứng thực', law: CHUNG_THUC_LAW },
  { code: '1.009011', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', sector: 'G12-CT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'NONE', limit: [1, 'WORKING_DAY'], fee: 10000, feeName: 'Phí chứng thực chữ ký (mỗi trường hợp)', documents: ['Giấy tờ, văn bản cần chứng thực chữ ký'], result: 'Giấy tờ, văn bản được chứng thực chữ ký', law: CHUNG_THUC_LAW },
  { code: '1.009012', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', sector: 'G12-CT01', publisher: HN, implementers: COMMUNES, onlineLevel: 'NONE', limit: [2, 'WORKING_DAY'], fee: 50000, documents: ['Dự thảo hợp đồng, giao dịch', 'Giấy tờ chứng minh quyền sở hữu tài sản'], result: 'Hợp đồng, giao dịch được chứng thực', law: CHUNG_THUC_LAW },
  { code: '2.009013', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', sector: 'G12-LL01', publisher: '000.00.00.G12', implementers: ['000.00.16.H31', '000.00.16.H29'], onlineLevel: 'FULL', limit: [10, 'WORKING_DAY'], fee: 200000, feeName: 'Phí cung cấp thông tin lý lịch tư pháp', documents: ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp giấy tờ tùy thân'], result: 'Phiếu lý lịch tư pháp', law: ['28/2009/QH12', 'Luật Lý lịch tư pháp', '2009-06-17'], subjects: ['Công dân Việt Nam', 'Người nước ngoài cư trú tại Việt Nam'] },
  { code: '1.009014', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II', sector: 'G09-XD01', publisher: HN, implementers: ['000.00.15.H31'], onlineLevel: 'PARTIAL', limit: [20, 'DAY'], fee: 150000, feeName: 'Lệ phí cấp giấy phép xây dựng công trình', documents: ['Đơn đề nghị cấp giấy phép xây dựng', 'Bản vẽ thiết kế xây dựng', 'Giấy tờ hợp pháp về đất đai'], result: 'Giấy phép xây dựng', law: XAY_DUNG_LAW, subjects: ['Tổ chức', 'Doanh nghiệp'] },
  { code: '1.009015', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', sector: 'G09-XD01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [15, 'DAY'], fee: 75000, feeName: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', documents: ['Đơn đề nghị cấp giấy phép xây dựng', 'Bản vẽ thiết kế xây dựng', 'Giấy tờ hợp pháp về đất đai'], result: 'Giấy phép xây dựng', law: XAY_DUNG_LAW },
  { code: '1.009016', name: 'Điều chỉnh giấy phép xây dựng', sector: 'G09-XD01', publisher: HN, implementers: ['000.00.15.H31', ...COMMUNES], onlineLevel: 'PARTIAL', limit: [10, 'DAY'], fee: 75000, documents: ['Đơn đề nghị điều chỉnh giấy phép xây dựng', 'Bản chính giấy phép xây dựng đã được cấp', 'Bản vẽ thiết kế điều chỉnh'], result: 'Giấy phép xây dựng điều chỉnh', law: XAY_DUNG_LAW },
  { code: '1.009017', name: 'Gia hạn giấy phép xây dựng', sector: 'G09-XD01', publisher: HN, implementers: ['000.00.15.H31', ...COMMUNES], onlineLevel: 'FULL', limit: [5, 'WORKING_DAY'], fee: 15000, documents: ['Đơn đề nghị gia hạn giấy phép xây dựng', 'Bản chính giấy phép xây dựng đã được cấp'], result: 'Giấy phép xây dựng được gia hạn', law: XAY_DUNG_LAW },
  { code: '1.009018', name: 'Cấp lại giấy phép xây dựng', sector: 'G09-XD01', publisher: HN, implementers: ['000.00.15.H31', ...COMMUNES], onlineLevel: 'FULL', limit: [5, 'WORKING_DAY'], fee: 15000, documents: ['Đơn đề nghị cấp lại giấy phép xây dựng'], result: 'Giấy phép xây dựng được cấp lại', law: XAY_DUNG_LAW },
  { code: '1.009019', name: 'Cấp giấy phép di dời công trình', sector: 'G09-XD01', publisher: HN, implementers: ['000.00.15.H31'], onlineLevel: 'PARTIAL', limit: [20, 'DAY'], fee: 150000, documents: ['Đơn đề nghị cấp giấy phép di dời công trình', 'Phương án di dời'], result: 'Giấy phép di dời công trình', law: XAY_DUNG_LAW },
  { code: '1.009020', name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', sector: 'G09-XD01', publisher: '000.00.00.G09', implementers: ['000.00.15.H31'], onlineLevel: 'FULL', limit: [20, 'DAY'], fee: 300000, feeName: 'Lệ phí cấp chứng chỉ hành nghề', documents: ['Đơn đề nghị cấp chứng chỉ hành nghề', 'Văn bằng chuyên môn', 'Bản kê khai kinh nghiệm'], result: 'Chứng chỉ hành nghề hoạt động xây dựng', law: XAY_DUNG_LAW },
  { code: '2.009021', name: 'Đăng ký thành lập doanh nghiệp tư nhân', sector: 'G06-DN01', publisher: '000.00.00.G06', implementers: ['000.00.18.H31', 'H29.101'], onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 50000, onlineFee: 0, feeName: 'Lệ phí đăng ký doanh nghiệp', documents: ['Giấy đề nghị đăng ký doanh nghiệp', 'Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân'], result: 'Giấy chứng nhận đăng ký doanh nghiệp', law: DOANH_NGHIEP_LAW, subjects: ['Cá nhân'] },
  { code: '2.009022', name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', sector: 'G06-DN01', publisher: '000.00.00.G06', implementers: ['000.00.18.H31', 'H29.101'], onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 50000, onlineFee: 0, feeName: 'Lệ phí đăng ký doanh nghiệp', documents: ['Giấy đề nghị đăng ký doanh nghiệp', 'Điều lệ công ty', 'Bản sao giấy tờ pháp lý của chủ sở hữu'], result: 'Giấy chứng nhận đăng ký doanh nghiệp', law: DOANH_NGHIEP_LAW, subjects: ['Cá nhân', 'Tổ chức'] },
  { code: '2.009023', name: 'Đăng ký thành lập công ty cổ phần', sector: 'G06-DN01', publisher: '000.00.00.G06', implementers: ['000.00.18.H31', 'H29.101'], onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 50000, onlineFee: 0, feeName: 'Lệ phí đăng ký doanh nghiệp', documents: ['Giấy đề nghị đăng ký doanh nghiệp', 'Điều lệ công ty', 'Danh sách cổ đông sáng lập'], result: 'Giấy chứng nhận đăng ký doanh nghiệp', law: DOANH_NGHIEP_LAW, subjects: ['Cá nhân', 'Tổ chức'] },
  { code: '2.009024', name: 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp', sector: 'G06-DN01', publisher: '000.00.00.G06', implementers: ['000.00.18.H31', 'H29.101'], onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 50000, onlineFee: 0, documents: ['Thông báo thay đổi nội dung đăng ký doanh nghiệp', 'Nghị quyết, quyết định về việc thay đổi'], result: 'Giấy chứng nhận đăng ký doanh nghiệp cập nhật', law: DOANH_NGHIEP_LAW, subjects: ['Doanh nghiệp'] },
  { code: '2.009025', name: 'Đăng ký thành lập hộ kinh doanh', sector: 'G06-HK01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 100000, documents: ['Giấy đề nghị đăng ký hộ kinh doanh', 'Bản sao giấy tờ pháp lý của chủ hộ kinh doanh'], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', law: ['01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04'] },
  { code: '2.009026', name: 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', sector: 'G06-HK01', publisher: HN, implementers: COMMUNES, onlineLevel: 'FULL', limit: [3, 'WORKING_DAY'], fee: 0, documents: ['Thông báo về việc tạm ngừng kinh doanh'], result: 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh', law: ['01/2021/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2021-01-04'] },
  { code: '1.009027', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu', sector: 'G17-DD01', publisher: HN, implementers: ['000.00.17.H31', ...COMMUNES], onlineLevel: 'PARTIAL', limit: [20, 'DAY'], fee: 100000, feeName: 'Lệ phí cấp Giấy chứng nhận', documents: ['Đơn đăng ký đất đai, tài sản gắn liền với đất', 'Giấy tờ về quyền sử dụng đất', 'Sơ đồ tài sản gắn liền với đất'], result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', law: DAT_DAI_LAW },
  { code: '1.009028', name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế', sector: 'G17-DD01', publisher: HN, implementers: ['000.00.17.H31'], onlineLevel: 'PARTIAL', limit: [10, 'DAY'], fee: 50000, documents: ['Đơn đăng ký biến động đất đai', 'Hợp đồng, văn bản về chuyển quyền', 'Bản gốc Giấy chứng nhận đã cấp'], result: 'Giấy chứng nhận đã được xác nhận thay đổi', law: DAT_DAI_LAW },
  { code: '1.009029', name: 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', sector: 'G17-DD01', publisher: HN, implementers: ['000.00.17.H31'], onlineLevel: 'PARTIAL', limit: [10, 'DAY'], fee: 50000, documents: ['Đơn đề nghị cấp lại Giấy chứng nhận', 'Giấy xác nhận của Ủy ban nhân dân cấp xã về việc niêm yết thông báo mất giấy'], result: 'Giấy chứng nhận được cấp lại', law: DAT_DAI_LAW },
  { code: '1.009030', name: 'Tách thửa hoặc hợp thửa đất', sector: 'G17-DD01', publisher: HN, implementers: ['000.00.17.H31'], onlineLevel: 'PARTIAL', limit: [15, 'DAY'], fee: 50000, documents: ['Đơn đề nghị tách thửa đất, hợp thửa đất', 'Bản gốc Giấy chứng nhận đã cấp'], result: 'Giấy chứng nhận của các thửa đất sau tách, hợp', law: DAT_DAI_LAW },
  { code: '1.009031', name: 'Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền', sector: 'G17-DD01', publisher: HCM, implementers: ['101.01.00.H29'], onlineLevel: 'PARTIAL', limit: [15, 'DAY'], fee: 0, documents: ['Đơn xin chuyển mục đích sử dụng đất', 'Giấy chứng nhận quyền sử dụng đất'], result: 'Quyết định cho phép chuyển mục đích sử dụng đất', law: DAT_DAI_LAW },
  { code: '2.009032', name: 'Công nhận văn bằng tốt nghiệp do cơ sở giáo dục nước ngoài cấp', sector: 'G05-GD01', publisher: HCM, implementers: ['H29.101'], onlineLevel: 'FULL', limit: [20, 'WORKING_DAY'], fee: 0, documents: ['Đơn đề nghị công nhận văn bằng', 'Bản sao văn bằng cần công nhận kèm bản dịch tiếng Việt'], result: 'Giấy công nhận văn bằng', law: ['34/2018/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học', '2018-11-19'] },
];

/** The hub-shape import records of the sample procedures (decided 1 July 2025, entered two working days later). */
export function sampleProcedureRecords(): Array<Record<string, unknown>> {
  return SAMPLE_PROCEDURES.map((p) => {
    const channels = [
      { channel: 'COUNTER', timeLimit: { amount: p.limit[0], unit: p.limit[1] }, fees: feeLines(p, p.fee) },
      ...(p.onlineLevel === 'NONE' ? [] : [{ channel: 'ONLINE', timeLimit: { amount: p.limit[0], unit: p.limit[1] }, fees: feeLines(p, p.onlineFee ?? p.fee) }]),
      { channel: 'POSTAL', timeLimit: { amount: p.limit[0], unit: p.limit[1] }, fees: feeLines(p, p.fee) },
    ];
    return {
      code: p.code,
      name: p.name,
      sectorCodes: [p.sector],
      publishingAgencyCode: p.publisher,
      implementingAgencyCodes: p.implementers,
      steps: [
        { title: 'Nộp hồ sơ', description: 'Nộp trực tiếp tại Bộ phận Một cửa, qua dịch vụ bưu chính hoặc trực tuyến trên Cổng Dịch vụ công quốc gia' },
        { title: 'Tiếp nhận và kiểm tra hồ sơ', description: 'Hồ sơ chưa đầy đủ được hướng dẫn bổ sung một lần' },
        { title: 'Giải quyết hồ sơ' },
        { title: 'Trả kết quả' },
      ],
      channels,
      requiredDocuments: p.documents.map((name, i) => ({ name, ...(i === 0 ? { formName: 'Mẫu ban hành kèm theo văn bản quy định' } : {}), originals: 1, copies: 0 })),
      subjects: p.subjects ?? ['Công dân Việt Nam'],
      results: [p.result],
      conditions: p.conditions ?? [],
      legalBasis: [{ number: p.law[0], title: p.law[1], issuedDate: p.law[2] }],
      onlineLevel: p.onlineLevel,
      publicationDecision: { number: `${p.code.slice(-3)}/QĐ-MẪU`, date: '2025-07-01', issuingAgencyCode: p.publisher },
      effectiveFrom: '2025-07-01',
      enteredAt: '2025-07-03T09:00:00+07:00',
    };
  });
}

function feeLines(p: SampleProcedure, amount: number) {
  return amount === 0 ? [] : [{ code: 'LP01', name: p.feeName ?? 'Lệ phí', amount }];
}

/** A sample status mapping of the Hà Nội one-stop system (local codes → national statuses 1–10). */
export const SAMPLE_STATUS_MAPPING = {
  agencyCode: HN,
  mappings: [
    { localCode: 'CHO_TIEP_NHAN', nationalStatus: 1, description: 'Chờ tiếp nhận' },
    { localCode: 'DA_TIEP_NHAN', nationalStatus: 2, description: 'Đã tiếp nhận' },
    { localCode: 'TU_CHOI', nationalStatus: 3, description: 'Từ chối tiếp nhận' },
    { localCode: 'DANG_XU_LY', nationalStatus: 4, description: 'Đang xử lý' },
    { localCode: 'YEU_CAU_BO_SUNG', nationalStatus: 5, description: 'Yêu cầu bổ sung' },
    { localCode: 'CHO_THANH_TOAN', nationalStatus: 6, description: 'Chờ thực hiện nghĩa vụ tài chính' },
    { localCode: 'CONG_DAN_RUT', nationalStatus: 7, description: 'Công dân rút hồ sơ' },
    { localCode: 'DUNG_XU_LY', nationalStatus: 8, description: 'Dừng xử lý' },
    { localCode: 'DA_XU_LY', nationalStatus: 9, description: 'Đã xử lý xong' },
    { localCode: 'DA_TRA_KET_QUA', nationalStatus: 10, description: 'Đã trả kết quả' },
  ],
};
