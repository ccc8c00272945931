/**
 * The guard against a REAL Keycloak (the realm of deploy/keycloak/nangsuat-realm.json) plus a local
 * JWKS server for what Keycloak cannot be made to issue.
 *
 * Keycloak (OIDC_ISSUER, or KEYCLOAK_URL + /realms/nangsuat, default http://127.0.0.1:8080/realms/nangsuat):
 * real tokens via the password grant and client credentials; rejections of real tokens that were
 * tampered with, carry another issuer (Keycloak names the issuer after the Host it was asked on, so
 * asking it under another host name yields a genuinely Keycloak-signed token with a wrong `iss`),
 * another audience (the realm's built-in admin-cli client does not add nangsuat-api), are ID tokens,
 * or are forged with `alg: none` / HS256 keyed with Keycloak's own public key.
 *
 * Local JWKS server: Keycloak does not issue expired or not-yet-valid tokens on demand, nor rotate
 * keys under test control. So a second app's guard trusts a small JWKS HTTP server started here, with
 * RSA/EC keys generated here. Every rejection there is paired with a control token signed by the same
 * key with the same claims except the one under test, which the guard accepts — so a 401 can only be
 * due to that claim (exp, nbf, iss, aud, alg, signature, kid). The code path is the one used for
 * Keycloak (createRemoteJWKSet + jwtVerify); only the JWKS URL differs.
 */
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, INestApplication, Module, Param, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { createServer, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Actor, Forbidden } from '@nangsuat/event-sourcing';
import type { CryptoKey, JWK } from 'jose';
import { AccessPolicy } from './access-policy';
import { AuthModule, AuthModuleOptions } from './auth.module';
import { CurrentActor, Public, ReadOnlyOperation, Roles } from './decorators';
import { jose } from './jose';
import { ServiceTokenProvider } from './service-token-provider';

const ISSUER = (() => {
  if (process.env.OIDC_ISSUER) return process.env.OIDC_ISSUER.replace(/\/$/, '');
  const kc = process.env.KEYCLOAK_URL?.replace(/\/$/, '');
  if (kc) return kc.includes('/realms/') ? kc : `${kc}/realms/nangsuat`;
  return 'http://127.0.0.1:8080/realms/nangsuat';
})();
const TOKEN_ENDPOINT = `${ISSUER}/protocol/openid-connect/token`;
const PASSWORD = process.env.NANGSUAT_DEMO_PASSWORD ?? 'demo-password';

// ---- the tiny app under test --------------------------------------------------------------------

/** What the POST routes "wrote": a refused command must leave no trace here. */
const written: { unit: string; actor: Actor }[] = [];

@Controller()
class RecordsController {
  constructor(private readonly policy: AccessPolicy) {}

  @Get('health')
  @Public()
  health() {
    return { status: 'ok' };
  }

  @Get('units/:unit/records')
  read(@CurrentActor() actor: Actor, @Param('unit') unit: string) {
    this.policy.assertCanRead(actor, unit);
    return { unit, actor };
  }

  @Post('units/:unit/records')
  write(@CurrentActor() actor: Actor, @Param('unit') unit: string) {
    this.policy.assertCanWrite(actor, unit); // before anything is written
    written.push({ unit, actor });
    return { unit, actor };
  }

  @Post('units/:unit/plans/approve')
  @Roles('province-admin')
  approve(@CurrentActor() actor: Actor, @Param('unit') unit: string) {
    this.policy.assertCanWrite(actor, unit);
    written.push({ unit, actor });
    return { approvedBy: actor.username };
  }

  @Post('units/:unit/records/search')
  @ReadOnlyOperation()
  search(@CurrentActor() actor: Actor, @Param('unit') unit: string) {
    this.policy.assertCanRead(actor, unit);
    return { unit, found: [] };
  }

  @Get('enterprises/:id')
  enterprise(@CurrentActor() actor: Actor, @Param('id') id: string) {
    this.policy.assertOwnEnterprise(actor, id);
    return { id };
  }
}

/** Stand-in for libs/service-runtime's ProblemFilter, limited to what this test needs: Forbidden → 403. */
@Catch(Forbidden)
class ForbiddenFilter implements ExceptionFilter {
  catch(exception: Forbidden, host: ArgumentsHost) {
    host.switchToHttp().getResponse().status(403).json({ statusCode: 403, error: 'Forbidden', message: exception.message });
  }
}

