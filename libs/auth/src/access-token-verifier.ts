import { Inject, Injectable, Logger } from '@nestjs/common';
import type { JWTPayload } from 'jose';
import type { Actor } from '@nangsuat/event-sourcing';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { jose } from './jose';
import { platformRoles } from './roles';

/** The token is missing, malformed, or fails a check: 401. `description` is safe to show the caller. */
export class InvalidAccessToken extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'InvalidAccessToken';
  }
}

/** The signing keys could not be fetched: 503, the caller's token may well be fine. */
export class IdentityProviderUnavailable extends Error {
  constructor() {
    super('The identity provider is unreachable; the access token could not be checked. Try again later.');
    this.name = 'IdentityProviderUnavailable';
  }
}

export interface KeycloakClaims extends JWTPayload {
  preferred_username?: string;
  unit?: string;
  enterprise_id?: string;
  realm_access?: { roles?: string[] };
  typ?: string;
  azp?: string;
}

export interface VerifiedAccessToken {
  readonly actor: Actor;
  readonly claims: KeycloakClaims;
}

/**
 * Validates Keycloak access tokens with jose against the realm's JWKS: signature (RS256/ES256 only),
 * issuer, audience, exp, nbf. Keys are cached by jose's remote key set; a token signed with a key id
 * the cache does not know makes it refetch the JWKS (at most once per cooldown), so a key rotation
 * in Keycloak is picked up without a restart.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly logger = new Logger('AccessToken');
  private readonly keys: ReturnType<typeof jose.createRemoteJWKSet>;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {
    this.keys = jose.createRemoteJWKSet(new URL(options.jwksUri), {
      cooldownDuration: options.jwksCooldownMs,
      cacheMaxAge: options.jwksCacheMaxAgeMs,
      timeoutDuration: options.jwksTimeoutMs,
    });
  }

  async verify(token: string): Promise<VerifiedAccessToken> {
    let claims: KeycloakClaims;
    try {
      const result = await jose.jwtVerify<KeycloakClaims>(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...this.options.algorithms],
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      });
      claims = result.payload;
    } catch (error) {
      throw this.translate(error);
    }
    // Keycloak marks access tokens typ "Bearer"; ID and refresh tokens must not be usable as access tokens.
    if (claims.typ !== undefined && claims.typ !== 'Bearer') {
      throw new InvalidAccessToken(`The token is not an access token (typ ${String(claims.typ).slice(0, 20)}).`);
    }
    return { actor: actorFromClaims(claims), claims };
  }

  private translate(error: unknown): Error {
    const code = (error as { code?: string })?.code;
    const claim = (error as { claim?: string })?.claim;
    switch (code) {
      case 'ERR_JWT_EXPIRED':
        return new InvalidAccessToken('The access token has expired.');
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
        if (claim === 'nbf') return new InvalidAccessToken('The access token is not yet valid (nbf is in the future).');
        if (claim === 'iss') return new InvalidAccessToken('The access token was not issued by the trusted identity provider.');
        if (claim === 'aud') return new InvalidAccessToken('The access token is not intended for this API (audience).');
        if (claim === 'iat') return new InvalidAccessToken('The access token has an invalid issue time.');
        return new InvalidAccessToken(`The access token lacks a valid ${claim ?? 'required'} claim.`);
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return new InvalidAccessToken('The access token signature is invalid.');
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
        return new InvalidAccessToken('The access token is signed with an algorithm that is not accepted (RS256 or ES256 only).');
      case 'ERR_JWKS_NO_MATCHING_KEY':
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
        return new InvalidAccessToken('The access token was signed with a key the identity provider does not publish.');
      case 'ERR_JWS_INVALID':
      case 'ERR_JWT_INVALID':
      case 'ERR_JOSE_NOT_SUPPORTED':
        return new InvalidAccessToken('The access token is malformed.');
      case 'ERR_JWKS_TIMEOUT':
      case 'ERR_JWKS_INVALID':
        this.logger.error(`JWKS ${this.options.jwksUri} unusable: ${code}`);
        return new IdentityProviderUnavailable();
      default:
        break;
    }
    // fetch() failures (connection refused, DNS) and non-200 answers from the JWKS endpoint.
    const message = (error as Error)?.message ?? '';
    const jwksFailure =
      // by name, not instanceof: jose runs in Node's realm, which differs from jest's
      ((error as Error)?.name === 'TypeError' && /fetch/i.test(message)) ||
      (code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(message));
    if (jwksFailure) {
      this.logger.error(`JWKS ${this.options.jwksUri} unreachable: ${message}`);
      return new IdentityProviderUnavailable();
    }
    this.logger.warn(`access token rejected: ${code ?? (error as Error)?.name ?? 'unknown error'}`);
    return new InvalidAccessToken('The access token is invalid.');
  }
}

/** The acting user as events record it (never taken from a request body). */
export function actorFromClaims(claims: KeycloakClaims): Actor {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const enterpriseId = str(claims.enterprise_id);
  return {
    id: claims.sub!,
    username: str(claims.preferred_username) ?? claims.sub!,
    unit: str(claims.unit) ?? '',
    roles: platformRoles(Array.isArray(claims.realm_access?.roles) ? claims.realm_access!.roles : []),
    ...(enterpriseId ? { enterpriseId } : {}),
  };
}
