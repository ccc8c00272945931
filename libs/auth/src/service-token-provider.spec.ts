import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceTokenError, ServiceTokenProvider } from './service-token-provider';

// A stand-in token endpoint for the caching logic only; the real Keycloak client-credentials grant
// is exercised in access-token.guard.int-spec.ts.
describe('ServiceTokenProvider', () => {
  let server: Server;
  let endpoint: string;
  let requests: { auth?: string; body: string }[];
  let answer: { status: number; body: object };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d) => (body += d)).on('end', () => {
        requests.push({ auth: req.headers.authorization, body });
        res.statusCode = answer.status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  afterAll(() => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }));
  beforeEach(() => {
    requests = [];
    answer = { status: 200, body: { access_token: 't1', expires_in: 300 } };
  });

  it('sends client credentials with HTTP Basic and caches the token until shortly before expiry', async () => {
    let clock = 1_000_000;
    const provider = new ServiceTokenProvider({ tokenEndpoint: endpoint, clientId: 'nangsuat-audit', clientSecret: 's3cret' });
    expect(await provider.getToken(() => clock)).toBe('t1');
    expect(requests[0].auth).toBe(`Basic ${Buffer.from('nangsuat-audit:s3cret').toString('base64')}`);
    expect(requests[0].body).toBe('grant_type=client_credentials');
    clock += 269_000; // 300 s lifetime, renewed 30 s early
    expect(await provider.getToken(() => clock)).toBe('t1');
    answer = { status: 200, body: { access_token: 't2', expires_in: 300 } };
    clock += 2_000;
    expect(await provider.getToken(() => clock)).toBe('t2');
    expect(provider.fetches).toBe(2);
    provider.invalidate();
    expect(await provider.getToken(() => clock)).toBe('t2');
    expect(provider.fetches).toBe(3);
  });

  it('shares one request between concurrent callers', async () => {
    const provider = new ServiceTokenProvider({ tokenEndpoint: endpoint, clientId: 'c', clientSecret: 's' });
    const tokens = await Promise.all([provider.getToken(), provider.getToken(), provider.getToken()]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(requests).toHaveLength(1);
  });

  it('reports a refusal without the secret or the raw answer', async () => {
    answer = { status: 401, body: { error: 'unauthorized_client', error_description: 'Invalid client secret s3cret' } };
    const provider = new ServiceTokenProvider({ tokenEndpoint: endpoint, clientId: 'nangsuat-audit', clientSecret: 's3cret' });
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceTokenError);
    expect((error as Error).message).toBe('The identity provider refused a service token for client nangsuat-audit: HTTP 401 (unauthorized_client).');
  });

  it('reports an unreachable identity provider', async () => {
    const provider = new ServiceTokenProvider({ tokenEndpoint: 'http://127.0.0.1:1/token', clientId: 'c', clientSecret: 's' });
    await expect(provider.getToken()).rejects.toThrow('The identity provider could not be reached for a service token (client c).');
  });

  it('is configured from the environment', () => {
    expect(() => ServiceTokenProvider.fromEnv({})).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER/);
    expect(ServiceTokenProvider.fromEnv({ OIDC_ISSUER: 'http://kc/realms/nangsuat/', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' })).toBeInstanceOf(ServiceTokenProvider);
  });
});
