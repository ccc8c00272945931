/**
 * Kế hoạch tổng thể nâng cao năng suất … trên địa bàn xã Ngọk Bay đến năm 2030 — read from
 * ../shared/seeds/000_1b883cd46b70c639.txt. The seed text gives neither the plan's own number nor its
 * issue date (only that it follows Phiếu chuyển 74/PC-VHXH of 30/7/2025), so it loads as a draft;
 * issue it with IssuePlan once the number and date are known.
 */
import type { TaskSection } from '../plan/plan';
import { PlanSeed } from './types';

const VHXH = 'Phòng Văn hóa – Xã hội xã';
const KINH_TE = 'Phòng Kinh tế xã';
const THON = 'Ban Nhân dân các thôn';
const NOTE =
  'The commune plan makes Phòng Văn hóa – Xã hội the focal office that leads the tasks (IV.1); Phòng Kinh tế and the village boards coordinate as IV.2–3 describe. No deadlines are given (details in an appendix not in the seed).';

export const NGOK_BAY_TASKS: readonly TaskSection[] = [
  {
    section: '1',
    title: 'Rà soát, hoàn thiện và triển khai các cơ chế, chính sách thúc đẩy năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo',
    activities: [
      'Tiếp tục rà soát và đề xuất hoàn thiện các cơ chế, chính sách, văn bản quy phạm pháp luật thúc đẩy năng suất',
      'Triển khai, áp dụng bộ chỉ tiêu đo lường năng suất khi được Bộ Khoa học và Công nghệ công bố áp dụng',
      'Khai thác có hiệu quả cơ sở dữ liệu về năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo',
    ],
    lead: VHXH,
    coordinating: [KINH_TE],
    note: NOTE,
  },
  {
    section: '2',
    title: 'Phát triển các hoạt động nghiên cứu, tư vấn, đào tạo và các tổ chức hỗ trợ hoạt động năng suất',
    lead: VHXH,
    note: NOTE,
  },
  {
    section: '2.1',
    title: 'Xây dựng, triển khai các nội dung nghiên cứu về năng suất',
    activities: [
      'Khảo sát, đánh giá các yếu tố tác động nâng cao năng suất; xác định các ngành, nhóm ngành ưu tiên thúc đẩy năng suất lao động của xã',
      'Khảo sát, tính toán chỉ tiêu năng suất các yếu tố tổng hợp TFP',
      'Tổ chức triển khai, áp dụng hệ thống quản lý theo Bộ Tiêu chuẩn ISO 56000 về quản lý đổi mới sáng tạo',
      'Đẩy mạnh ứng dụng khoa học, công nghệ, đổi mới sáng tạo; chuyển đổi số để cải thiện năng suất ở khu vực công',
    ],
    lead: VHXH,
    note: NOTE,
  },
  {
    section: '2.2',
    title: 'Triển khai các hoạt động đào tạo nguồn nhân lực, bồi dưỡng kiến thức để nâng cao năng suất',
    activities: [
      'Tăng cường đầu tư trang thiết bị phục vụ hoạt động đào tạo, bồi dưỡng nguồn nhân lực',
      'Tổ chức các chương trình, khóa đào tạo về các giải pháp nâng cao năng suất, chuyển đổi số, sản xuất thông minh, giao thông thông minh, nông thôn thông minh',
    ],
    lead: VHXH,
    note: NOTE,
  },
  {
    section: '2.3',
    title: 'Nâng cao năng lực các tổ chức hỗ trợ hoạt động năng suất',
    activities: [
      'Tổ chức hoạt động hợp tác, kết nối giữa các tổ chức, cá nhân, doanh nghiệp cung cấp giải pháp công nghệ tham gia các dự án điểm',
      'Tăng cường năng lực của các tổ chức nghiên cứu về năng suất thông qua các chương trình, dự án của Tổ chức Năng suất Châu Á (APO)',
    ],
    lead: VHXH,
    note: NOTE,
  },
  {
    section: '3',
    title: 'Đẩy mạnh việc áp dụng hệ thống quản lý, mô hình, công cụ nâng cao năng suất trong doanh nghiệp',
    activities: [
      'Tiếp tục hỗ trợ doanh nghiệp nâng cao năng suất thông qua việc gắn kết chặt chẽ với các kế hoạch, chương trình, đề án của các ngành, lĩnh vực',
      'Các chương trình, đề án khoa học và công nghệ: Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa; chuyển giao, đổi mới công nghệ; chuyển đổi số doanh nghiệp; truy xuất nguồn gốc; đo lường',
    ],
    lead: VHXH,
    coordinating: [KINH_TE, THON],
    targetIds: ['pilot-model-enterprises-2030'],
    note: NOTE,
  },
  {
    section: '4',
    title: 'Triển khai các hoạt động truyền thông, tuyên truyền và hợp tác về năng suất',
    activities: [
      'Xây dựng chương trình truyền thông, tuyên truyền, phổ biến kiến thức về năng suất; tôn vinh, khen thưởng các tổ chức, cá nhân và doanh nghiệp có đóng góp',
      'Tổ chức tham quan, học tập kinh nghiệm tại các đơn vị xã, phường trên địa bàn tỉnh',
      'Khuyến khích, hỗ trợ doanh nghiệp tham gia các dự án hợp tác quốc tế (OECD, Ngân hàng Thế Giới, UNDP, ILO, APO)',
    ],
    lead: VHXH,
    coordinating: [KINH_TE, THON],
    note: NOTE,
  },
];

