import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { UnitTree } from '@nangsuat/administrative-units';
import { ServiceTokenProvider } from '@nangsuat/auth';
import type { Audience } from '../domain/kinds';

/** A person the platform can tell something: their Keycloak account. */
export interface Person {
  readonly id: string;
  readonly username: string;
  readonly email?: string;
  readonly unit?: string;
  readonly enterpriseId?: string;
  readonly roles: readonly string[];
}

interface KeycloakUser {
  id: string;
  username: string;
  email?: string;
  enabled?: boolean;
  emailVerified?: boolean;
  attributes?: Record<string, string[]>;
}

const CACHE_MS = 60_000;

/** Keycloak did not answer: a 503 to a person, a retry (then the dead-letter topic) for an event. */
export class DirectoryUnavailable extends ServiceUnavailableException {}

/**
 * Who holds a role in a unit, who acts for an enterprise: read from Keycloak's admin API with the
 * notifications service's own service account (realm-management view-users only: the users and their
 * role mappings, not the realm's configuration), cached for a minute. An office audience goes to the users of that unit holding the roles, or — when the unit has
 * none — to those of the nearest unit above it (a village's work reaches its commune's office).
 */
@Injectable()
export class PeopleDirectory {
  private readonly logger = new Logger('PeopleDirectory');
  private readonly tree = new UnitTree();
  private cache?: { at: number; users: Promise<Person[]> };
  private readonly tokens: ServiceTokenProvider;
  private readonly adminBase: string;

  constructor() {
    this.tokens = ServiceTokenProvider.fromEnv({
      ...process.env,
      OIDC_CLIENT_ID: process.env.NOTIFICATIONS_CLIENT_ID ?? 'nangsuat-notifications',
      OIDC_CLIENT_SECRET: process.env.NOTIFICATIONS_CLIENT_SECRET ?? 'notifications-local-secret',
    });
    const issuer = (process.env.OIDC_ISSUER ?? 'http://127.0.0.1:8080/realms/nangsuat').replace(/\/$/, '');
    this.adminBase = issuer.replace(/\/realms\/([^/]+)$/, '/admin/realms/$1');
  }

  async resolve(audience: Audience): Promise<Person[]> {
    switch (audience.kind) {
      case 'users': {
        if (audience.userIds.length === 0) return [];
        // Council members are named by account id or username.
        const named = (people: Person[]) => people.filter((p) => audience.userIds.includes(p.id) || audience.userIds.includes(p.username));
        let found = named(await this.everyone());
        // Someone who signed up a moment ago is not in the cached directory yet: read it again once.
        if (found.length < audience.userIds.length && this.cache && Date.now() - this.cache.at > 2000) {
          this.cache = undefined;
          found = named(await this.everyone());
        }
        return found;
      }
      case 'enterprise':
        return (await this.everyone()).filter((p) => p.enterpriseId === audience.enterpriseAccountId);
      case 'office': {
        const holders = (await this.everyone()).filter((p) => p.roles.some((r) => audience.roles.includes(r)));
        for (let unit: string | undefined = audience.unit; unit; unit = this.parentOf(unit)) {
          const here = holders.filter((p) => p.unit === unit);
          if (here.length > 0) return here;
        }
        return [];
      }
    }
  }

  private parentOf(code: string): string | undefined {
    try {
      return this.tree.get(code).parent ?? undefined;
    } catch {
      return undefined;
    }
  }

  private everyone(): Promise<Person[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.users;
    const users = this.fetchPeople().catch((error) => {
      this.cache = undefined;
      throw error;
    });
    this.cache = { at: Date.now(), users };
    return users;
  }

  private async fetchPeople(): Promise<Person[]> {
    const users = await this.fetchUsers('/users?briefRepresentation=false&first=0&max=5000');
    const people: Person[] = [];
    // A few at a time: one role-mapping request per person.
    for (let i = 0; i < users.length; i += 8) {
      const batch = users.slice(i, i + 8);
      const roles = await Promise.all(batch.map((u) => this.adminGet<{ name: string }[]>(`/users/${encodeURIComponent(u.id)}/role-mappings/realm/composite`)));
      batch.forEach((u, n) => people.push({ ...u, roles: roles[n].map((r) => r.name) }));
    }
    return people;
  }

  private async adminGet<T>(path: string): Promise<T> {
    const res = await fetch(`${this.adminBase}${path}`, { headers: { authorization: `Bearer ${await this.tokens.getToken()}` }, signal: AbortSignal.timeout(5000) });
    if (res.status === 401) this.tokens.invalidate();
    if (!res.ok) {
      this.logger.warn(`Keycloak admin API answered ${res.status} for ${path.split('?')[0]}`);
      throw new DirectoryUnavailable(`The directory of people (Keycloak) answered ${res.status}; notices are delivered once it answers.`);
    }
    return (await res.json()) as T;
  }

  private async fetchUsers(path: string): Promise<Omit<Person, 'roles'>[]> {
    const users = await this.adminGet<KeycloakUser[]>(path);
    return users
      .filter((u) => u.enabled !== false && !u.username.startsWith('service-account-'))
      .map((u) => ({
        id: u.id,
        username: u.username,
        ...(u.email ? { email: u.email } : {}),
        ...(u.attributes?.unit_code?.[0] ? { unit: u.attributes.unit_code[0] } : {}),
        ...(u.attributes?.enterprise_id?.[0] ? { enterpriseId: u.attributes.enterprise_id[0] } : {}),
      }));
  }
}