async function startApp(options: AuthModuleOptions): Promise<INestApplication> {
  @Module({ imports: [AuthModule.forRoot(options)], controllers: [RecordsController], providers: [{ provide: APP_FILTER, useClass: ForbiddenFilter }] })
  class TestAppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

// ---- helpers --------------------------------------------------------------------------------------

async function passwordGrant(username: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password: PASSWORD, ...extra }),
  });
  const json = (await response.json()) as Record<string, string>;
  if (!response.ok) throw new Error(`password grant for ${username} failed: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
const tokenOf = async (username: string): Promise<string> => (await passwordGrant(username)).access_token;

/** Asks Keycloak for a token under another Host name: same realm key, different `iss`. */
function tokenUnderHost(host: string, username: string): Promise<string> {
  const url = new URL(TOKEN_ENDPOINT);
  const body = new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password: PASSWORD }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host, 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d)).on('end', () => {
          const json = JSON.parse(text);
          if (json.access_token) resolve(json.access_token);
          else reject(new Error(`token under host ${host} failed: ${text}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.');
const payloadOf = (token: string) => JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString());
const headerOf = (token: string) => JSON.parse(Buffer.from(parts(token)[0], 'base64url').toString());

/** Changes the payload and keeps the original signature. */
function tamper(token: string, change: Record<string, unknown>): string {
  const [h, , s] = parts(token);
  return `${h}.${b64({ ...payloadOf(token), ...change })}.${s}`;
}

