/**
 * Demo and test data for the five targets of 4009/KH-UBND that no service counts (clubs, S&T
 * tasks, hospitals and clinics, schools applying 5S, enterprises supported in green productivity):
 * organisations of Ninh Thuận (unit 58) and one achievement each, dated between the plan's issue
 * (26/09/2023) and the province's merger into Khánh Hòa (01/07/2025). The organisations' names are
 * illustrative — the seed plan names kinds of organisation, not which ones.
 */
import type { OrganisationKind } from '../achievements/organisation';

export interface OrganisationSeed {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly unitCode: string;
}

export interface AchievementSeed {
  readonly key: string;
  readonly indicator: string;
  readonly organisationId: string;
  readonly subjectRef?: string;
  readonly achievedOn: string;
  readonly description: string;
  readonly evidence: string;
}

const org = (organisationId: string, name: string, kind: OrganisationKind): OrganisationSeed => ({ organisationId, name, kind, unitCode: '58' });

export const NINH_THUAN_ORGANISATIONS: readonly OrganisationSeed[] = [
  org('nt-cd-nghe', 'Trường Cao đẳng Nghề Ninh Thuận', 'college'),
  org('nt-ttud-khcn', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ Ninh Thuận', 'institute'),
  org('nt-bv-da-khoa', 'Bệnh viện Đa khoa tỉnh Ninh Thuận', 'hospital'),
  org('nt-bv-yhct', 'Bệnh viện Y dược cổ truyền tỉnh Ninh Thuận', 'hospital'),
  org('nt-bv-lao', 'Bệnh viện Lao và Bệnh phổi tỉnh Ninh Thuận', 'hospital'),
  org('nt-ttyt-ninh-hai', 'Trung tâm Y tế huyện Ninh Hải', 'hospital'),
  org('nt-ttyt-ninh-phuoc', 'Trung tâm Y tế huyện Ninh Phước', 'hospital'),
  org('nt-pk-phuoc-dan', 'Phòng khám đa khoa khu vực Phước Dân', 'clinic'),
  org('nt-pk-ca-na', 'Phòng khám đa khoa khu vực Cà Ná', 'clinic'),
  ...[
    ['nt-thpt-chu-van-an', 'Trường THPT Chu Văn An'],
    ['nt-thpt-thap-cham', 'Trường THPT Tháp Chàm'],
    ['nt-thpt-le-quy-don', 'Trường THPT chuyên Lê Quý Đôn'],
    ['nt-thcs-le-hong-phong', 'Trường THCS Lê Hồng Phong'],
    ['nt-thcs-tran-phu', 'Trường THCS Trần Phú'],
    ['nt-th-kim-dong', 'Trường Tiểu học Kim Đồng'],
    ['nt-th-phuoc-my', 'Trường Tiểu học Phước Mỹ'],
    ['nt-mn-hoa-sen', 'Trường Mầm non Hoa Sen'],
    ['nt-mn-thanh-hai', 'Trường Mầm non Thanh Hải'],
    ['nt-ptdtnt', 'Trường Phổ thông Dân tộc nội trú tỉnh'],
  ].map(([id, name]) => org(id, name, 'school')),
  ...[
    ['nt-dn-muoi-ca-na', 'Công ty Cổ phần Muối Cà Ná'],
    ['nt-dn-nho-ba-moi', 'Công ty TNHH Nho Ba Mọi'],
    ['nt-dn-nuoc-mam-ca-na', 'Cơ sở nước mắm Cà Ná'],
    ['nt-htx-tao-thai-an', 'Hợp tác xã Táo Thái An'],
    ['nt-dn-tom-giong', 'Công ty TNHH Tôm giống Ninh Thuận'],
  ].map(([id, name]) => org(id, name, id.includes('htx') ? 'cooperative' : 'enterprise')),
];

const a = (key: string, indicator: string, organisationId: string, achievedOn: string, description: string, evidence: string, subjectRef?: string): AchievementSeed => ({
  key,
  indicator,
  organisationId,
  achievedOn,
  description,
  evidence,
  ...(subjectRef ? { subjectRef } : {}),
});

export const NINH_THUAN_ACHIEVEMENTS: readonly AchievementSeed[] = [
  a('club', 'productivity-clubs', 'nt-cd-nghe', '2024-03-15', 'Thành lập Câu lạc bộ cải tiến năng suất của nhà trường', 'Quyết định thành lập CLB số 45/QĐ-CĐN ngày 15/3/2024'),
  ...['01', '02', '03', '04'].map((n, i) =>
    a(`st-task-${n}`, 'st-tasks', 'nt-ttud-khcn', `2024-0${i + 4}-10`, `Đặt hàng nhiệm vụ KH&CN cấp tỉnh về nâng cao năng suất chất lượng số ${n}/2024`, `Quyết định đặt hàng số ${100 + i}/QĐ-SKHCN`, `NV-NS-2024-${n}`),
  ),
  ...['nt-bv-da-khoa', 'nt-bv-yhct', 'nt-bv-lao', 'nt-ttyt-ninh-hai', 'nt-ttyt-ninh-phuoc', 'nt-pk-phuoc-dan', 'nt-pk-ca-na'].map((id, i) =>
    a(`hospital-${i + 1}`, 'hospitals-advanced-tools', id, `2024-${String(6 + i).padStart(2, '0')}-20`, 'Áp dụng công cụ Lean và 5S trong quản lý khám chữa bệnh', `Báo cáo kết quả áp dụng của Sở Y tế số ${20 + i}/BC-SYT`),
  ),
  ...NINH_THUAN_ORGANISATIONS.filter((o) => o.kind === 'school').map((o, i) =>
    a(`school-${i + 1}`, 'schools-5s', o.organisationId, `2024-${String(9 + (i % 4)).padStart(2, '0')}-${String(5 + i).padStart(2, '0')}`, 'Áp dụng công cụ 5S trong nhà trường', `Biên bản đánh giá 5S của Sở Giáo dục và Đào tạo số ${60 + i}/BB-SGDĐT`),
  ),
  ...NINH_THUAN_ORGANISATIONS.filter((o) => o.kind === 'enterprise' || o.kind === 'cooperative').map((o, i) =>
    a(`green-${i + 1}`, 'green-productivity-enterprises', o.organisationId, `2025-0${1 + i}-15`, 'Được hỗ trợ triển khai giải pháp năng suất xanh (tiết kiệm năng lượng, giảm chất thải)', `Hợp đồng hỗ trợ số ${10 + i}/HĐ-TĐC`),
  ),
];
