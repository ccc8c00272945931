import { createHash } from 'node:crypto';
import { tokenFor } from '@nangsuat/auth/testing';
import { attachmentsStreamId, ObjectStorage, objectKeyFor, objectStorageConfigFromEnv } from '@nangsuat/attachments';
import { samplePdf, samplePng, sampleHtml, sampleDocx } from '@nangsuat/attachments/testing';
import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { registrationStreamId } from '@nangsuat/contracts/support-programs';
import { client, taxCodeFrom } from '../testing/http-client';

/**
 * Documents of a pilot-model registration through HTTP against the real SeaweedFS (S3), PostgreSQL,
 * FerretDB, Kafka and Keycloak: the file's hash is in the event and its chain, the download link
 * serves exactly those bytes, and a file of the wrong kind or too large is refused with nothing
 * stored and nothing written.
 */
const MAX_BYTES = 200_000;

describe('support-programs: registration attachments (SeaweedFS, PostgreSQL, Keycloak)', () => {
  let service: ServiceTestApp;
  let api: ReturnType<typeof client>;
  let storage: ObjectStorage;
  let registrationId: string;
  let streamId: string;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const commits = () => service.events.countCommits();

  async function upload(as: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }, headers: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    const res = await fetch(`${service.url}/registrations/${encodeURIComponent(registrationId)}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(as)}`, ...headers },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    process.env.ATTACHMENT_MAX_BYTES = String(MAX_BYTES);
    service = await startServiceForTest({ service: 'support-programs', rootModule: AppModule });
    api = client(service.url);
    storage = new ObjectStorage(objectStorageConfigFromEnv());
    const programme = await api.post('/programmes', 'qn.admin', {
      name: 'Mô hình điểm có hồ sơ đính kèm',
      legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025'],
      funding: { sources: ['state-budget'] },
      eligibleGroups: ['cooperative'],
      toolsOffered: ['5s'],
      openingDate: '2025-08-01',
      closingDate: '2030-12-31',
      capacity: 2,
      unitCode: '51-NGOKBAY',
    });
    expect(programme.status).toBe(201);
    const enterprise = await api.post('/enterprises', 'ent.ngokbay', {
      taxCode: taxCodeFrom('610100077'),
      name: 'Hợp tác xã Sâm Ngọc Linh',
      unitCode: '51-NGOKBAY',
      sector: 'Nông nghiệp',
      size: 'small',
      group: 'cooperative',
    });
    expect(enterprise.status).toBe(201);
    const submitted = await api.post(`/programmes/${programme.body.id}/registrations`, 'ent.ngokbay', { tools: ['5s'] });
    expect(submitted.status).toBe(201);
    registrationId = submitted.body.id;
    const [programmeId, enterpriseId] = registrationId.split(':');
    streamId = registrationStreamId(programmeId, enterpriseId);
  });
  afterAll(async () => {
    delete process.env.ATTACHMENT_MAX_BYTES;
    storage?.destroy();
    await service?.close();
  });

  it('the enterprise attaches its application: SHA-256, size, kind and name are in the event, and the chain holds', async () => {
    const bytes = samplePdf(`Hồ sơ đăng ký ${registrationId}`);
    const res = await upload('ent.ngokbay', { purpose: 'application', title: 'Hồ sơ đăng ký mô hình điểm' }, { bytes, name: 'Hồ sơ đăng ký.pdf', type: 'image/png' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ purpose: 'application', name: 'Hồ sơ đăng ký.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, sha256: sha(bytes), addedBy: 'ent.ngokbay' });

    const events = await service.events.readStream(attachmentsStreamId(streamId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'AttachmentAdded',
      data: { recordType: 'registration', recordId: registrationId, sha256: sha(bytes), sizeBytes: bytes.length, mediaType: 'application/pdf', name: 'Hồ sơ đăng ký.pdf', objectKey: objectKeyFor('support-programs', streamId, sha(bytes)) },
      metadata: { actor: { username: 'ent.ngokbay' }, unit: '51-NGOKBAY' },
    });
    expect((await service.events.verifyStream(attachmentsStreamId(streamId))).ok).toBe(true);
    expect(await storage.check(res.body.objectKey)).toEqual({ present: true, sha256: sha(bytes), sizeBytes: bytes.length });
  });

  it('those who may read the registration list its documents and download them through a link; others may not', async () => {
    const listed = await api.get(`/registrations/${registrationId}/attachments`, 'ngokbay.officer');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    const [doc] = listed.body;
    expect(doc).toMatchObject({ kind: 'PDF', name: 'Hồ sơ đăng ký.pdf' });
    expect(doc.addedAtDisplay).toMatch(/^\d{2}:\d{2}(:\d{2})? \d{2}\/\d{2}\/\d{4}$|^\d{2}\/\d{2}\/\d{4}/);

    const link = await api.get(`/registrations/${registrationId}/attachments/${doc.attachmentId}/link`, 'ent.ngokbay');
    expect(link.status).toBe(200);
    expect(link.body.url).toContain('X-Amz-Signature=');
    const downloaded = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(sha(downloaded)).toBe(doc.sha256);

    for (const outsider of ['ent.phanrang', 'dakcam.officer']) {
      expect((await api.get(`/registrations/${registrationId}/attachments`, outsider)).status).toBe(403);
      expect((await api.get(`/registrations/${registrationId}/attachments/${doc.attachmentId}/link`, outsider)).status).toBe(403);
    }
    expect((await api.get(`/registrations/${registrationId}/attachments/att-nothing/link`, 'ent.ngokbay')).status).toBe(404);
  });

  it('refuses a file of the wrong kind (by content, whatever its name) or too large: nothing stored, nothing written', async () => {
    const before = await commits();
    const html = sampleHtml();
    const wrong = await upload('ent.ngokbay', { purpose: 'evidence' }, { bytes: html, name: 'bien-ban.pdf', type: 'application/pdf' });
    expect(wrong.status).toBe(415);
    expect(wrong.body.message).toMatch(/HTML.*PDF, PNG, JPEG, Word/);
    expect((await storage.check(objectKeyFor('support-programs', streamId, sha(html)))).present).toBe(false);

    const big = samplePdf('x'.repeat(MAX_BYTES));
    const tooLarge = await upload('ent.ngokbay', { purpose: 'evidence' }, { bytes: big, name: 'lon.pdf' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toMatch(/larger than the 200000 bytes/);
    expect((await storage.check(objectKeyFor('support-programs', streamId, sha(big)))).present).toBe(false);

    const noFile = await upload('ent.ngokbay', { purpose: 'evidence' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toMatch(/multipart\/form-data.*"file"/);
    const badPurpose = await upload('ent.ngokbay', { purpose: 'anything' }, { bytes: samplePng(), name: 'a.png' });
    expect(badPurpose.status).toBe(400);
    expect(JSON.stringify(badPurpose.body.message)).toMatch(/purpose must be one of: application, evidence/);
    expect(await commits()).toBe(before);
  });

  it('another enterprise, an auditor or no token cannot attach', async () => {
    const before = await commits();
    expect((await upload('ent.phanrang', { purpose: 'evidence' }, { bytes: samplePng(), name: 'a.png' })).status).toBe(403);
    expect((await upload('auditor.vn', { purpose: 'evidence' }, { bytes: samplePng(), name: 'a.png' })).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob([samplePng()]), 'a.png');
    expect((await fetch(`${service.url}/registrations/${encodeURIComponent(registrationId)}/attachments`, { method: 'POST', body: form })).status).toBe(401);
    expect(await commits()).toBe(before);
  });

  it('a retried upload (same Idempotency-Key) is one attachment; the same key with another file is refused; the same document twice is a conflict', async () => {
    const docx = sampleDocx('Biên bản nghiệm thu');
    const key = { 'idempotency-key': `attach-evidence-${Date.now()}` };
    const first = await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: docx, name: 'Biên bản.docx' }, key);
    expect(first.status).toBe(201);
    expect(first.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const retried = await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: docx, name: 'Biên bản.docx' }, key);
    expect(retried.status).toBe(201);
    expect(retried.body.attachmentId).toBe(first.body.attachmentId);
    const other = await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: samplePng(), name: 'khac.png' }, key);
    expect(other.status).toBe(422);
    const again = await upload('ngokbay.officer', { purpose: 'evidence' }, { bytes: docx, name: 'Biên bản (2).docx' });
    expect(again.status).toBe(409);
    expect((await service.events.readStream(attachmentsStreamId(streamId))).map((e) => e.data)).toHaveLength(2);
  });
});
