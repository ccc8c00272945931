/**
 * Kế hoạch số 4009/KH-UBND, 26/9/2023, UBND tỉnh Ninh Thuận — read from
 * ../shared/seeds/003_b3bcd61c4e613232.txt (a press release of the plan). Quotes are verbatim.
 */
import type { Target, TaskSection } from '../plan/plan';
import { PlanSeed } from './types';

const DEPARTMENTS = [
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Văn hoá, thể thao và Du lịch',
  'Sở Thông tin và Truyền thông',
  'Sở Y Tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Lao động - Thương binh và Xã hội',
];
const DOST = 'Sở Khoa học và Công nghệ';
const ASSOCIATIONS = ['Liên minh Hợp tác xã tỉnh', 'Hiệp hội Doanh nghiệp tỉnh'];

const t = (target: Target): Target => target;

export const NINH_THUAN_4009_TARGETS: readonly Target[] = [
  // ---- by 2025
  t({
    id: 'labour-productivity-growth-2025',
    indicator: 'labour-productivity-growth',
    label: { vi: 'Tăng năng suất lao động bình quân', en: 'Average labour-productivity growth' },
    unit: '%/year',
    milestoneYear: 2025,
    comparison: 'range',
    min: 6.5,
    max: 7,
    source: 'reported',
    quote: 'Phấn đấu đạt mục tiêu tăng năng suất lao động bình quân 6,5 đến 7%/năm',
    note: 'The same sentence forecasts labour growth of 3–4% and an average annual labour-productivity growth of 10–11%/year; the target is 6,5–7%/năm.',
  }),
  t({
    id: 'tfp-contribution-2025',
    indicator: 'tfp-contribution',
    label: { vi: 'Đóng góp của TFP trong tăng trưởng GRDP', en: 'TFP contribution to GRDP growth' },
    unit: '%',
    milestoneYear: 2025,
    comparison: 'range',
    min: 44,
    max: 45,
    source: 'reported',
    quote: 'các yếu tố năng suất tổng hợp (TFP) đạt mức 44-45% trong tăng trưởng kinh tế (GRDP) của tỉnh',
  }),
  t({
    id: 'pilot-model-enterprises-2025',
    indicator: 'pilot-model-enterprises',
    label: { vi: 'Doanh nghiệp vừa và nhỏ xây dựng, triển khai mô hình điểm', en: 'SMEs building and running pilot models' },
    unit: 'enterprises',
    milestoneYear: 2025,
    comparison: 'range',
    min: 2,
    max: 5,
    source: 'counted',
    quote: 'Có khoảng 02-05 doanh nghiệp vừa và nhỏ của tỉnh xây dựng và triển khai dự án, mô hình điểm',
  }),
  t({
    id: 'trained-person-times-2025',
    indicator: 'trained-person-times',
    label: { vi: 'Lượt người được đào tạo, tập huấn', en: 'Person-times trained' },
    unit: 'person-times',
    milestoneYear: 2025,
    comparison: 'more-than',
    value: 150,
    source: 'counted',
    quote: 'Trên 150 lượt người',
  }),
  t({
    id: 'productivity-clubs-2025',
    indicator: 'productivity-clubs',
    label: { vi: 'Câu lạc bộ cải tiến năng suất tại trường', en: 'Productivity-improvement clubs at universities/colleges' },
    unit: 'clubs',
    milestoneYear: 2025,
    comparison: 'at-least',
    value: 1,
    source: 'counted',
    quote: 'Hình thành ít nhất 01 câu lạc bộ cải tiến năng suất',
  }),
  t({
    id: 'st-tasks-2025',
    indicator: 'st-tasks',
    label: { vi: 'Nhiệm vụ KH&CN về nâng cao năng suất chất lượng', en: 'S&T tasks on productivity and quality' },
    unit: 'tasks',
    milestoneYear: 2025,
    comparison: 'at-least',
    value: 4,
    source: 'counted',
    quote: 'ít nhất 04 nhiệm vụ khoa học và công nghệ các cấp',
    note: 'Stated under tasks (section 2.1) without a year; counted towards the plan period to 2025 (DOMAIN.md).',
  }),
  t({
    id: 'hospitals-advanced-tools-2025',
    indicator: 'hospitals-advanced-tools',
    label: { vi: 'Bệnh viện, phòng khám áp dụng công cụ, hệ thống quản lý tiên tiến', en: 'Hospitals/clinics applying advanced tools' },
    unit: 'facilities',
    milestoneYear: 2025,
    comparison: 'at-least',
    value: 7,
    source: 'counted',
    quote: 'ít nhất 07 bệnh viện, phòng khám',
    note: 'Stated under tasks (section 3) without a year; plan period to 2025.',
  }),
  t({
    id: 'schools-5s-2025',
    indicator: 'schools-5s',
    label: { vi: 'Trường học áp dụng công cụ 5S', en: 'Schools applying 5S' },
    unit: 'schools',
    milestoneYear: 2025,
    comparison: 'at-least',
    value: 10,
    source: 'counted',
    quote: 'Hỗ trợ áp dụng công cụ 5S tại ít nhất 10 trường học',
    note: 'Stated under tasks (section 3) without a year; plan period to 2025.',
  }),
  t({
    id: 'green-productivity-enterprises-2025',
    indicator: 'green-productivity-enterprises',
    label: { vi: 'Doanh nghiệp được hỗ trợ giải pháp năng suất xanh', en: 'Enterprises supported for green productivity' },
    unit: 'enterprises',
    milestoneYear: 2025,
    comparison: 'at-least',
    value: 5,
    source: 'counted',
    quote: 'Hỗ trợ 05 doanh nghiệp triển khai các giải pháp nâng cao năng suất, năng suất xanh',
    note: 'The text says "Hỗ trợ 05 doanh nghiệp" (support 05 enterprises): read as at least 5. Stated under tasks (section 3) without a year; plan period to 2025.',
  }),
  // ---- by 2030
  t({
    id: 'labour-productivity-growth-2030',
    indicator: 'labour-productivity-growth',
    label: { vi: 'Tăng năng suất lao động bình quân', en: 'Average labour-productivity growth' },
    unit: '%/year',
    milestoneYear: 2030,
    comparison: 'more-than',
    value: 7,
    source: 'reported',
    quote: 'Phấn đấu đạt mục tiêu tăng năng suất lao động bình quân trên 7%/năm',
  }),
  t({
    id: 'tfp-contribution-2030',
    indicator: 'tfp-contribution',
    label: { vi: 'Đóng góp của TFP trong tăng trưởng GRDP', en: 'TFP contribution to GRDP growth' },
    unit: '%',
    milestoneYear: 2030,
    comparison: 'above-national-average',
    source: 'reported',
    quote: 'các yếu tố năng suất tổng hợp (TFP) đạt mức trên trung bình của cả nước',
  }),
  t({
    id: 'pilot-model-enterprises-2030',
    indicator: 'pilot-model-enterprises',
    label: { vi: 'Doanh nghiệp vừa và nhỏ xây dựng, triển khai mô hình điểm', en: 'SMEs building and running pilot models' },
    unit: 'enterprises',
    milestoneYear: 2030,
    comparison: 'range',
    min: 5,
    max: 10,
    source: 'counted',
    quote: 'Có khoảng 05-10 doanh nghiệp vừa và nhỏ của tỉnh xây dựng và triển khai dự án, mô hình điểm',
  }),
  t({
    id: 'trained-person-times-2030',
    indicator: 'trained-person-times',
    label: { vi: 'Lượt người được đào tạo, tập huấn', en: 'Person-times trained' },
    unit: 'person-times',
    milestoneYear: 2030,
    comparison: 'more-than',
    value: 500,
    source: 'counted',
    quote: 'Trên 500 lượt người',
  }),
  t({
    id: 'certified-experts-2030',
    indicator: 'certified-experts',
    label: { vi: 'Chuyên gia đạt tiêu chuẩn chuyên gia năng suất', en: 'Certified productivity experts' },
    unit: 'experts',
    milestoneYear: 2030,
    comparison: 'range',
    min: 5,
    max: 10,
    source: 'counted',
    quote: 'phát triển 05-10 chuyên gia đạt tiêu chuẩn chuyên gia năng suất',
  }),
];

