import { describe, expect, it } from 'vitest';
import { ErrorResponse } from 'oidc-client-ts';
import { signInProblemOf } from './signInProblem';
import { en, vi } from '../i18n/resources';

describe('signInProblemOf', () => {
  it.each([
    ['access_denied', 'cancelled'],
    ['login_required', 'sessionEnded'],
    ['interaction_required', 'sessionEnded'],
    ['temporarily_unavailable', 'unavailable'],
    ['server_error', 'unavailable'],
    ['unauthorized_client', 'refused'],
  ])("names Keycloak's %s as %s and keeps the code as the reference", (code, kind) => {
    expect(signInProblemOf(new ErrorResponse({ error: code, error_description: 'x' }))).toEqual({ kind, reference: code });
  });

  it('tells a stale sign-in link (the back button after signing in) from a refusal', () => {
    expect(signInProblemOf(new Error('No matching state found in storage')).kind).toBe('staleLink');
  });

  it('tells an unreachable sign-in server from a refusal', () => {
    expect(signInProblemOf(new TypeError('Failed to fetch')).kind).toBe('unreachable');
    expect(signInProblemOf(new TypeError('NetworkError when attempting to fetch resource.')).kind).toBe('unreachable');
  });

  it('falls back to a refusal that still carries what was said', () => {
    expect(signInProblemOf(new Error('something else'))).toEqual({ kind: 'refused', reference: 'something else' });
    expect(signInProblemOf('odd')).toEqual({ kind: 'refused', reference: 'odd' });
  });

  it('has words for every kind in both languages', () => {
    for (const kind of ['cancelled', 'sessionEnded', 'staleLink', 'unreachable', 'unavailable', 'refused'] as const) {
      expect(vi.auth.problem[kind]).toBeTruthy();
      expect(en.auth.problem[kind]).toBeTruthy();
    }
  });
});