function unsigned(token: string): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${parts(token)[1]}.`;
}

/** The classic key-confusion forgery: HS256 with the verifier's RSA public key (PEM text) as the HMAC secret. */
async function hs256WithPublicKey(claims: Record<string, unknown>, publicJwk: JWK, kid?: string): Promise<string[]> {
  const key = await jose.importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256', { extractable: true });
  const pem = await jose.exportSPKI(key as CryptoKey);
  const secrets = [Buffer.from(pem), Buffer.from(pem.trim()), Buffer.from(JSON.stringify(publicJwk))];
  return Promise.all(secrets.map((secret) => new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) }).sign(secret)));
}

function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|ERR_[A-Z_]+|JWS|JOSE|stack/);
}

// ---- against the real Keycloak ------------------------------------------------------------------

describe(`AccessTokenGuard against Keycloak (${ISSUER})`, () => {
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let keycloakJwks: { keys: JWK[] };

  beforeAll(async () => {
    app = await startApp({ issuer: ISSUER });
    http = request(app.getHttpServer());
    keycloakJwks = (await (await fetch(`${ISSUER}/protocol/openid-connect/certs`)).json()) as { keys: JWK[] };
  });
  afterAll(() => app?.close());
  beforeEach(() => (written.length = 0));

  it('lets @Public routes through without a token', async () => {
    await http.get('/health').expect(200, { status: 'ok' });
  });

  it('accepts real tokens and exposes the actor (id, username, unit, roles, enterprise)', async () => {
    const officer = await tokenOf('ngokbay.officer');
    const res = await http.get('/units/51-NGOKBAY/records').set('Authorization', `Bearer ${officer}`).expect(200);
    expect(res.body.actor).toEqual({ id: payloadOf(officer).sub, username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] });

    const enterprise = await tokenOf('ent.ngokbay');
    const ent = await http.get('/enterprises/DN-51-0001').set('Authorization', `Bearer ${enterprise}`).expect(200);
    expect(ent.body).toEqual({ id: 'DN-51-0001' });
    await http.get('/enterprises/DN-56-0001').set('Authorization', `Bearer ${enterprise}`).expect(403);
  });

  it.each([
    ['admin.ninhthuan', '56'], ['kh.admin', '56'], ['kh.department', '56'], ['kh.trainer', '56'], ['kh.assessor', '56'],
    ['kh.council', '56'], ['phanrang.officer', '56-PHANRANG'], ['qn.admin', '51'], ['qn.department', '51'],
    ['qn.trainer', '51'], ['qn.assessor', '51'], ['qn.council', '51'], ['ngokbay.officer', '51-NGOKBAY'],
    ['ngokbay.trainer', '51-NGOKBAY'], ['konrlong.officer', '51-NGOKBAY-KONRLONG'], ['dakcam.officer', '51-DAKCAM'],
    ['ent.ngokbay', '51-NGOKBAY'], ['ent.phanrang', '56-PHANRANG'], ['auditor.vn', 'VN'],
  ])('demo user %s logs in and acts for unit %s', async (username, unit) => {
    const token = await tokenOf(username);
    expect(payloadOf(token)).toMatchObject({ aud: 'nangsuat-api', unit, preferred_username: username });
    const res = await http.get(`/units/${unit}/records`).set('Authorization', `Bearer ${token}`);
    // enterprise users have no unit-wide read; everyone else reads their own unit
    expect(res.status).toBe(username.startsWith('ent.') ? 403 : 200);
  });

  it('answers 401 with WWW-Authenticate when the token is missing or not a bearer token', async () => {
    const res = await http.get('/units/51/records').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="nangsuat"');
    expect(res.body.message).toMatch(/access token is required/);
    const basic = await http.get('/units/51/records').set('Authorization', 'Basic YWRtaW46YWRtaW4=').expect(401);
    expect(basic.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  it('rejects a real token whose payload was changed (signature no longer matches)', async () => {
    const token = tamper(await tokenOf('ngokbay.officer'), { unit: '51', realm_access: { roles: ['province-admin'] } });
    const res = await http.post('/units/51/records').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="nangsuat", error="invalid_token", error_description="The access token signature is invalid."');
    expectNoInternals(res.body);
    expect(written).toEqual([]);
  });

  it('rejects a real Keycloak token issued under another issuer', async () => {
    const token = await tokenUnderHost('nangsuat.invalid', 'qn.admin');
    expect(payloadOf(token).iss).toMatch(/^http:\/\/nangsuat\.invalid/);
    const res = await http.get('/units/51/records').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body.message).toBe('The access token was not issued by the trusted identity provider.');
  });

  it('rejects a real Keycloak token for another audience (admin-cli) and an ID token', async () => {
    const response = await fetch(TOKEN_ENDPOINT, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'qn.admin', password: PASSWORD }),
    });
    const adminCli = ((await response.json()) as { access_token: string }).access_token;
    expect(payloadOf(adminCli).aud ?? []).not.toContain('nangsuat-api');
    const res = await http.get('/units/51/records').set('Authorization', `Bearer ${adminCli}`).expect(401);
    expect(res.body.message).toBe('The access token is not intended for this API (audience).');

    const { id_token } = await passwordGrant('qn.admin', { scope: 'openid' });
    await http.get('/units/51/records').set('Authorization', `Bearer ${id_token}`).expect(401);
  });

  it('rejects alg "none" and HS256 keyed with Keycloak\'s public key', async () => {
    const real = await tokenOf('qn.admin');
    const none = await http.get('/units/51/records').set('Authorization', `Bearer ${unsigned(real)}`).expect(401);
    expectNoInternals(none.body);

    const rsa = keycloakJwks.keys.find((k) => k.kty === 'RSA' && k.use === 'sig')!;
    for (const forged of await hs256WithPublicKey(payloadOf(real), rsa, headerOf(real).kid)) {
      const res = await http.get('/units/51/records').set('Authorization', `Bearer ${forged}`).expect(401);
      expect(res.body.message).toMatch(/algorithm that is not accepted/);
    }
  });

  it('answers 403 when the route\'s role is not held, 201 when it is', async () => {
    const officer = await tokenOf('ngokbay.officer');
    const res = await http.post('/units/51-NGOKBAY/plans/approve').set('Authorization', `Bearer ${officer}`).expect(403);
    expect(res.body.message).toBe('This action requires one of the roles province-admin; you hold commune-officer.');
    await http.post('/units/51/plans/approve').set('Authorization', `Bearer ${await tokenOf('qn.admin')}`).expect(201);
    // the role alone is not enough: a Quảng Ngãi admin cannot approve in Khánh Hòa
    await http.post('/units/56/plans/approve').set('Authorization', `Bearer ${await tokenOf('qn.admin')}`).expect(403);
    expect(written.map((w) => w.unit)).toEqual(['51']);
  });

  it('refuses a Ngọk Bay commune officer writing to Đăk Cấm, and nothing is written', async () => {
    const officer = await tokenOf('ngokbay.officer');
    const res = await http.post('/units/51-DAKCAM/records').set('Authorization', `Bearer ${officer}`).expect(403);
    expect(res.body.message).toMatch(/51-DAKCAM.*outside your unit 51-NGOKBAY/);
    expect(written).toEqual([]);

    await http.post('/units/51-NGOKBAY-KONRLONG/records').set('Authorization', `Bearer ${officer}`).expect(201);
    expect(written).toEqual([
      { unit: '51-NGOKBAY-KONRLONG', actor: { id: payloadOf(officer).sub, username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] } },
    ]);
  });

  it('lets an auditor read everywhere and refuses every write', async () => {
    const auditor = await tokenOf('auditor.vn');
    for (const unit of ['51-DAKCAM', '56', '58', '51-NGOKBAY-KONRLONG']) {
      await http.get(`/units/${unit}/records`).set('Authorization', `Bearer ${auditor}`).expect(200);
    }
    const res = await http.post('/units/51-DAKCAM/records').set('Authorization', `Bearer ${auditor}`).expect(403);
    expect(res.body.message).toBe('Auditors are read-only: they may read every record but change none.');
    expect(written).toEqual([]);
    // a POST that changes nothing (@ReadOnlyOperation) is open to them
    await http.post('/units/51-DAKCAM/records/search').set('Authorization', `Bearer ${auditor}`).expect(201);
  });

  it('accepts a service account token from ServiceTokenProvider for reads, refuses its writes, and caches it', async () => {
    const provider = new ServiceTokenProvider({
      tokenEndpoint: TOKEN_ENDPOINT,
      clientId: 'nangsuat-audit',
      clientSecret: process.env.NANGSUAT_AUDIT_CLIENT_SECRET ?? 'audit-local-secret',
    });
    const [a, b] = await Promise.all([provider.getToken(), provider.getToken()]);
    expect(a).toBe(b);
    expect(await provider.getToken()).toBe(a);
    expect(provider.fetches).toBe(1);
    expect(payloadOf(a)).toMatchObject({ azp: 'nangsuat-audit', aud: 'nangsuat-api', unit: 'VN' });

    const res = await http.get('/units/62/records').set('Authorization', `Bearer ${a}`).expect(200);
    expect(res.body.actor).toMatchObject({ username: 'service-account-nangsuat-audit', unit: 'VN' });
    await http.post('/units/51/records').set('Authorization', `Bearer ${a}`).expect(403);

    const wrong = new ServiceTokenProvider({ tokenEndpoint: TOKEN_ENDPOINT, clientId: 'nangsuat-audit', clientSecret: 'wrong' });
    await expect(wrong.getToken()).rejects.toThrow('The identity provider refused a service token for client nangsuat-audit: HTTP 401 (unauthorized_client).');
  });
});

// ---- against a local JWKS server ----------------------------------------------------------------

interface LocalKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newKey(kid: string, alg: 'RS256' | 'ES256' = 'RS256'): Promise<LocalKey> {
  const { privateKey, publicKey } = await jose.generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await jose.exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

class LocalJwks {
  published: LocalKey[] = [];
  fetches = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((_req, res) => {
      this.fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: this.published.map((k) => k.jwk) }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/local/protocol/openid-connect/certs`;
  }

  stop(): Promise<void> {
    // closeAllConnections: keep-alive sockets of the guard's fetch would otherwise still be served
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

const LOCAL_ISSUER = 'http://127.0.0.1/realms/local-test';
const now = () => Math.floor(Date.now() / 1000);

function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: LOCAL_ISSUER, aud: 'nangsuat-api', sub: 'local-user-1', typ: 'Bearer', preferred_username: 'local.officer',
    unit: '51-NGOKBAY', realm_access: { roles: ['commune-officer'] }, iat: now() - 5, exp: now() + 300, ...extra,
  };
}

