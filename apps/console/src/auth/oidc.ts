import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';

/** Runtime settings: served by the console's server (/console-config.json) so one build runs anywhere. */
export interface ConsoleConfig {
  readonly authority: string;
  readonly clientId: string;
}

const DEFAULT_CONFIG: ConsoleConfig = { authority: 'http://127.0.0.1:8080/realms/nangsuat', clientId: 'nangsuat-console' };

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const res = await fetch('/console-config.json', { cache: 'no-store' });
    if (res.ok) return { ...DEFAULT_CONFIG, ...((await res.json()) as Partial<ConsoleConfig>) };
  } catch {
    /* fall back to the development defaults */
  }
  return DEFAULT_CONFIG;
}

/** Authorization code + PKCE (oidc-client-ts does PKCE by default); silent renewal by refresh token. */
export function createUserManager(config: ConsoleConfig): UserManager {
  const origin = window.location.origin;
  const settings: UserManagerSettings = {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  };
  return new UserManager(settings);
}
