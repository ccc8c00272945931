import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access-policy';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokenVerifier } from './access-token-verifier';
import { AUTH_OPTIONS, AuthOptions, authOptionsFromEnv } from './auth-options';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { UNIT_HIERARCHY, UnitHierarchy } from './unit-hierarchy';

export interface AuthModuleOptions extends Partial<AuthOptions> {
  /**
   * The unit tree used by AccessPolicy. Default: libs/administrative-units' seed tree (`administrativeUnits`,
   * parents with validity dates plus merge lineage). Pass a tree loaded from the plans service's
   * units when one exists.
   */
  readonly unitHierarchy?: UnitHierarchy;
}

/**
 * Token validation and access rules for a service. `AuthModule.forRoot()` reads OIDC_ISSUER,
 * OIDC_AUDIENCE, OIDC_JWKS_URI (and the OIDC_JWKS_* tuning variables) when the app starts, registers
 * AccessTokenGuard as a global guard and exports AccessPolicy, AccessTokenVerifier and UNIT_HIERARCHY.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    const { unitHierarchy, ...overrides } = options;
    const providers: Provider[] = [
      { provide: AUTH_OPTIONS, useFactory: (): AuthOptions => authOptionsFromEnv(process.env, overrides) },
      { provide: UNIT_HIERARCHY, useValue: unitHierarchy ?? administrativeUnits },
      AccessTokenVerifier,
      AccessPolicy,
      { provide: APP_GUARD, useClass: AccessTokenGuard },
    ];
    return {
      module: AuthModule,
      global: true,
      providers,
      exports: [AUTH_OPTIONS, UNIT_HIERARCHY, AccessTokenVerifier, AccessPolicy],
    };
  }
}
