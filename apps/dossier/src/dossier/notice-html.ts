import { formatInZone } from '@hub/calendar';
import type { DossierState, Notice, NoticeForm } from './domain/dossier-state';

/** Titles of the forms (Circular 01/2018, renumbered by Circular 03/2025). */
export const NOTICE_TITLES: Readonly<Record<NoticeForm, string>> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** `10 giờ 30, ngày 12 tháng 01 năm 2026` in Asia/Ho_Chi_Minh. */
export function vietnameseDateTime(at: Date): string {
  const [date, time] = formatInZone(at).split('T');
  const [year, month, day] = date.split('-');
  return `${time.slice(0, 2)} giờ ${time.slice(3, 5)}, ngày ${day} tháng ${month} năm ${year}`;
}

function noticeSection(dossier: DossierState, procedureName: string | null, notice: Notice): string {
  const rows: Array<[string, string]> = [
    ['Mã hồ sơ', dossier.code],
    ['Thủ tục hành chính', procedureName ?? dossier.procedureCode],
    ['Ngày tiếp nhận', vietnameseDateTime(dossier.receivedAt)],
    ...(dossier.dueAt && notice.form !== '04' ? [['Hạn giải quyết', vietnameseDateTime(dossier.dueAt)] as [string, string]] : []),
    ...(notice.reason ? [['Lý do', notice.reason] as [string, string]] : []),
    ...(notice.newDueAt ? [['Ngày hẹn trả kết quả mới', vietnameseDateTime(notice.newDueAt)] as [string, string]] : []),
  ];
  return `<section class="notice">
<p class="header">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p>
<p>Số: ${escapeHtml(notice.number)}</p>
<h1>${NOTICE_TITLES[notice.form]}</h1>
<p class="form">Mẫu số ${notice.form}</p>
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<p class="signed">${escapeHtml(vietnameseDateTime(notice.issuedAt))}<br>Người ký: ${escapeHtml(notice.signedBy)}</p>
</section>`;
}

/** The notices of a dossier as one printable Vietnamese page (one notice per printed page). */
export function renderNoticesHtml(dossier: DossierState, procedureName: string | null): string {
  const style = 'body{font-family:"Times New Roman",serif;margin:2cm}h1{text-align:center;font-size:16pt}.header,.form{text-align:center}' +
    'th{text-align:left;padding-right:1em;vertical-align:top}.signed{text-align:right;margin-top:2em}.notice{page-break-after:always}';
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thông báo hồ sơ ${escapeHtml(dossier.code)}</title><style>${style}</style></head>
<body>
${dossier.notices.length === 0 ? '<p>Hồ sơ chưa có thông báo nào.</p>' : dossier.notices.map((n) => noticeSection(dossier, procedureName, n)).join('\n')}
</body></html>
`;
}