export const NGOK_BAY_COMMUNE: PlanSeed = {
  planId: 'ngok-bay-2025',
  source: '000_1b883cd46b70c639.txt',
  content: {
    title: 'Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo trên địa bàn xã Ngọk Bay đến năm 2030',
    issuingUnit: '51-NGOKBAY',
    issuingBody: 'Ủy ban nhân dân xã Ngọk Bay',
    horizonYears: [2030],
    implementsPlan: '138/KH-UBND',
    references: [
      { documentNumber: '138/KH-UBND', issueDate: '19/6/2025', issuer: 'Ủy ban nhân dân tỉnh Quảng Ngãi', relation: 'implements' },
      {
        documentNumber: '336/SKHCN-TĐC',
        issueDate: '22/7/2025',
        issuer: 'Sở Khoa học và Công nghệ',
        title: 'Tổ chức triển khai thực hiện Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh Quảng Ngãi đến năm 2030',
        relation: 'guidance',
      },
      { documentNumber: '74/PC-VHXH', issueDate: '30/7/2025', issuer: 'Phòng Văn hóa – Xã hội', title: 'Phiếu chuyển (tham mưu ban hành Kế hoạch)', relation: 'proposal' },
    ],
    generalObjectives: [
      'Đưa năng suất trở thành động lực phát triển quan trọng trong các ngành, lĩnh vực, thông qua việc ứng dụng các thành tựu mới của khoa học, công nghệ, áp dụng các hệ thống quản lý, công cụ cải tiến năng suất tiên tiến, kết hợp với nghiên cứu, đào tạo, bồi dưỡng nguồn nhân lực, phù hợp xu thế của cuộc Cách mạng công nghiệp lần thứ tư.',
      'Triển khai các nhiệm vụ khoa học và công nghệ, hỗ trợ doanh nghiệp trong nghiên cứu, đổi mới, chuyển giao và ứng dụng công nghệ để nâng cao năng suất; xây dựng, triển khai các nhiệm vụ khoa học và công nghệ, kế hoạch nâng cao năng suất lao động, năng suất các nhân tố tổng hợp (TFP) dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo.',
    ],
    targets: [
      {
        id: 'pilot-model-enterprises-2030',
        indicator: 'pilot-model-enterprises',
        label: { vi: 'Doanh nghiệp trên địa bàn xã xây dựng, triển khai mô hình điểm', en: 'Enterprises of the commune building and running pilot models' },
        unit: 'enterprises',
        milestoneYear: 2030,
        comparison: 'range',
        min: 1,
        max: 2,
        source: 'counted',
        quote: 'Có khoảng 01 - 02 doanh nghiệp trên địa bàn xã xây dựng và triển khai các dự án, mô hình điểm',
      },
    ],
    tasks: NGOK_BAY_TASKS,
    funding: [
      { kind: 'state-budget', description: 'Nguồn vốn ngân sách nhà nước theo quy định của Luật Ngân sách và các quy định hiện hành' },
      { kind: 'other-lawful', description: 'Nguồn vốn huy động hợp pháp khác' },
    ],
    responsibilities: [
      {
        agency: VHXH,
        role: 'lead',
        duties: [
          'Là cơ quan đầu mối, tham mưu giúp Ủy ban nhân dân xã triển khai Kế hoạch; chủ trì, phối hợp với các cơ quan liên quan thực hiện các nhiệm vụ được giao',
          'Tham mưu Ủy ban nhân dân xã tổ chức đánh giá, sơ kết, tổng kết việc thực hiện Kế hoạch',
          'Định kỳ hoặc đột xuất tham mưu Ủy ban nhân dân xã tổng hợp, báo cáo Sở Khoa học và Công nghệ kết quả triển khai thực hiện',
        ],
      },
      {
        agency: KINH_TE,
        role: 'coordinate',
        duties: [
          'Phối hợp tuyên truyền, phổ biến chính sách, giới thiệu, hướng dẫn, đề cử doanh nghiệp, hợp tác xã tham gia',
          'Chủ động nắm bắt nhu cầu, vướng mắc của doanh nghiệp trên địa bàn xã đến tăng năng suất lao động',
          'Tham mưu Ủy ban nhân dân xã phân bổ kinh phí thực hiện Kế hoạch; hướng dẫn, kiểm tra, quyết toán kinh phí',
        ],
      },
      {
        agency: THON,
        role: 'member',
        duties: [
          'Tuyên truyền, nắm bắt nhu cầu, vướng mắc liên quan đến tăng năng suất lao động của người dân, các hợp tác xã trên địa bàn thôn, tổng hợp gửi về Ủy ban nhân dân xã (qua Phòng Văn hoá - Xã hội xã)',
        ],
      },
    ],
    reporting: { reportTo: 'Sở Khoa học và Công nghệ (qua Ủy ban nhân dân xã)', adHoc: true },
    notes: [
      'The seed gives neither the commune plan\'s number and issue date nor its signer; it was drafted on the proposal of Phòng Văn hóa – Xã hội (Phiếu chuyển số 74/PC-VHXH, 30/7/2025).',
      'Reports go to Sở Khoa học và Công nghệ "định kỳ hoặc đột xuất"; the seed sets no annual deadline or review years.',
    ],
  },
  missing: ['document number', 'issue date', 'signer', 'annual report deadline'],
};
