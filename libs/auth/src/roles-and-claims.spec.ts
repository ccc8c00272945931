import { actorFromClaims } from './access-token-verifier';
import { AuthConfigurationError, authOptionsFromEnv } from './auth-options';
import { isReadOnly, platformRoles } from './roles';

describe('roles', () => {
  it('keeps only platform roles', () => {
    expect(platformRoles(['offline_access', 'commune-officer', 'default-roles-nangsuat'])).toEqual(['commune-officer']);
  });
  it.each([
    [['auditor'], true],
    [['auditor', 'province-admin'], true],
    [['service'], true],
    [['service', 'auditor'], true],
    [['service', 'trainer'], false],
    [['commune-officer'], false],
    [['offline_access'], false],
    [[], false],
  ])('isReadOnly(%j) → %s', (roles, expected) => {
    expect(isReadOnly(roles)).toBe(expected);
  });
});

describe('actorFromClaims', () => {
  it('maps sub, preferred_username, unit, realm roles and enterprise_id', () => {
    expect(
      actorFromClaims({
        sub: 'abc',
        preferred_username: 'ent.ngokbay',
        unit: '51-NGOKBAY',
        enterprise_id: 'DN-51-0001',
        realm_access: { roles: ['enterprise', 'offline_access'] },
      }),
    ).toEqual({ id: 'abc', username: 'ent.ngokbay', unit: '51-NGOKBAY', roles: ['enterprise'], enterpriseId: 'DN-51-0001' });
  });
  it('tolerates missing claims without inventing a unit', () => {
    expect(actorFromClaims({ sub: 'abc' })).toEqual({ id: 'abc', username: 'abc', unit: '', roles: [] });
  });
});

describe('authOptionsFromEnv', () => {
  it('derives the JWKS URI and defaults the audience', () => {
    const o = authOptionsFromEnv({ OIDC_ISSUER: 'http://127.0.0.1:8080/realms/nangsuat/' });
    expect(o.issuer).toBe('http://127.0.0.1:8080/realms/nangsuat');
    expect(o.jwksUri).toBe('http://127.0.0.1:8080/realms/nangsuat/protocol/openid-connect/certs');
    expect(o.audience).toBe('nangsuat-api');
    expect(o.algorithms).toEqual(['RS256', 'ES256']);
  });
  it('reads the optional variables', () => {
    const o = authOptionsFromEnv({
      OIDC_ISSUER: 'http://kc/realms/nangsuat',
      OIDC_AUDIENCE: 'other-api',
      OIDC_JWKS_URI: 'http://internal-kc:8080/realms/nangsuat/protocol/openid-connect/certs',
      OIDC_JWKS_COOLDOWN_MS: '1000',
    });
    expect(o).toMatchObject({ audience: 'other-api', jwksUri: 'http://internal-kc:8080/realms/nangsuat/protocol/openid-connect/certs', jwksCooldownMs: 1000 });
  });
  it('names what is missing or malformed', () => {
    expect(() => authOptionsFromEnv({})).toThrow(new AuthConfigurationError('OIDC_ISSUER is required (e.g. http://127.0.0.1:8080/realms/nangsuat)'));
    expect(() => authOptionsFromEnv({ OIDC_ISSUER: 'not a url' })).toThrow(/OIDC_ISSUER must be a URL/);
    expect(() => authOptionsFromEnv({ OIDC_ISSUER: 'http://kc', OIDC_JWKS_COOLDOWN_MS: '-1' })).toThrow(/OIDC_JWKS_COOLDOWN_MS/);
  });
});
