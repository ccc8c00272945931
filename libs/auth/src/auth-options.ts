/** How access tokens are validated. Built from the environment by authOptionsFromEnv. */
export interface AuthOptions {
  /** Expected `iss`, e.g. http://127.0.0.1:8080/realms/nangsuat (env OIDC_ISSUER, required). */
  readonly issuer: string;
  /** Expected `aud` (env OIDC_AUDIENCE, default nangsuat-api). */
  readonly audience: string;
  /** Where the signing keys are published (env OIDC_JWKS_URI, default issuer + /protocol/openid-connect/certs). */
  readonly jwksUri: string;
  /** Accepted signature algorithms: asymmetric only, so `none` and HS256-with-the-public-key fail. */
  readonly algorithms: readonly ('RS256' | 'ES256')[];
  /** Allowed clock skew for exp/nbf/iat (env OIDC_CLOCK_TOLERANCE_SECONDS, default 5). */
  readonly clockToleranceSeconds: number;
  /** Minimum time between two JWKS fetches caused by an unknown key id (env OIDC_JWKS_COOLDOWN_MS, default 30 s). */
  readonly jwksCooldownMs: number;
  /** Keys are refetched when older than this (env OIDC_JWKS_CACHE_MAX_AGE_MS, default 10 min). */
  readonly jwksCacheMaxAgeMs: number;
  /** Timeout of one JWKS fetch (env OIDC_JWKS_TIMEOUT_MS, default 5 s). */
  readonly jwksTimeoutMs: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export class AuthConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigurationError';
  }
}

function url(name: string, value: string): string {
  try {
    return new URL(value).toString().replace(/\/$/, '');
  } catch {
    throw new AuthConfigurationError(`${name} must be a URL (got "${value}")`);
  }
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new AuthConfigurationError(`${name} must be a non-negative integer (got "${raw}")`);
  return n;
}

/** Reads OIDC_* variables; explicit overrides win (tests, or apps that configure in code). */
export function authOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AuthOptions> = {}): AuthOptions {
  const issuerRaw = overrides.issuer ?? env.OIDC_ISSUER;
  if (!issuerRaw) throw new AuthConfigurationError('OIDC_ISSUER is required (e.g. http://127.0.0.1:8080/realms/nangsuat)');
  const issuer = url('OIDC_ISSUER', issuerRaw);
  const jwksUri = overrides.jwksUri ?? (env.OIDC_JWKS_URI ? url('OIDC_JWKS_URI', env.OIDC_JWKS_URI) : `${issuer}/protocol/openid-connect/certs`);
  return {
    issuer,
    audience: overrides.audience ?? (env.OIDC_AUDIENCE || 'nangsuat-api'),
    jwksUri,
    algorithms: overrides.algorithms ?? ['RS256', 'ES256'],
    clockToleranceSeconds: overrides.clockToleranceSeconds ?? int(env, 'OIDC_CLOCK_TOLERANCE_SECONDS', 5),
    jwksCooldownMs: overrides.jwksCooldownMs ?? int(env, 'OIDC_JWKS_COOLDOWN_MS', 30_000),
    jwksCacheMaxAgeMs: overrides.jwksCacheMaxAgeMs ?? int(env, 'OIDC_JWKS_CACHE_MAX_AGE_MS', 600_000),
    jwksTimeoutMs: overrides.jwksTimeoutMs ?? int(env, 'OIDC_JWKS_TIMEOUT_MS', 5_000),
  };
}