function sign(key: LocalKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  return new jose.SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header }).sign(key.privateKey);
}

describe('AccessTokenGuard against a local JWKS server (exp, nbf, forged tokens, key rotation)', () => {
  const jwks = new LocalJwks();
  let keyA: LocalKey;
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  const get = (token: string) => http.get('/units/51-NGOKBAY/records').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    await jwks.start();
    keyA = await newKey('key-a');
    jwks.published = [keyA, await newKey('key-ec', 'ES256')];
    // Cooldown 0: an unknown kid always triggers a refetch (the default 30 s caps refetch floods; tested below).
    app = await startApp({ issuer: LOCAL_ISSUER, jwksUri: jwks.url, jwksCooldownMs: 0, clockToleranceSeconds: 5 });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app?.close();
    await jwks.stop().catch(() => undefined);
  });

  it('accepts the control token (same key, valid claims), RS256 and ES256', async () => {
    const res = await get(await sign(keyA, claims())).expect(200);
    expect(res.body.actor).toEqual({ id: 'local-user-1', username: 'local.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] });
    await get(await sign(jwks.published[1], claims())).expect(200);
  });

  it.each([
    ['expired', { exp: now() - 600, iat: now() - 1500 }, 'The access token has expired.'],
    ['not yet valid', { nbf: now() + 600 }, 'The access token is not yet valid (nbf is in the future).'],
    ['wrong issuer', { iss: 'http://127.0.0.1/realms/somebody-else' }, 'The access token was not issued by the trusted identity provider.'],
    ['wrong audience', { aud: 'account' }, 'The access token is not intended for this API (audience).'],
    ['no audience', { aud: undefined }, 'The access token is not intended for this API (audience).'],
    ['no expiry', { exp: undefined }, 'The access token lacks a valid exp claim.'],
    ['refresh token type', { typ: 'Refresh' }, 'The token is not an access token (typ Refresh).'],
  ])('401 for a token that is %s', async (_name, change, message) => {
    const res = await get(await sign(keyA, claims(change))).expect(401);
    expect(res.body.message).toBe(message);
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="nangsuat", error="invalid_token", error_description="${message}"`);
    expectNoInternals(res.body);
  });

  it('401 for a tampered signature, alg none, HS256 with the public key, and an unpublished key', async () => {
    const valid = await sign(keyA, claims());
    expect((await get(tamper(valid, { unit: '51' }))).status).toBe(401);
    const flipped = valid.slice(0, -4) + (valid.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await get(flipped)).status).toBe(401);
    expect((await get(unsigned(valid))).status).toBe(401);
    expect((await get(new jose.UnsecuredJWT(claims()).encode())).status).toBe(401);
    for (const forged of await hs256WithPublicKey(claims(), keyA.jwk, keyA.kid)) {
      expect((await get(forged)).status).toBe(401);
    }
    const stranger = await newKey('key-a'); // same kid, key never published
    expect((await get(await sign(stranger, claims()))).body.message).toBe('The access token signature is invalid.');
    const unknown = await newKey('key-unknown');
    expect((await get(await sign(unknown, claims()))).body.message).toBe('The access token was signed with a key the identity provider does not publish.');
  });

  it('403 when a valid token names no administrative unit', async () => {
    const res = await get(await sign(keyA, claims({ unit: undefined }))).expect(403);
    expect(res.body.message).toMatch(/not assigned to an administrative unit/);
  });

  it('caches the keys: many requests, no refetch', async () => {
    const before = jwks.fetches;
    const token = await sign(keyA, claims());
    for (let i = 0; i < 5; i++) await get(token).expect(200);
    expect(jwks.fetches).toBe(before);
  });

  it('survives a key rotation: a token with a new kid makes the guard refetch the JWKS once', async () => {
    const keyB = await newKey('key-b');
    const oldToken = await sign(keyA, claims());
    jwks.published = [keyB]; // Keycloak rotated: key A retired, key B active
    const before = jwks.fetches;
    await get(await sign(keyB, claims())).expect(200);
    expect(jwks.fetches).toBe(before + 1);
    await get(await sign(keyB, claims({ sub: 'another' }))).expect(200);
    expect(jwks.fetches).toBe(before + 1);
    // a token of the retired key is refused once the refreshed key set no longer has it
    expect((await get(oldToken)).status).toBe(401);
  });

  it('answers 503 without internals when the JWKS endpoint is unreachable', async () => {
    await jwks.stop();
    const res = await get(await sign(await newKey('key-c'), claims())).expect(503);
    expect(res.body.message).toBe('The identity provider is unreachable; the access token could not be checked. Try again later.');
    expectNoInternals(res.body);
  });
});

describe('AccessTokenGuard JWKS cooldown', () => {
  it('does not refetch the JWKS for unknown kids within the cooldown (caps refetch floods)', async () => {
    const jwks = new LocalJwks();
    await jwks.start();
    const keyA = await newKey('key-a');
    jwks.published = [keyA];
    const app = await startApp({ issuer: LOCAL_ISSUER, jwksUri: jwks.url, jwksCooldownMs: 600_000 });
    try {
      const http = request(app.getHttpServer());
      await http.get('/units/51/records').set('Authorization', `Bearer ${await sign(keyA, claims({ unit: '51' }))}`).expect(200);
      expect(jwks.fetches).toBe(1);
      for (let i = 0; i < 3; i++) {
        await http.get('/units/51/records').set('Authorization', `Bearer ${await sign(await newKey(`junk-${i}`), claims())}`).expect(401);
      }
      expect(jwks.fetches).toBe(1);
    } finally {
      await app.close();
      await jwks.stop();
    }
  });
});
