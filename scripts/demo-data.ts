/**
 * Loads the demo data of scripts/up.sh through the platform's own HTTP APIs, with real Keycloak
 * tokens of the demo users — the same path an official's browser takes. Every command carries an
 * Idempotency-Key, so running it again changes nothing.
 *
 * The plans come from ../shared/seeds as structured in libs/contracts/plans/src/seed, with the
 * recorded achievements of 4009/KH-UBND beside them.
 */
import { NINH_THUAN_ACHIEVEMENTS, NINH_THUAN_ORGANISATIONS, PlanSeed, seedPlans } from '@nangsuat/contracts/plans';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const urls = {
  plans: `http://127.0.0.1:${port('PLANS_PORT', 3001)}`,
  'support-programs': `http://127.0.0.1:${port('SUPPORT_PROGRAMS_PORT', 3002)}`,
  training: `http://127.0.0.1:${port('TRAINING_PORT', 3003)}`,
  awards: `http://127.0.0.1:${port('AWARDS_PORT', 3004)}`,
};
const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:8080/realms/nangsuat';
type Service = keyof typeof urls;

const tokens = new Map<string, string>();
async function tokenFor(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password: 'demo-password' }),
    });
    const body = (await res.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`Keycloak refused demo user ${username}: ${body.error_description ?? res.status}`);
    tokens.set(username, body.access_token);
  }
  return tokens.get(username)!;
}

