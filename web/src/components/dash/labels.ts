// Words for the codes the API answers, in both languages, and the tone of each status.
export type Tone = 'ok' | 'info' | 'warn' | 'bad' | 'neutral';
type L = { vi: string; en: string };
const pick = (l: L | undefined, locale: string, fallback: string) => (l ? (locale === 'en' ? l.en : l.vi) : fallback);

const indicatorStatus: Record<string, L & { tone: Tone }> = {
  met: { vi: 'Đạt', en: 'Met', tone: 'ok' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track', tone: 'info' },
  behind: { vi: 'Chậm tiến độ', en: 'Behind', tone: 'bad' },
  no_target: { vi: 'Chưa giao chỉ tiêu', en: 'No target', tone: 'neutral' },
  no_population: { vi: 'Chưa có số dân', en: 'No population figure', tone: 'neutral' },
};
export function indicatorStatusLabel(s: string, locale: string): { text: string; tone: Tone } {
  const l = indicatorStatus[s];
  return { text: pick(l, locale, s), tone: l?.tone ?? 'neutral' };
}

const timeliness: Record<string, L & { tone: Tone }> = {
  on_time: { vi: 'Đúng hạn', en: 'On time', tone: 'ok' },
  late: { vi: 'Trễ hạn', en: 'Late', tone: 'warn' },
  missing: { vi: 'Chưa nộp, quá hạn', en: 'Missing', tone: 'bad' },
  pending: { vi: 'Chưa đến hạn', en: 'Not yet due', tone: 'neutral' },
};
export function timelinessLabel(s: string, locale: string): { text: string; tone: Tone } {
  const l = timeliness[s];
  return { text: pick(l, locale, s), tone: l?.tone ?? 'neutral' };
}

const reportStatus: Record<string, L & { tone: Tone }> = {
  draft: { vi: 'Đang soạn', en: 'Draft', tone: 'neutral' },
  submitted: { vi: 'Đã gửi, chờ duyệt', en: 'Submitted', tone: 'info' },
  approved: { vi: 'Đã duyệt', en: 'Approved', tone: 'ok' },
  returned: { vi: 'Bị trả lại', en: 'Returned', tone: 'warn' },
};
export function reportStatusLabel(s: string | null, locale: string): { text: string; tone: Tone } {
  if (!s) return { text: locale === 'en' ? 'Not opened' : 'Chưa lập', tone: 'neutral' };
  const l = reportStatus[s];
  return { text: pick(l, locale, s), tone: l?.tone ?? 'neutral' };
}

const reportKinds: Record<string, L> = {
  team_monthly: { vi: 'Báo cáo tháng của Tổ', en: 'Team monthly report' },
  commune_monthly: { vi: 'Báo cáo tháng của xã', en: 'Commune monthly report' },
  district_monthly: { vi: 'Báo cáo tháng của huyện', en: 'District monthly report' },
  commune_annual: { vi: 'Báo cáo năm của xã', en: 'Commune annual report' },
};
export function reportKindLabel(k: string, locale: string): string {
  return pick(reportKinds[k], locale, k);
}

const roles: Record<string, L> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  province_officer: { vi: 'Cán bộ cấp tỉnh (Sở)', en: 'Province officer' },
  district_officer: { vi: 'Cán bộ cấp huyện', en: 'District officer' },
  commune_chair: { vi: 'Chủ tịch UBND xã', en: 'Commune chair' },
  commune_officer: { vi: 'Công chức Văn hóa – Xã hội xã', en: 'Commune officer' },
  viewer: { vi: 'Chỉ xem (đơn vị phối hợp)', en: 'Viewer (partner)' },
  team_leader: { vi: 'Tổ trưởng', en: 'Team leader' },
  member: { vi: 'Tổ viên', en: 'Team member' },
};
export const ROLE_CODES = Object.keys(roles);
export function roleLabel(r: string, locale: string): string {
  return pick(roles[r], locale, r);
}

const memberRoles: Record<string, L> = {
  leader: { vi: 'Tổ trưởng', en: 'Leader' },
  deputy: { vi: 'Tổ phó', en: 'Deputy' },
  member: { vi: 'Tổ viên', en: 'Member' },
  collaborator: { vi: 'Cộng tác viên', en: 'Collaborator' },
};
export function memberRoleLabel(r: string | null, locale: string): string {
  if (!r) return '';
  return pick(memberRoles[r], locale, r);
}

// Short names for the chart's axis (the table keeps the full official names).
const shortIndicator: Record<string, L> = {
  vneid: { vi: 'VNeID mức 2', en: 'VNeID level 2' },
  health_record: { vi: 'Sổ sức khỏe điện tử', en: 'Health record app' },
  digital_signature: { vi: 'Chữ ký số', en: 'Digital signature' },
  public_service: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
  payment_account: { vi: 'Tài khoản thanh toán', en: 'Payment account' },
  ecommerce: { vi: 'Thương mại điện tử', en: 'E-commerce' },
  social_network: { vi: 'Mạng xã hội', en: 'Social networks' },
  citizen_app: { vi: 'Ứng dụng công dân số', en: 'Citizen app' },
  qr_payment: { vi: 'Thanh toán QR', en: 'QR payment' },
  cashless_street: { vi: 'Tuyến đường không tiền mặt', en: 'Cashless streets' },
  cashless_market: { vi: 'Chợ không tiền mặt', en: 'Cashless markets' },
};
export function shortIndicatorName(code: string, name: string, locale: string): string {
  const l = shortIndicator[code];
  if (l) return locale === 'en' ? l.en : l.vi;
  return name.length > 32 ? name.slice(0, 30) + '…' : name;
}
