import { trainingAwards } from './access-matrix';
import { call, tokenFor } from './support/platform';

/** Awards against the running platform: category → nomination → council evaluation → decision with its number → close. */
describe('awards e2e', () => {
  const as = async (username: string, method: string, path: string, body?: unknown) => call('awards', method, path, { token: await tokenFor(username), body });

  it('nominates, evaluates, decides with a decision number and closes; the list shows it', async () => {
    const categoryId = await trainingAwards.quangNgaiCategory().catch(async () => `matrix-cat-${trainingAwards.run}`);
    const nominationId = `e2e-nom-${trainingAwards.run}`;
    const nominated = await as('ngokbay.officer', 'POST', '/nominations', {
      nominationId,
      categoryId,
      nominee: { kind: 'individual', name: 'Nguyễn Thị Hoa', personId: `p-${nominationId}` },
      nominatedBy: { kind: 'officer', name: 'Phòng Văn hóa – Xã hội xã Ngọk Bay' },
      unitCode: '51-NGOKBAY',
      achievements: ['Hướng dẫn 20 hộ áp dụng GAP'],
    });
    expect(nominated.status).toBe(201);
    expect((await as('qn.admin', 'POST', `/nominations/${nominationId}/evaluation-start`, { councilMemberIds: ['qn.council'] })).status).toBe(200);
    expect((await as('qn.council', 'POST', `/nominations/${nominationId}/evaluations`, { score: 91, comment: 'Xuất sắc' })).status).toBe(200);
    expect((await as('qn.council', 'POST', `/nominations/${nominationId}/evaluations`, { score: 91, comment: 'again' })).status).toBe(409);
    const decided = await as('qn.council', 'POST', `/nominations/${nominationId}/decision`, { outcome: 'awarded', decisionDocumentNumber: '45/2025/QĐ-UBND' });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ outcome: 'awarded', decisionDocumentNumber: '45/2025/QĐ-UBND', averageScore: 91 });
    expect((await as('qn.admin', 'POST', `/nominations/${nominationId}/close`)).status).toBe(200);
    let list: { status: number; body: any } = { status: 0, body: undefined };
    for (let i = 0; i < 150; i++) {
      list = await as('qn.admin', 'GET', `/nominations?unit=51&status=closed&q=nguyen%20thi%20hoa`);
      if (list.body?.items?.some((n: any) => n.nominationId === nominationId)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(list.body.items.map((n: any) => n.nominationId)).toContain(nominationId);
    expect((await as('auditor.vn', 'POST', `/nominations/${nominationId}/close`)).status).toBe(403);
    expect((await as('kh.admin', 'GET', `/nominations/${nominationId}`)).status).toBe(403);
  });
});
