import { createHash } from 'node:crypto';
import { canonicalJson } from '@nangsuat/event-sourcing';
import { call, issuer, tokenFor } from './support/platform';

/**
 * The export to the national productivity database against the running platform (scripts/up.sh with
 * its demo data): read with the national database's own client credentials, its figures equal the
 * plans progress API's for 4009/KH-UBND, and every fact behind them verifies — as an outside system
 * would check it, with the hashing written in the export — against the root of its day checkpoint
 * that the audit service publishes.
 */
describe('national database export e2e', () => {
  const planId = 'ninh-thuan-4009-2023';
  const asOf = '31/12/2025';
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const leafHash = (l: { eventId: string; streamId: string; streamVersion: number; globalPosition: number; type: string; hash: string }) =>
    sha256(`leaf:${canonicalJson({ eventId: l.eventId, streamId: l.streamId, streamVersion: l.streamVersion, globalPosition: l.globalPosition, type: l.type, hash: l.hash })}`);

  async function clientToken(): Promise<string> {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'nangsuat-national-db', client_secret: 'national-db-local-secret' }),
    });
    const body = (await res.json()) as { access_token?: string };
    expect(body.access_token).toBeDefined();
    return body.access_token!;
  }

  it('is read with the national database’s client credentials; others are refused', async () => {
    const path = `/national-database/plans/${planId}/export?asOf=${asOf}`;
    expect((await call('audit', 'GET', path, { token: await clientToken() })).status).toBe(200);
    expect((await call('audit', 'GET', path, { token: await tokenFor('qn.admin') })).status).toBe(403);
    expect((await call('audit', 'GET', path, { token: await tokenFor('ent.ngokbay') })).status).toBe(403);
    expect((await call('audit', 'GET', path)).status).toBe(401);
    expect((await call('audit', 'GET', '/national-database/plans/no-such-plan/export', { token: await clientToken() })).status).toBe(404);
    const schema = await call('audit', 'GET', '/national-database/schema');
    expect(schema.body).toMatchObject({ $id: expect.stringContaining('national-productivity-export/1') });
  });

  it('carries the progress API’s figures, and every fact verifies against its day checkpoint root', async () => {
    const token = await clientToken();
    const progress = (await call('plans', 'GET', `/plans/${planId}/progress?asOf=${asOf}`, { token: await tokenFor('auditor.vn') })).body;
    // The ledger follows the services over Kafka: wait until it holds what the progress API counted.
    let exported: any;
    for (let i = 0; i < 120; i++) {
      exported = (await call('audit', 'GET', `/national-database/plans/${planId}/export?asOf=${asOf}`, { token })).body;
      if (exported.targets?.every((t: any, k: number) => t.actual === (progress.targets[k].actual ?? null))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(exported.format).toBe('nangsuat-national-productivity-export/1');
    expect(exported.targets.map((t: any) => [t.targetId, t.actual, t.status])).toEqual(progress.targets.map((t: any) => [t.targetId, t.actual ?? null, t.status]));
    for (const [k, t] of exported.targets.entries()) {
      expect([...t.facts].sort()).toEqual([...progress.targets[k].contributingEventIds].sort());
      expect(t.byUnit.map((u: any) => [u.unit, u.actual])).toEqual(progress.targets[k].byUnit.map((u: any) => [u.unit, u.actual]));
    }
    // The demo's recorded achievements make five targets achieved.
    expect(exported.targets.filter((t: any) => t.status === 'achieved').map((t: any) => t.targetId)).toEqual(
      expect.arrayContaining(['productivity-clubs-2025', 'st-tasks-2025', 'hospitals-advanced-tools-2025', 'schools-5s-2025', 'green-productivity-enterprises-2025']),
    );

    const { contentHash, ...body } = exported;
    expect(sha256(canonicalJson(body))).toBe(contentHash);
    const altered = { ...body, targets: body.targets.map((t: any, k: number) => (k === 4 ? { ...t, actual: t.actual + 1 } : t)) };
    expect(sha256(canonicalJson(altered))).not.toBe(contentHash);
    const auditor = await tokenFor('auditor.vn');
    const roots = new Map<string, string>();
    for (const c of exported.proof.checkpoints) {
      const published = await call('audit', 'GET', `/audit/checkpoints?context=${c.context}&date=${c.date}`, { token: auditor });
      expect(published.body.root).toBe(c.root);
      roots.set(`${c.context}|${c.date}`, c.root);
    }
    const facts = new Set(exported.targets.flatMap((t: any) => t.facts));
    expect(exported.proof.inclusions.map((p: any) => p.eventId).sort()).toEqual([...facts].sort());
    for (const p of exported.proof.inclusions) {
      let hash = leafHash(p.leaf);
      for (const step of p.proof.steps) hash = step.side === 'left' ? sha256(`node:${step.hash}${hash}`) : sha256(`node:${hash}${step.hash}`);
      expect(hash).toBe(roots.get(`${p.context}|${p.date}`));
    }
    // A figure altered in transit no longer matches the content hash; a forged leaf no longer reaches the root.
    const forged = { ...exported.proof.inclusions[0].leaf, eventId: 'forged' };
    let h = leafHash(forged);
    for (const step of exported.proof.inclusions[0].proof.steps) h = step.side === 'left' ? sha256(`node:${step.hash}${h}`) : sha256(`node:${h}${step.hash}`);
    expect(h).not.toBe(roots.get(`${exported.proof.inclusions[0].context}|${exported.proof.inclusions[0].date}`));
  });
});
