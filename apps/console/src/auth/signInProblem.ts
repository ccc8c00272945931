/**
 * Why signing in did not work, in words a person can act on. oidc-client-ts reports the authority's
 * OAuth error codes (`access_denied`, `login_required`, …) and its own messages ("No matching state
 * found in storage" after the back button); the sign-in card shows the kind, the code only as a
 * reference for the help desk.
 */
export type SignInProblemKind = 'cancelled' | 'sessionEnded' | 'staleLink' | 'unreachable' | 'unavailable' | 'refused';

export interface SignInProblem {
  readonly kind: SignInProblemKind;
  /** The authority's code or the library's message, for the help desk. */
  readonly reference?: string;
}

const BY_OAUTH_CODE: Readonly<Record<string, SignInProblemKind>> = {
  access_denied: 'cancelled',
  login_required: 'sessionEnded',
  interaction_required: 'sessionEnded',
  consent_required: 'sessionEnded',
  account_selection_required: 'sessionEnded',
  invalid_grant: 'sessionEnded',
  temporarily_unavailable: 'unavailable',
  server_error: 'unavailable',
};

export function signInProblemOf(error: unknown): SignInProblem {
  const code = typeof error === 'object' && error !== null && 'error' in error ? (error as { error: unknown }).error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && code) return { kind: BY_OAUTH_CODE[code] ?? 'refused', reference: code };
  if (/no matching state|state.*not found/i.test(message)) return { kind: 'staleLink', reference: message };
  if (/failed to fetch|networkerror|load failed|network request failed|timed? ?out/i.test(message)) return { kind: 'unreachable', reference: message };
  if (/expired|login_required|session/i.test(message)) return { kind: 'sessionEnded', reference: message };
  return { kind: 'refused', reference: message || undefined };
}
