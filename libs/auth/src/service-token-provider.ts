/**
 * A client-credentials access token for service-to-service calls (e.g. the audit service's
 * backfill reading other services), fetched from Keycloak's token endpoint and cached until shortly
 * before it expires. Concurrent callers share one request. Errors never include the secret or the
 * identity provider's raw answer.
 */
export interface ServiceTokenOptions {
  /** e.g. http://127.0.0.1:8080/realms/nangsuat/protocol/openid-connect/token */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string;
  /** Renew this many seconds before expiry (default 30). */
  readonly refreshSkewSeconds?: number;
  /** Timeout of one token request (default 5000 ms). */
  readonly timeoutMs?: number;
}

export class ServiceTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceTokenError';
  }
}

export class ServiceTokenProvider {
  private cached?: { token: string; renewAt: number };
  private pending?: Promise<string>;
  /** Number of token requests made (observability and tests). */
  fetches = 0;

  constructor(private readonly options: ServiceTokenOptions) {}

  /**
   * From OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_TOKEN_ENDPOINT (default: OIDC_ISSUER +
   * /protocol/openid-connect/token).
   */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): ServiceTokenProvider {
    const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter((n) => !env[n]);
    if (!env.OIDC_TOKEN_ENDPOINT && !env.OIDC_ISSUER) missing.push('OIDC_ISSUER (or OIDC_TOKEN_ENDPOINT)');
    if (missing.length) throw new ServiceTokenError(`Service token configuration incomplete: ${missing.join(', ')} required`);
    return new ServiceTokenProvider({
      tokenEndpoint: env.OIDC_TOKEN_ENDPOINT ?? `${env.OIDC_ISSUER!.replace(/\/$/, '')}/protocol/openid-connect/token`,
      clientId: env.OIDC_CLIENT_ID!,
      clientSecret: env.OIDC_CLIENT_SECRET!,
    });
  }

  async getToken(now: () => number = Date.now): Promise<string> {
    if (this.cached && now() < this.cached.renewAt) return this.cached.token;
    this.pending ??= this.fetchToken(now).finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Drop the cached token (e.g. after a 401 from the callee), so the next getToken() fetches a new one. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(now: () => number): Promise<string> {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.options.scope) body.set('scope', this.options.scope);
    const basic = Buffer.from(`${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`).toString('base64');
    this.fetches++;
    let response: Response;
    try {
      response = await fetch(this.options.tokenEndpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch {
      throw new ServiceTokenError(`The identity provider could not be reached for a service token (client ${this.options.clientId}).`);
    }
    const json = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (!response.ok || typeof json.access_token !== 'string') {
      const reason = typeof json.error === 'string' ? ` (${json.error.slice(0, 40)})` : '';
      throw new ServiceTokenError(`The identity provider refused a service token for client ${this.options.clientId}: HTTP ${response.status}${reason}.`);
    }
    const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : 60;
    const skew = Math.min(this.options.refreshSkewSeconds ?? 30, expiresIn / 2);
    this.cached = { token: json.access_token, renewAt: now() + (expiresIn - skew) * 1000 };
    return json.access_token;
  }
}
