import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { jose } from '@nangsuat/auth';
import { call, issuer, SERVICES, tokenFor } from './support/platform';

/**
 * The platform as the README's start command brings it up (jest global setup runs scripts/up.sh,
 * global teardown scripts/down.sh): every service healthy against the real servers.
 */
describe('platform smoke test', () => {
  it.each(SERVICES)('%s reports healthy MongoDB and Kafka connections (readiness; the details to operators only)', async (service) => {
    expect(await call(service, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok', service } });
    expect(await call(service, 'GET', '/health/ready')).toMatchObject({ status: 200, body: { status: 'ready', service, checks: { mongodb: 'up', kafka: 'up' } } });
    const details = await call(service, 'GET', '/health/details', { token: await tokenFor('kh.admin') });
    expect(details.status).toBe(200);
    // The audit service's details turn amber ("degraded") while integrity anomalies are open; still ready.
    expect(details.body).toMatchObject({ status: expect.stringMatching(/^(ready|degraded)$/), checks: { mongodb: { status: 'up', detail: expect.stringMatching(/^database nangsuat_/) }, kafka: { status: 'up' } } });
    // Event-sourced services keep their events in PostgreSQL (scripts/up.sh): checked too.
    if (service !== 'audit' && process.env.EVENT_STORE_URL?.startsWith('postgres')) {
      expect(details.body.checks.eventStore).toMatchObject({ status: 'up', detail: `PostgreSQL schema nangsuat_${service.replace(/-/g, '_')}` });
    }
  });

  it.each(SERVICES)('%s serves its OpenAPI document', async (service) => {
    const { status, body } = await call(service, 'GET', '/docs-json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toContain('/health');
  });

  it('makes a Kafka round trip between two services with a Keycloak-issued token', async () => {
    const token = await tokenFor('kh.admin');
    const { status, body } = await call('plans', 'GET', '/diagnostics/kafka-echo/training', { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: 'training', to: 'plans' });
    expect(body.nonce).toEqual(expect.any(String));
  });

  it('refuses a forged token that copies a real one but is signed with another key', async () => {
    const real = jose.decodeJwt(await tokenFor('kh.admin'));
    const { privateKey, publicKey } = await jose.generateKeyPair('RS256');
    const forged = await new jose.SignJWT({ ...real })
      .setProtectedHeader({ alg: 'RS256', kid: (await jose.exportJWK(publicKey)).kid ?? 'forged' })
      .sign(privateKey);
    const { status, body } = await call('plans', 'GET', '/diagnostics/kafka-echo/training', { token: forged });
    expect(status).toBe(401);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|stack/i);
    expect(real.iss).toBe(issuer);
  });

  it('writes and reads a document in MongoDB (FerretDB) through mongoose', async () => {
    const connection = await mongoose
      .createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName: 'nangsuat_smoke' })
      .asPromise();
    try {
      const Probe = connection.model('SmokeProbe', new mongoose.Schema({ _id: String, title: String, at: Date }));
      const id = randomUUID();
      await Probe.create({ _id: id, title: 'Kế hoạch 4009/KH-UBND', at: new Date() });
      const read = await Probe.findById(id).lean();
      expect(read?.title).toBe('Kế hoạch 4009/KH-UBND'.normalize('NFC'));
      await Probe.deleteOne({ _id: id });
    } finally {
      await connection.close();
    }
  });

  it.each([
    ['a missing KAFKA_BROKERS', { KAFKA_BROKERS: undefined }, /KAFKA_BROKERS is required/],
    ['a malformed MONGODB_URI', { MONGODB_URI: 'postgres://127.0.0.1/x' }, /MONGODB_URI must be a MongoDB connection string/],
  ])('refuses to start a service with %s, naming the variable', (_case, override, message) => {
    const root = join(__dirname, '..');
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: '3999',
      MONGODB_URI: 'mongodb://127.0.0.1:1',
      KAFKA_BROKERS: '127.0.0.1:1',
      OIDC_ISSUER: issuer,
      OTEL_SDK_DISABLED: 'true',
      ...override,
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const run = spawnSync(process.execPath, ['-r', join(root, 'scripts/runtime-paths.js'), join(root, 'dist/apps/training/src/main.js')], {
      env: env as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Configuration of the training service is invalid/);
  });
});