/** Sends one command; a repeated run gets the first result back (same Idempotency-Key). */
async function command(service: Service, username: string, path: string, key: string, body: unknown): Promise<any> {
  const res = await fetch(`${urls[service]}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tokenFor(username)}`,
      'content-type': 'application/json',
      'idempotency-key': `demo-data.${key}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status === 409 && text.includes('idempotency-key-reused')) {
    // The store already holds this step as an older version of this script wrote it.
    throw new Error(
      `${service} POST ${path}: the store in ${process.env.NANGSUAT_RUN_DIR ?? '.run'} holds demo data written by an older version of this script. ` +
        'Keep it as it is (the platform is up), or start from empty local data: scripts/down.sh, remove that directory, scripts/up.sh.',
    );
  }
  if (!res.ok) throw new Error(`${service} POST ${path} as ${username} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Who drafts and issues each seed plan: an official of the issuing unit (or of its successor). */
const authorOf: Record<string, string> = { '58': 'admin.ninhthuan', '51': 'qn.admin', '51-NGOKBAY': 'ngokbay.officer' };

async function loadPlan(seed: PlanSeed): Promise<void> {
  const author = authorOf[seed.content.issuingUnit] ?? 'kh.admin';
  await command('plans', author, '/plans', `${seed.planId}.draft`, { planId: seed.planId, content: seed.content });
  if (seed.issue) {
    const plan = await command('plans', author, `/plans/${seed.planId}/issue`, `${seed.planId}.issue`, seed.issue);
    console.log(`  plan ${plan.content.documentNumber} "${plan.content.title.slice(0, 70)}…" issued ${plan.issueDateDisplay}, ${plan.content.targets.length} targets`);
  } else {
    console.log(`  plan ${seed.planId} loaded as a draft (${(seed.missing ?? []).join('; ')})`);
  }
}

/**
 * What Ngọk Bay did under 138/KH-UBND, so that progress is not empty: a cooperative's pilot model
 * (5S + VietGAP) approved and completed, a training course with completions (person-times), an
 * expert certified and an award decided — each through its own service, counted by plans over Kafka.
 */
async function loadActivity(): Promise<void> {
  const programme = await command('support-programs', 'qn.admin', '/programmes', 'programme.ngokbay', {
    name: 'Chương trình hỗ trợ doanh nghiệp xây dựng mô hình điểm về năng suất xã Ngọk Bay',
    legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025 của UBND tỉnh Quảng Ngãi', 'Văn bản 336/SKHCN-TĐC ngày 22/7/2025 của Sở KH&CN'],
    planDocumentNumber: '138/KH-UBND',
    funding: { sources: ['state-budget'] },
    eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
    toolsOffered: ['5s', 'kaizen', 'gap-organic'],
    openingDate: '01/08/2025',
    closingDate: '31/12/2030',
    capacity: 2,
    unitCode: '51-NGOKBAY',
  });
  const enterprise = await command('support-programs', 'ent.ngokbay', '/enterprises', 'enterprise.ngokbay', {
    taxCode: '6101000014',
    name: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay',
    unitCode: '51-NGOKBAY',
    sector: 'Nông nghiệp — dược liệu',
    size: 'small',
    group: 'cooperative',
  });
  const registration = await command('support-programs', 'ent.ngokbay', `/programmes/${programme.id}/registrations`, 'registration.ngokbay', {
    enterpriseId: enterprise.id,
    tools: ['5s', 'gap-organic'],
    description: 'Mô hình 5S và VietGAP tại xưởng sơ chế sâm',
  });
  const step = (action: string, user: string, body: unknown = {}) =>
    command('support-programs', user, `/registrations/${registration.id}/${action}`, `registration.ngokbay.${action}`, body);
  await step('review', 'ngokbay.officer');
  await step('approve', 'ngokbay.officer', { note: 'Đủ điều kiện tham gia mô hình điểm' });
  await step('start', 'ent.ngokbay');
  await step('complete', 'ngokbay.officer', {
    productivityGainPercent: 15,
    certificatesObtained: ['VietGAP'],
    evidence: [{ title: 'Biên bản nghiệm thu mô hình điểm', reference: '05/BB-VHXH' }],
  });
  console.log(`  pilot model: ${enterprise.name} in "${programme.name.slice(0, 60)}…" approved and completed`);

  // A course running now: trainees can be registered and completed only while it runs.
  const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const courseId = `ngokbay-5s-kaizen-${day(0)}`;
  await command('training', 'ngokbay.officer', '/courses', `course.${courseId}`, {
    courseId,
    unitCode: '51-NGOKBAY',
    topic: 'Tập huấn áp dụng công cụ 5S và Kaizen cho hợp tác xã',
    startDate: day(0),
    endDate: day(1),
    capacity: 30,
    trainerId: 'ngokbay.trainer',
    planDocumentNumber: '138/KH-UBND',
  });
  const trainees = [
    ['Y Blăng', 'cooperative', 'HTX Nông nghiệp Sâm Ngọc Linh Ngọk Bay'],
    ['A Thuận', 'cooperative', 'HTX Nông nghiệp Sâm Ngọc Linh Ngọk Bay'],
    ['Nguyễn Thị Hoa', 'department', 'Phòng Văn hóa – Xã hội xã Ngọk Bay'],
    ['Trần Văn Đức', 'enterprise', 'Công ty TNHH Cà phê Kon Rờ Lòng'],
  ] as const;
  for (const [i, [fullName, organisationType, organisationName]] of trainees.entries()) {
    const personId = `demo-ngokbay-${i + 1}`;
    await command('training', 'ngokbay.officer', `/courses/${courseId}/registrations`, `course.${courseId}.register.${personId}`, { personId, fullName, organisationType, organisationName });
    await command('training', 'ngokbay.trainer', `/courses/${courseId}/attendance`, `course.${courseId}.attend.${personId}`, { sessionId: 's1', personId });
    await command('training', 'ngokbay.trainer', `/courses/${courseId}/completions`, `course.${courseId}.complete.${personId}`, { personId });
  }
  console.log(`  training: course ${courseId}, ${trainees.length} completions (person-times)`);

  const certificationId = 'demo-expert-qn-1';
  await command('training', 'qn.admin', '/certifications', `cert.${certificationId}`, {
    certificationId,
    personId: 'demo-expert-qn-1-person',
    fullName: 'Trần Văn Minh',
    unitCode: '51',
    levelCode: 'expert',
    evidence: [
      { type: 'degree', title: 'Bằng kỹ sư quản lý công nghiệp', reference: 'SH-2019-001' },
      { type: 'productivity-training-certificate', title: 'Chứng chỉ chuyên gia năng suất', reference: 'CC-2024-015' },
      { type: 'work-experience', title: 'Xác nhận 5 năm tư vấn cải tiến năng suất', reference: 'XN-2025-07' },
    ],
  });
  await command('training', 'qn.assessor', `/certifications/${certificationId}/assessment`, `cert.${certificationId}.assess`, {
    scores: [{ criterionCode: 'knowledge', score: 82 }, { criterionCode: 'application', score: 78 }, { criterionCode: 'consulting', score: 74 }],
  });
  await command('training', 'qn.assessor', `/certifications/${certificationId}/grant`, `cert.${certificationId}.grant`, { certificateNumber: 'CGNS-QN-2025-001' });
  console.log('  experts: 1 productivity expert certified in Quảng Ngãi');

  const categoryId = 'qn-productivity-2025';
  await command('awards', 'qn.admin', '/award-categories', `award.${categoryId}`, {
    categoryId,
    unitCode: '51',
    name: 'Tập thể, doanh nghiệp tiêu biểu trong phong trào nâng cao năng suất năm 2025',
    eligibleNomineeKinds: ['enterprise', 'organisation', 'individual'],
    period: { from: '01/01/2025', to: '31/12/2030' },
  });
  const nominationId = 'qn-productivity-2025-htx-ngokbay';
  await command('awards', 'qn.admin', '/nominations', `award.${nominationId}`, {
    nominationId,
    categoryId,
    nominee: { kind: 'enterprise', name: 'HTX Nông nghiệp Sâm Ngọc Linh Ngọk Bay' },
    nominatedBy: { kind: 'cooperative-alliance', name: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' },
    unitCode: '51',
    achievements: ['Áp dụng 5S và VietGAP, năng suất lao động tăng 15 %'],
  });
  await command('awards', 'qn.admin', `/nominations/${nominationId}/evaluation-start`, `award.${nominationId}.start`, { councilMemberIds: ['qn.council'] });
  await command('awards', 'qn.council', `/nominations/${nominationId}/evaluations`, `award.${nominationId}.evaluate`, { score: 88, comment: 'Mô hình hiệu quả, có thể nhân rộng' });
  await command('awards', 'qn.council', `/nominations/${nominationId}/decision`, `award.${nominationId}.decide`, { outcome: 'awarded', decisionDocumentNumber: '1234/QĐ-UBND' });
  console.log('  awards: 1 nomination decided (awarded, 1234/QĐ-UBND)');
}

/**
 * The five targets of 4009/KH-UBND no service counts (clubs, S&T tasks, hospitals and clinics,
 * schools applying 5S, green-productivity support): the Department of Science and Technology
 * (kh.department) records the achievements of Ninh Thuận's organisations, the People's Committee
 * office (admin.ninhthuan) verifies them — each reaches the plan's progress over Kafka.
 */
async function loadAchievements(): Promise<void> {
  for (const o of NINH_THUAN_ORGANISATIONS) await command('plans', 'kh.department', '/organisations', `organisation.${o.organisationId}`, o);
  for (const { key, ...achievement } of NINH_THUAN_ACHIEVEMENTS) {
    const recorded = await command('plans', 'kh.department', '/achievements', `achievement.${key}`, { achievementId: `demo-nt-${key}`, ...achievement });
    await command('plans', 'admin.ninhthuan', `/achievements/${recorded.achievementId}/verification`, `achievement.${key}.verify`, { note: 'Đã đối chiếu hồ sơ minh chứng' });
  }
  const counts = NINH_THUAN_ACHIEVEMENTS.reduce<Record<string, number>>((n, a) => ({ ...n, [a.indicator]: (n[a.indicator] ?? 0) + 1 }), {});
  console.log(`  achievements of Ninh Thuận recorded and verified: ${Object.entries(counts).map(([i, n]) => `${i} ${n}`).join(', ')}`);
}

async function main(): Promise<void> {
  console.log('demo data: seed plans');
  for (const seed of seedPlans) await loadPlan(seed);
  console.log('demo data: activity in Ngọk Bay and Quảng Ngãi');
  await loadActivity();
  console.log('demo data: recorded achievements for 4009/KH-UBND');
  await loadAchievements();
}

main().catch((error) => {
  console.error(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
