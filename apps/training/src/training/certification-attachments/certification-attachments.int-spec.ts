import { createHash, randomUUID } from 'node:crypto';
import { tokenFor } from '@nangsuat/auth/testing';
import { attachmentsStreamId, ObjectStorage, objectKeyFor, objectStorageConfigFromEnv } from '@nangsuat/attachments';
import { postAttachment, sampleHtml, samplePdf, samplePng } from '@nangsuat/attachments/testing';
import { startServiceForTest, ServiceTestApp, apiClient, commitCount } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { certificationStreamId } from '@nangsuat/contracts/training';

/**
 * The documents a certification rests on, through HTTP against the real SeaweedFS (S3), PostgreSQL,
 * Kafka and Keycloak: the file's hash is in the event and its chain, the link serves exactly those
 * bytes, readers outside the unit get nothing, and a wrong or too large file is refused with
 * nothing stored and nothing written.
 */
const MAX_BYTES = 200_000;

describe('training: certification attachments (SeaweedFS, PostgreSQL, Keycloak)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  let storage: ObjectStorage;
  const certificationId = `cert-tl-${randomUUID().slice(0, 8)}`;
  const streamId = certificationStreamId(certificationId);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const upload = async (as: string | undefined, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) =>
    postAttachment(`${svc.url}/certifications/${certificationId}/attachments`, as ? await tokenFor(as) : undefined, fields, file);

  beforeAll(async () => {
    process.env.ATTACHMENT_MAX_BYTES = String(MAX_BYTES);
    svc = await startServiceForTest({ service: 'training', rootModule: AppModule });
    api = apiClient(svc.url);
    storage = new ObjectStorage(objectStorageConfigFromEnv());
    const applied = await api('ngokbay.officer', 'POST', '/certifications', {
      certificationId,
      personId: `p-${certificationId}`,
      fullName: 'Trần Văn Minh',
      unitCode: '51-NGOKBAY',
      levelCode: 'expert',
      evidence: [
        { type: 'degree', title: 'Bằng kỹ sư quản lý công nghiệp', reference: 'Số hiệu 123456' },
        { type: 'productivity-training-certificate', title: 'Chứng chỉ chuyên gia năng suất', reference: 'CC-2024-88' },
        { type: 'work-experience', title: 'Xác nhận 5 năm kinh nghiệm', reference: 'QĐ 45/SKHCN' },
      ],
    });
    expect(applied.status).toBe(201);
  });
  afterAll(async () => {
    delete process.env.ATTACHMENT_MAX_BYTES;
    storage?.destroy();
    await svc?.close();
  });

  it('the officer attaches the application and the assessor the certificate: hashes in the events, the chain holds, the bytes stored', async () => {
    const application = samplePdf(`Đơn đề nghị ${certificationId}`);
    const first = await upload('ngokbay.officer', { purpose: 'application', title: 'Đơn đề nghị cấp chứng nhận' }, { bytes: application, name: 'Đơn đề nghị.pdf' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ purpose: 'application', name: 'Đơn đề nghị.pdf', mediaType: 'application/pdf', sizeBytes: application.length, sha256: sha(application), addedBy: 'ngokbay.officer' });
    const certificate = samplePng();
    expect((await upload('qn.assessor', { purpose: 'certificate' }, { bytes: certificate, name: 'chung-nhan.png' })).status).toBe(201);

    const events = await svc.events.readStream(attachmentsStreamId(streamId));
    const data = (i: number) => events[i].data as Record<string, unknown>;
    expect(events.map((e, i) => [e.type, data(i).recordType, data(i).recordId, data(i).purpose, data(i).sha256, e.metadata.actor.username])).toEqual([
      ['AttachmentAdded', 'certification', certificationId, 'application', sha(application), 'ngokbay.officer'],
      ['AttachmentAdded', 'certification', certificationId, 'certificate', sha(certificate), 'qn.assessor'],
    ]);
    expect(data(0).objectKey).toBe(objectKeyFor('training', streamId, sha(application)));
    expect((await svc.events.verifyStream(attachmentsStreamId(streamId))).ok).toBe(true);
    expect(await storage.check(first.body.objectKey)).toEqual({ present: true, sha256: sha(application), sizeBytes: application.length });
  });

  it('readers of the unit list and download through a link; another commune may not', async () => {
    const listed = await api('ngokbay.officer', 'GET', `/certifications/${certificationId}/attachments`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: { purpose: string }) => a.purpose)).toEqual(['application', 'certificate']);
    const link = await api('qn.admin', 'GET', `/certifications/${certificationId}/attachments/${listed.body[0].attachmentId}/link`);
    expect(link.status).toBe(200);
    expect(sha(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()))).toBe(listed.body[0].sha256);
    expect((await api('dakcam.officer', 'GET', `/certifications/${certificationId}/attachments`)).status).toBe(403);
    expect((await api('dakcam.officer', 'GET', `/certifications/${certificationId}/attachments/${listed.body[0].attachmentId}/link`)).status).toBe(403);
    expect((await api('ngokbay.officer', 'GET', `/certifications/${certificationId}/attachments/att-nothing/link`)).status).toBe(404);
    expect((await api('ngokbay.officer', 'GET', '/certifications/khong-co/attachments')).status).toBe(404);
  });

  it('refuses a wrong kind, a too large file, a bad purpose, an outsider, an enterprise or no token: nothing stored, nothing written', async () => {
    const before = await commitCount(svc.events);
    const html = sampleHtml();
    expect((await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: html, name: 'bang.pdf', type: 'application/pdf' })).status).toBe(415);
    expect((await storage.check(objectKeyFor('training', streamId, sha(html)))).present).toBe(false);
    const big = samplePdf('x'.repeat(MAX_BYTES));
    expect((await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: big, name: 'lon.pdf' })).status).toBe(413);
    expect((await storage.check(objectKeyFor('training', streamId, sha(big)))).present).toBe(false);
    const badPurpose = await upload('ngokbay.officer', { purpose: 'anything' }, { bytes: samplePng(), name: 'a.png' });
    expect(badPurpose.status).toBe(400);
    expect(JSON.stringify(badPurpose.body.message)).toMatch(/purpose must be one of: application, evidence, certificate/);
    expect((await upload('dakcam.officer', { purpose: 'evidence' }, { bytes: samplePdf('khác'), name: 'a.pdf' })).status).toBe(403);
    expect((await upload('ent.ngokbay', { purpose: 'evidence' }, { bytes: samplePdf('dn'), name: 'a.pdf' })).status).toBe(403);
    expect((await upload(undefined, { purpose: 'evidence' }, { bytes: samplePdf('x'), name: 'a.pdf' })).status).toBe(401);
    expect(await commitCount(svc.events)).toBe(before);
  });
});
