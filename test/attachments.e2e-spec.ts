import { createHash } from 'node:crypto';
import { ObjectStorage, objectStorageConfigFromEnv } from '@nangsuat/attachments';
import { postAttachment, samplePdf, sampleXlsx } from '@nangsuat/attachments/testing';
import { plans } from './access-matrix';
import { call, serviceUrl, tokenFor } from './support/platform';

/**
 * A plan's documents across the running platform (scripts/up.sh: the plans and audit services,
 * Kafka, SeaweedFS): the commune officer attaches the signed plan, its SHA-256 travels in the event
 * to the audit ledger, the auditor sees the document and that the bucket still holds those bytes —
 * and when the object in the bucket is replaced behind the platform's back, the auditor is told it
 * no longer matches.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, attempts = 150): Promise<T> {
  let last = await read();
  for (let i = 1; i < attempts && !accept(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

async function upload(planId: string, as: string, fields: Record<string, string>, bytes: Buffer, name: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${serviceUrl('plans')}/plans/${planId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(as)}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

describe('attachments end to end: plans → ledger → audit verification against the bucket', () => {
  const storage = new ObjectStorage(objectStorageConfigFromEnv());
  afterAll(() => storage.destroy());

  it('the hash of an attached plan is in the ledger; a document changed in the bucket is reported as not matching', async () => {
    const planId = await plans.ngokBayDraft();
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const issued = await call('plans', 'POST', `/plans/${planId}/issue`, {
      token: await tokenFor('ngokbay.officer'),
      body: { documentNumber: `${Math.floor(Math.random() * 9e5) + 1e5}/KH-UBND`, issueDate: `02/01/${year}`, signer: { name: 'Nguyễn Văn A' } },
    });
    expect(issued.status).toBeLessThan(300);

    const signed = samplePdf(`Kế hoạch ${planId} (bản ký số)`);
    const attached = await upload(planId, 'ngokbay.officer', { purpose: 'plan-document', planVersion: '1', title: 'Kế hoạch (bản ký số)' }, signed, 'Kế hoạch.pdf');
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ sha256: sha(signed), mediaType: 'application/pdf', planVersion: 1 });

    // An amendment's document needs a version an amendment made; the plan has none yet.
    const noAmendment = await upload(planId, 'ngokbay.officer', { purpose: 'amendment', planVersion: '2' }, sampleXlsx(), 'Bảng chỉ tiêu.xlsx');
    expect(noAmendment.status).toBe(422);
    expect(noAmendment.body.message).toMatch(/not been amended/);
    // Another commune's officer may not attach to it; everyone may read an issued plan's documents.
    expect((await upload(planId, 'dakcam.officer', { purpose: 'plan-document' }, signed, 'x.pdf')).status).toBe(403);
    const listed = await call('plans', 'GET', `/plans/${planId}/attachments`, { token: await tokenFor('ent.phanrang') });
    expect(listed.status).toBe(200);
    expect(listed.body.map((a: { sha256: string }) => a.sha256)).toEqual([sha(signed)]);

    const auditor = { token: await tokenFor('auditor.vn') };
    const path = `/audit/streams/${encodeURIComponent(`plan-${planId}`)}/attachments`;
    const verified = await eventually(() => call('audit', 'GET', path, auditor), (r) => r.status === 200);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, chain: { ok: true } });
    expect(verified.body.attachments).toHaveLength(1);
    expect(verified.body.attachments[0]).toMatchObject({
      name: 'Kế hoạch.pdf',
      sha256: sha(signed),
      sizeBytes: signed.length,
      addedBy: { username: 'ngokbay.officer' },
      object: { status: 'matches', actualSha256: sha(signed) },
    });
    expect(verified.body.attachments[0].event.hash).toMatch(/^[0-9a-f]{64}$/);

    // Someone with access to the bucket replaces the document.
    const forged = samplePdf(`Kế hoạch ${planId} (bản đã sửa)`);
    await storage.put(attached.body.objectKey, forged, 'application/pdf', sha(forged));
    const after = await call('audit', 'GET', path, auditor);
    expect(after.body.ok).toBe(false);
    expect(after.body.chain.ok).toBe(true);
    expect(after.body.attachments[0].object).toEqual({ status: 'changed', actualSha256: sha(forged), actualSizeBytes: forged.length });

    // Only auditors use the audit API.
    expect((await call('audit', 'GET', path, { token: await tokenFor('ngokbay.officer') })).status).toBe(403);
  });

  it("an award decision attached to a nomination travels from awards to the ledger; a replaced decision is reported as changed", async () => {
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const admin = { token: await tokenFor('qn.admin') };
    const council = { token: await tokenFor('qn.council') };
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const dmy = (iso: string) => iso.split('-').reverse().join('/');
    const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const category = await call('awards', 'POST', '/award-categories', {
      ...admin,
      // Every kind of nominee: the console's browser tests, later on this platform, nominate in whichever open category comes first.
      body: { categoryId: `cat-e2e-${run}`, unitCode: '51', name: 'Tập thể, cá nhân, doanh nghiệp tiêu biểu', description: 'Theo Kế hoạch 138/KH-UBND', eligibleNomineeKinds: ['organisation', 'individual', 'enterprise'], period: { from: dmy(inDays(-5)), to: inDays(30) } },
    });
    expect(category.status).toBe(201);
    const nominationId = `nom-e2e-${run}`;
    const nominated = await call('awards', 'POST', '/nominations', {
      token: await tokenFor('ngokbay.officer'),
      body: {
        nominationId,
        categoryId: `cat-e2e-${run}`,
        nominee: { kind: 'enterprise', name: 'HTX Nông nghiệp Ngọk Bay', enterpriseId: 'mst-6101234567' },
        nominatedBy: { kind: 'cooperative-alliance', name: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' },
        unitCode: '51-NGOKBAY',
        achievements: ['Áp dụng 5S, năng suất lao động tăng 12 %'],
      },
    });
    expect(nominated.status).toBe(201);
    expect((await call('awards', 'POST', `/nominations/${nominationId}/evaluation-start`, { ...admin, body: { councilMemberIds: ['qn.council'] } })).status).toBe(200);
    expect((await call('awards', 'POST', `/nominations/${nominationId}/evaluations`, { ...council, body: { score: 88, comment: 'Tiêu biểu' } })).status).toBe(200);
    expect((await call('awards', 'POST', `/nominations/${nominationId}/decision`, { ...council, body: { outcome: 'awarded', decisionDocumentNumber: '456/QĐ-UBND', decisionDate: dmy(today) } })).status).toBe(200);

    const decision = samplePdf(`Quyết định 456/QĐ-UBND ${run}`);
    const attached = await postAttachment(`${serviceUrl('awards')}/nominations/${nominationId}/attachments`, council.token, { purpose: 'decision', title: 'Quyết định 456/QĐ-UBND' }, { bytes: decision, name: 'QĐ 456.pdf' });
    expect(attached.status).toBe(201);

    const auditor = { token: await tokenFor('auditor.vn') };
    const path = `/audit/streams/${encodeURIComponent(`nomination-${nominationId}`)}/attachments`;
    const verified = await eventually(() => call('audit', 'GET', path, auditor), (r) => r.status === 200);
    expect(verified.body).toMatchObject({ ok: true, chain: { ok: true } });
    expect(verified.body.attachments).toEqual([
      expect.objectContaining({ recordType: 'nomination', recordId: nominationId, purpose: 'decision', sha256: sha(decision), addedBy: expect.objectContaining({ username: 'qn.council' }), object: { status: 'matches', actualSha256: sha(decision), actualSizeBytes: decision.length } }),
    ]);
    const forged = samplePdf(`Quyết định 456/QĐ-UBND ${run} (đã sửa)`);
    await storage.put(attached.body.objectKey, forged, 'application/pdf', sha(forged));
    const after = await call('audit', 'GET', path, auditor);
    expect(after.body).toMatchObject({ ok: false, chain: { ok: true } });
    expect(after.body.attachments[0].object.status).toBe('changed');
  });
});