const LEAD_NOTE =
  'The text names Sở Khoa học và Công nghệ as the focal agency that leads the plan\'s tasks (Tổ chức thực hiện, 1) and assigns no lead per section; coordinating agencies are those the implementation section ties to the same work. Sub-sections 2.1–2.3 are numbered here; the seed lists them unnumbered.';

export const NINH_THUAN_4009_TASKS: readonly TaskSection[] = [
  {
    section: '1',
    title: 'Rà soát, hoàn thiện cơ chế, chính sách thúc đẩy hoạt động nâng cao năng suất chất lượng; thúc đẩy năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo',
    activities: [
      'Nghiên cứu vận dụng các chính sách hỗ trợ, quản lý cơ chế tài chính của Trung ương ban hành để xây dựng, ban hành một số cơ chế, chính sách hỗ trợ, khuyến khích doanh nghiệp',
      'Áp dụng Bộ chỉ tiêu đo lường năng suất gắn với hoạt động khoa học, công nghệ và đổi mới sáng tạo của quốc gia',
      'Xây dựng cơ sở dữ liệu về năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo tại địa phương',
    ],
    lead: DOST,
    coordinating: DEPARTMENTS,
    note: LEAD_NOTE,
  },
  {
    section: '2',
    title: 'Phát triển các hoạt động nghiên cứu, tư vấn, đào tạo và các tổ chức hỗ trợ hoạt động năng suất',
    lead: DOST,
    note: LEAD_NOTE,
  },
  {
    section: '2.1',
    title: 'Xây dựng, triển khai các nội dung nghiên cứu và tư vấn về năng suất',
    activities: [
      'Đề xuất đặt hàng, hỗ trợ triển khai ít nhất 04 nhiệm vụ khoa học và công nghệ các cấp về nâng cao năng suất chất lượng',
      'Nghiên cứu, áp dụng các hệ thống quản lý, mô hình, công cụ cải tiến năng suất chất lượng (ISO 56000, năng suất dịch vụ công, năng suất xanh, năng suất bền vững)',
    ],
    lead: DOST,
    coordinating: [...DEPARTMENTS, 'Sở Kế hoạch và Đầu tư'],
    targetIds: ['st-tasks-2025'],
    note: LEAD_NOTE,
  },
  {
    section: '2.2',
    title: 'Triển khai các hoạt động đào tạo nguồn nhân lực, bồi dưỡng kiến thức để nâng cao năng suất',
    activities: [
      'Xây dựng và triển khai các chương trình đào tạo, bồi dưỡng về năng suất, sở hữu trí tuệ, kỹ năng đổi mới sáng tạo tại trường đại học, cơ sở giáo dục nghề nghiệp',
      'Tổ chức đào tạo nhân lực quản lý về năng suất, chất lượng',
      'Hỗ trợ doanh nghiệp tham gia các khóa đào tạo của các tổ chức tiêu chuẩn hóa quốc tế, khu vực, quốc gia',
    ],
    lead: DOST,
    coordinating: ['Bộ Khoa học và Công nghệ', 'Tổng cục Tiêu chuẩn Đo lường Chất lượng', ...ASSOCIATIONS],
    targetIds: ['trained-person-times-2025', 'trained-person-times-2030', 'productivity-clubs-2025', 'certified-experts-2030'],
    note: LEAD_NOTE,
  },
  {
    section: '2.3',
    title: 'Tăng cường năng lực của tổ chức hỗ trợ hoạt động năng suất chất lượng',
    activities: ['Phát triển mạng lưới các tổ chức tư vấn hỗ trợ hoạt động năng suất tại địa phương'],
    lead: DOST,
    note: LEAD_NOTE,
  },
  {
    section: '3',
    title: 'Đẩy mạnh hoạt động hỗ trợ doanh nghiệp áp dụng các giải pháp nâng cao năng suất, chất lượng; hoạt động đổi mới sáng tạo trong doanh nghiệp, tạo đột phá trong nâng cao năng suất, chất lượng',
    activities: [
      'Xây dựng các mô hình điểm về cải tiến năng suất, chất lượng: hỗ trợ 05 doanh nghiệp triển khai các giải pháp nâng cao năng suất, năng suất xanh',
      'Hỗ trợ áp dụng các công cụ, hệ thống quản lý tiên tiến tại ít nhất 07 bệnh viện, phòng khám',
      'Hỗ trợ áp dụng công cụ 5S tại ít nhất 10 trường học',
      'Áp dụng GAP, sản xuất nông nghiệp hữu cơ, năng suất xanh, tiêu chuẩn, quy chuẩn kỹ thuật, truy xuất nguồn gốc',
      'Ứng dụng công nghệ thông tin, công nghệ số trong quản trị doanh nghiệp; chứng nhận sản phẩm, hệ thống quản lý',
    ],
    lead: DOST,
    coordinating: [...DEPARTMENTS, 'Ủy ban nhân dân các huyện, thành phố', ...ASSOCIATIONS],
    targetIds: ['pilot-model-enterprises-2025', 'pilot-model-enterprises-2030', 'green-productivity-enterprises-2025', 'hospitals-advanced-tools-2025', 'schools-5s-2025'],
    note: LEAD_NOTE,
  },
  {
    section: '4',
    title: 'Đẩy mạnh hoạt động thông tin, tuyên truyền về năng suất, chất lượng',
    activities: [
      'Phổ biến rộng rãi các hệ thống quản lý, công cụ cải tiến năng suất, chất lượng',
      'Tổ chức các hình thức thông tin, truyền thông; trao đổi, học tập kinh nghiệm',
      'Tôn vinh, khen thưởng tập thể, cá nhân có thành tích trong hoạt động nâng cao năng suất, chất lượng',
    ],
    lead: DOST,
    coordinating: [...DEPARTMENTS, 'Đài Phát thanh và Truyền hình tỉnh', 'Báo Ninh Thuận', ...ASSOCIATIONS],
    note: LEAD_NOTE,
  },
  {
    section: '5',
    title: 'Tăng cường các hoạt động hợp tác',
    activities: [
      'Tăng cường hợp tác với các tổ chức năng suất trong và ngoài nước',
      'Vận động, khuyến khích doanh nghiệp tham gia các dự án hợp tác nghiên cứu, đào tạo, tư vấn và phát triển chuyên gia năng suất chất lượng với các tổ chức quốc tế',
    ],
    lead: DOST,
    note: LEAD_NOTE,
  },
];

