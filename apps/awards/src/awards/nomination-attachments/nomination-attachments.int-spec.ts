import { createHash, randomUUID } from 'node:crypto';
import { tokenFor } from '@nangsuat/auth/testing';
import { attachmentsStreamId, ObjectStorage, objectKeyFor, objectStorageConfigFromEnv } from '@nangsuat/attachments';
import { postAttachment, sampleDocx, sampleHtml, samplePdf } from '@nangsuat/attachments/testing';
import { startServiceForTest, ServiceTestApp, apiClient, commitCount, ddmmyyyy, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { nominationStreamId } from '@nangsuat/contracts/awards';

/**
 * A nomination's documents and its award decision, through HTTP against the real SeaweedFS (S3),
 * PostgreSQL, Kafka and Keycloak: the dossier is attached when nominating, the signed decision only
 * once the council has decided; hashes in the events, the link serves those bytes, outsiders and
 * wrong files are refused with nothing stored and nothing written.
 */
describe('awards: nomination attachments and the award decision (SeaweedFS, PostgreSQL, Keycloak)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  let storage: ObjectStorage;
  const run = randomUUID().slice(0, 8);
  const nominationId = `nom-tl-${run}`;
  const streamId = nominationStreamId(nominationId);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const upload = async (as: string | undefined, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) =>
    postAttachment(`${svc.url}/nominations/${nominationId}/attachments`, as ? await tokenFor(as) : undefined, fields, file);
  const decision = samplePdf(`Quyết định khen thưởng ${run}`);

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'awards', rootModule: AppModule });
    api = apiClient(svc.url);
    storage = new ObjectStorage(objectStorageConfigFromEnv());
    const category = await api('qn.admin', 'POST', '/award-categories', {
      categoryId: `cat-tl-${run}`,
      unitCode: '51',
      name: 'Doanh nghiệp tiêu biểu trong nâng cao năng suất',
      description: 'Theo Kế hoạch 138/KH-UBND',
      eligibleNomineeKinds: ['enterprise', 'organisation'],
      period: { from: ddmmyyyy(vnDate(-10)), to: vnDate(30) },
    });
    expect(category.status).toBe(201);
    const nominated = await api('ngokbay.officer', 'POST', '/nominations', {
      nominationId,
      categoryId: `cat-tl-${run}`,
      nominee: { kind: 'enterprise', name: 'HTX Nông nghiệp Ngọk Bay', enterpriseId: 'mst-6101234567' },
      nominatedBy: { kind: 'cooperative-alliance', name: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' },
      unitCode: '51-NGOKBAY',
      achievements: ['Áp dụng 5S, năng suất lao động tăng 12 %'],
    });
    expect(nominated.status).toBe(201);
  });
  afterAll(async () => {
    storage?.destroy();
    await svc?.close();
  });

  it('the officer attaches the dossier; the decision is refused until the council has decided, nothing written', async () => {
    const dossier = sampleDocx('Báo cáo thành tích');
    const attached = await upload('ngokbay.officer', { purpose: 'nomination', title: 'Báo cáo thành tích' }, { bytes: dossier, name: 'Báo cáo thành tích.docx' });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ purpose: 'nomination', sha256: sha(dossier), addedBy: 'ngokbay.officer' });
    const before = await commitCount(svc.events);
    const early = await upload('qn.council', { purpose: 'decision' }, { bytes: decision, name: 'QĐ khen thưởng.pdf' });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/once the council has decided; the nomination is nominated/);
    expect(await commitCount(svc.events)).toBe(before);
  });

  it('once decided, the council attaches the signed decision: its hash in the event, the chain holds, the link serves its bytes', async () => {
    expect((await api('qn.admin', 'POST', `/nominations/${nominationId}/evaluation-start`, { councilMemberIds: ['qn.council'] })).status).toBe(200);
    expect((await api('qn.council', 'POST', `/nominations/${nominationId}/evaluations`, { score: 86, comment: 'Mô hình 5S hiệu quả' })).status).toBe(200);
    const decided = await api('qn.council', 'POST', `/nominations/${nominationId}/decision`, { outcome: 'awarded', decisionDocumentNumber: '123/QĐ-UBND', decisionDate: ddmmyyyy(vnDate()) });
    expect(decided.status).toBe(200);
    const attached = await upload('qn.council', { purpose: 'decision', title: 'Quyết định số 123/QĐ-UBND' }, { bytes: decision, name: 'QĐ khen thưởng.pdf' });
    expect(attached.status).toBe(201);
    const events = await svc.events.readStream(attachmentsStreamId(streamId));
    const data = events.map((e) => e.data as Record<string, unknown>);
    expect(data.map((d) => [d.recordType, d.recordId, d.purpose])).toEqual([
      ['nomination', nominationId, 'nomination'],
      ['nomination', nominationId, 'decision'],
    ]);
    expect(data[1]).toMatchObject({ sha256: sha(decision), sizeBytes: decision.length, mediaType: 'application/pdf', objectKey: objectKeyFor('awards', streamId, sha(decision)) });
    expect((await svc.events.verifyStream(attachmentsStreamId(streamId))).ok).toBe(true);
    expect(await storage.check(attached.body.objectKey)).toEqual({ present: true, sha256: sha(decision), sizeBytes: decision.length });

    const listed = await api('ngokbay.officer', 'GET', `/nominations/${nominationId}/attachments`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: { purpose: string; name: string }) => [a.purpose, a.name])).toEqual([
      ['nomination', 'Báo cáo thành tích.docx'],
      ['decision', 'QĐ khen thưởng.pdf'],
    ]);
    const link = await api('qn.admin', 'GET', `/nominations/${nominationId}/attachments/${attached.body.attachmentId}/link`);
    expect(link.status).toBe(200);
    expect(sha(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()))).toBe(sha(decision));
    expect((await api('dakcam.officer', 'GET', `/nominations/${nominationId}/attachments`)).status).toBe(403);
    expect((await api('dakcam.officer', 'GET', `/nominations/${nominationId}/attachments/${attached.body.attachmentId}/link`)).status).toBe(403);
  });

  it('refuses a wrong kind, a bad purpose, another commune, an auditor or no token: nothing stored, nothing written', async () => {
    const before = await commitCount(svc.events);
    const html = sampleHtml();
    expect((await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: html, name: 'anh.png', type: 'image/png' })).status).toBe(415);
    expect((await storage.check(objectKeyFor('awards', streamId, sha(html)))).present).toBe(false);
    const badPurpose = await upload('ngokbay.officer', { purpose: 'award' }, { bytes: samplePdf('x'), name: 'a.pdf' });
    expect(badPurpose.status).toBe(400);
    expect(JSON.stringify(badPurpose.body.message)).toMatch(/purpose must be one of: nomination, evidence, decision/);
    expect((await upload('dakcam.officer', { purpose: 'evidence' }, { bytes: samplePdf('khác'), name: 'a.pdf' })).status).toBe(403);
    expect((await upload('auditor.vn', { purpose: 'evidence' }, { bytes: samplePdf('kt'), name: 'a.pdf' })).status).toBe(403);
    expect((await upload(undefined, { purpose: 'evidence' }, { bytes: samplePdf('x'), name: 'a.pdf' })).status).toBe(401);
    expect(await commitCount(svc.events)).toBe(before);
  });
});
