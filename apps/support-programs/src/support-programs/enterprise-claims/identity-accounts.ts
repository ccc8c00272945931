import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ServiceTokenProvider } from '@nangsuat/auth';

interface KeycloakUser {
  id: string;
  username: string;
  email?: string;
  emailVerified?: boolean;
  attributes?: Record<string, string[]>;
  [key: string]: unknown;
}

/** The identity provider would not do what was asked; nothing the person can fix — try again later. */
export class IdentityProviderRefused extends ServiceUnavailableException {}

/**
 * Links and unlinks a person's Keycloak account to an enterprise through the admin API, with this
 * service's own service account (realm-management manage-users: it can change users, not the realm):
 * the attributes enterprise_id and unit_code, and the realm role enterprise. Idempotent both ways.
 */
@Injectable()
export class IdentityAccounts {
  private readonly logger = new Logger('IdentityAccounts');
  private readonly tokens = ServiceTokenProvider.fromEnv({
    ...process.env,
    OIDC_CLIENT_ID: process.env.SUPPORT_PROGRAMS_CLIENT_ID ?? 'nangsuat-support-programs',
    OIDC_CLIENT_SECRET: process.env.SUPPORT_PROGRAMS_CLIENT_SECRET ?? 'support-programs-local-secret',
  });
  private readonly adminBase = (process.env.OIDC_ISSUER ?? 'http://127.0.0.1:8080/realms/nangsuat').replace(/\/$/, '').replace(/\/realms\/([^/]+)$/, '/admin/realms/$1');

  /** The account as Keycloak has it (email verified or not), or undefined. */
  async user(userId: string): Promise<KeycloakUser | undefined> {
    const res = await this.request('GET', `/users/${encodeURIComponent(userId)}`);
    if (res.status === 404) return undefined;
    return (await this.expectOk(res, 'read the account')).json() as Promise<KeycloakUser>;
  }

  async link(userId: string, accountId: string, unitCode: string): Promise<void> {
    await this.setAttributes(userId, { enterprise_id: [accountId], unit_code: [unitCode] });
    await this.mapEnterpriseRole(userId, 'POST');
  }

  async unlink(userId: string): Promise<void> {
    await this.mapEnterpriseRole(userId, 'DELETE');
    await this.setAttributes(userId, { enterprise_id: undefined, unit_code: undefined });
  }

  private async setAttributes(userId: string, changes: Record<string, string[] | undefined>): Promise<void> {
    const user = await this.user(userId);
    if (!user) throw new IdentityProviderRefused(`The account ${userId} no longer exists in the identity provider.`);
    const attributes = { ...(user.attributes ?? {}) };
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete attributes[name];
      else attributes[name] = value;
    }
    // Keycloak replaces the representation it is sent: send the user back whole, attributes changed.
    const { id, username, email, firstName, lastName, enabled, emailVerified } = user as KeycloakUser & { firstName?: string; lastName?: string; enabled?: boolean };
    await this.expectOk(await this.request('PUT', `/users/${encodeURIComponent(userId)}`, { id, username, email, firstName, lastName, enabled, emailVerified, attributes }), 'update the account');
  }

  private async mapEnterpriseRole(userId: string, method: 'POST' | 'DELETE'): Promise<void> {
    const path = `/users/${encodeURIComponent(userId)}/role-mappings/realm`;
    const source = method === 'POST' ? `${path}/available` : path;
    const roles = (await (await this.expectOk(await this.request('GET', source), 'read the account roles')).json()) as { id: string; name: string }[];
    const role = roles.find((r) => r.name === 'enterprise');
    if (!role) return; // already held (POST) or not held (DELETE)
    await this.expectOk(await this.request(method, path, [role]), method === 'POST' ? 'grant the enterprise role' : 'withdraw the enterprise role');
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const send = async () =>
      fetch(`${this.adminBase}${path}`, {
        method,
        headers: { authorization: `Bearer ${await this.tokens.getToken()}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
    try {
      let res = await send();
      if (res.status === 401) {
        this.tokens.invalidate();
        res = await send();
      }
      return res;
    } catch (error) {
      this.logger.warn(`Keycloak admin API unreachable: ${(error as Error).message}`);
      throw new IdentityProviderRefused('The identity provider (Keycloak) does not answer; try again in a moment.');
    }
  }

  private async expectOk(res: Response, what: string): Promise<Response> {
    if (res.ok) return res;
    this.logger.warn(`Keycloak admin API refused to ${what}: ${res.status}`);
    throw new IdentityProviderRefused(`The identity provider refused to ${what} (${res.status}); try again in a moment or ask the administrator.`);
  }
}