export const NINH_THUAN_4009: PlanSeed = {
  planId: 'ninh-thuan-4009-2023',
  source: '003_b3bcd61c4e613232.txt',
  content: {
    title:
      'Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh Ninh Thuận đến năm 2025, định hướng đến năm 2030',
    issuingUnit: '58',
    issuingBody: 'Ủy ban nhân dân tỉnh Ninh Thuận',
    horizonYears: [2025, 2030],
    generalObjectives: [
      'Đưa năng suất trở thành động lực phát triển quan trọng trong các ngành, lĩnh vực, thông qua ứng dụng các thành tựu mới của khoa học, công nghệ, áp dụng các hệ thống quản lý, công cụ cải tiến năng suất tiên tiến, kết hợp với nghiên cứu, đào tạo, bồi dưỡng nguồn nhân lực, phù hợp xu thế của cuộc cách mạng công nghiệp lần thứ tư.',
      'Triển khai nhiệm vụ khoa học và công nghệ các cấp (cấp quốc gia, cấp bộ, cấp tỉnh, cấp cơ sở), hỗ trợ doanh nghiệp trong nghiên cứu, đổi mới, chuyển giao và ứng dụng công nghệ để nâng cao năng suất; xây dựng, triển khai các nhiệm vụ khoa học và công nghệ, kế hoạch nâng cao năng suất lao động, năng suất các nhân tố tổng hợp (TFP) dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo.',
      'Ưu tiên hỗ trợ các doanh nghiệp nhỏ và vừa, hợp tác xã, doanh nghiệp khởi nghiệp, doanh nghiệp khoa học công nghệ, doanh nghiệp sản xuất, kinh doanh các sản phẩm chủ lực, đặc trưng, tiềm năng và sản phẩm OCOP.',
    ],
    targets: NINH_THUAN_4009_TARGETS,
    tasks: NINH_THUAN_4009_TASKS,
    funding: [
      {
        kind: 'science-technology-budget',
        description: 'Nguồn vốn sự nghiệp khoa học và công nghệ, ưu tiên bố trí hỗ trợ doanh nghiệp thực hiện các nhiệm vụ nâng cao năng suất, chất lượng',
      },
      {
        kind: 'state-budget',
        description: 'Kinh phí ngân sách bố trí hằng năm theo phân cấp quản lý ngân sách hiện hành (Sở Tài chính tổng hợp, tham mưu)',
      },
      {
        kind: 'public-investment',
        description: 'Kế hoạch vốn đầu tư công ưu tiên các dự án đầu tư thuộc lĩnh vực khoa học và công nghệ (Sở Kế hoạch và Đầu tư tổng hợp, tham mưu)',
      },
    ],
    responsibilities: [
      {
        agency: DOST,
        role: 'lead',
        duties: [
          'Là cơ quan đầu mối, tham mưu giúp Ủy ban nhân dân tỉnh quản lý và triển khai Kế hoạch',
          'Chủ trì tổ chức tuyên truyền, phổ biến kiến thức về năng suất chất lượng sản phẩm, hàng hóa',
          'Thống kê, tổng hợp nhu cầu đào tạo, hỗ trợ doanh nghiệp; lập kế hoạch sử dụng kinh phí hằng năm',
          'Lựa chọn đơn vị tư vấn; ký kết hợp đồng đào tạo; theo dõi, giám sát quá trình tổ chức đào tạo',
          'Tổ chức sơ kết thực hiện Kế hoạch vào năm 2025 và tổng kết thực hiện Kế hoạch vào năm 2030',
          'Định kỳ hoặc đột xuất tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Bộ Khoa học và Công nghệ; tham mưu điều chỉnh Kế hoạch',
        ],
      },
      ...DEPARTMENTS.map((agency) => ({
        agency,
        role: 'coordinate' as const,
        duties: [
          'Phối hợp với Sở Khoa học và Công nghệ tuyên truyền, phổ biến mục tiêu, nhiệm vụ của Kế hoạch; lựa chọn, giới thiệu doanh nghiệp tham gia mô hình điểm',
          'Phối hợp đề xuất đặt hàng, triển khai các nhiệm vụ khoa học và công nghệ về xây dựng mô hình điểm',
          'Lồng ghép nhiệm vụ hỗ trợ doanh nghiệp áp dụng các giải pháp nâng cao năng suất, chất lượng trong chương trình, kế hoạch, đề án của ngành',
        ],
      })),
      {
        agency: 'Sở Tài chính',
        role: 'budget',
        duties: ['Hằng năm tổng hợp, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí theo phân cấp quản lý ngân sách hiện hành'],
      },
      {
        agency: 'Sở Kế hoạch và Đầu tư',
        role: 'coordinate',
        duties: [
          'Phối hợp đánh giá hiện trạng năng suất và năng suất các nhân tố tổng hợp (TFP) của tỉnh',
          'Tham mưu bố trí kế hoạch vốn đầu tư công ưu tiên các dự án thuộc lĩnh vực khoa học và công nghệ',
        ],
      },
      {
        agency: 'Ủy ban nhân dân các huyện, thành phố',
        role: 'member',
        duties: [
          'Xây dựng và triển khai Kế hoạch nâng cao năng suất tại địa phương',
          'Lựa chọn, giới thiệu doanh nghiệp tham gia các mô hình điểm',
        ],
      },
      ...ASSOCIATIONS.map((agency) => ({
        agency,
        role: 'member' as const,
        duties: [
          'Vận động, giới thiệu doanh nghiệp, hợp tác xã tham gia các mô hình điểm',
          'Cung cấp thông tin về nhu cầu đào tạo, hỗ trợ của các tổ chức, doanh nghiệp',
          'Tham gia xét chọn khen thưởng tập thể, cá nhân có thành tích',
        ],
      })),
      {
        agency: 'Sở Thông tin và Truyền thông, Đài Phát thanh và Truyền hình tỉnh, Báo Ninh Thuận',
        role: 'coordinate',
        duties: ['Tổ chức thông tin, tuyên truyền và phổ biến về các hoạt động nâng cao năng suất chất lượng'],
      },
      {
        agency: 'Các doanh nghiệp, tổ chức, cá nhân',
        role: 'member',
        duties: ['Chủ động phối hợp tham gia thực hiện Chương trình nâng cao năng suất chất lượng sản phẩm, hàng hóa của đơn vị mình'],
      },
    ],
    reporting: {
      annualDeadline: { day: 10, month: 11 },
      reportTo: 'Ủy ban nhân dân tỉnh (thông qua Sở Khoa học và Công nghệ)',
      midTermReviewYear: 2025,
      finalReviewYear: 2030,
      adHoc: true,
    },
    notes: [
      'Read from a press release of the plan; the appendix of key tasks (Phụ lục) is not in the seed, so tasks carry no deadlines.',
      'The plan the province plan implements (the national plan) is not named in the seed.',
      'Ninh Thuận (58) merged into Khánh Hòa (56) from 01/07/2025; the plan stays readable under 58.',
    ],
  },
  issue: {
    documentNumber: '4009/KH-UBND',
    issueDate: '26/9/2023',
    signer: { name: 'Lê Huyền', position: 'Phó Chủ tịch Ủy ban nhân dân tỉnh' },
  },
};
