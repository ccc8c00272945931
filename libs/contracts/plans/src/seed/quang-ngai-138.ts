/**
 * Kế hoạch số 138/KH-UBND, 19/6/2025, UBND tỉnh Quảng Ngãi — known only from what the Ngọk Bay
 * commune plan says about it (../shared/seeds/000_1b883cd46b70c639.txt): number, date, issuer, title.
 */
import { PlanSeed } from './types';

export const QUANG_NGAI_138: PlanSeed = {
  planId: 'quang-ngai-138-2025',
  source: '000_1b883cd46b70c639.txt',
  content: {
    title: 'Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh Quảng Ngãi đến năm 2030',
    issuingUnit: '51',
    issuingBody: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
    horizonYears: [2030],
    generalObjectives: [],
    targets: [],
    tasks: [],
    funding: [],
    responsibilities: [
      {
        agency: 'Sở Khoa học và Công nghệ',
        role: 'lead',
        duties: ['Hướng dẫn tổ chức triển khai thực hiện Kế hoạch (Công văn số 336/SKHCN-TĐC ngày 22/7/2025); nhận báo cáo của các xã'],
      },
    ],
    reporting: {},
    notes: [
      'Only the number, date, issuer and title are known (cited by the Ngọk Bay commune plan); targets, tasks, signer and reporting rules are to be entered from the document itself.',
      'Issued on 19/06/2025 by the province before Kon Tum (62) merged into it on 01/07/2025; communes of former Kon Tum such as Ngọk Bay implement it.',
    ],
  },
  issue: { documentNumber: '138/KH-UBND', issueDate: '19/6/2025' },
  missing: ['signer', 'general objectives', 'targets', 'tasks', 'funding', 'reporting rules', 'implemented national plan'],
};
