import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { principalFromAccessToken, type Principal } from './claims';
import { setAccessTokenSource } from '../lib/api';
import { signInProblemOf, type SignInProblem } from './signInProblem';

interface AuthState {
  readonly principal?: Principal;
  readonly ready: boolean;
  /** Why the last sign-in or silent renewal did not work. */
  readonly error?: SignInProblem;
  login(returnTo?: string): Promise<void>;
  /** Keycloak's own registration page (prompt=create): a person signs up, verifies the email, and comes back signed in. */
  register(): Promise<void>;
  logout(): Promise<void>;
}

// The redirect callback may be handled only once (React may run effects twice in development).
let callbackOnce: Promise<User> | undefined;

const AuthContext = createContext<AuthState | undefined>(undefined);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** Test seam: a fixed principal without Keycloak (component tests only). */
export function StaticAuthProvider({ principal, children }: { principal?: Principal; children: ReactNode }) {
  const value = useMemo<AuthState>(() => ({ principal, ready: true, login: async () => {}, register: async () => {}, logout: async () => {} }), [principal]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function AuthProvider({ userManager, children }: { userManager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<SignInProblem>();

  useEffect(() => {
    let cancelled = false;
    setAccessTokenSource(async () => {
      const current = await userManager.getUser();
      if (current && !current.expired) return current.access_token;
      try {
        const renewed = await userManager.signinSilent();
        return renewed?.access_token;
      } catch {
        return undefined;
      }
    });
    const onLoaded = (u: User) => setUser(u);
    const onUnloaded = () => setUser(null);
    const onSilentError = (e: Error) => setError(signInProblemOf(e));
    userManager.events.addUserLoaded(onLoaded);
    userManager.events.addUserUnloaded(onUnloaded);
    userManager.events.addSilentRenewError(onSilentError);
    (async () => {
      try {
        if (window.location.pathname === '/auth/callback') {
          callbackOnce ??= userManager.signinRedirectCallback();
          const u = await callbackOnce;
          const state = (u.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
          window.history.replaceState({}, '', state);
          if (!cancelled) setUser(u);
        } else {
          const u = await userManager.getUser();
          if (!cancelled) setUser(u && !u.expired ? u : null);
        }
      } catch (e) {
        if (!cancelled) setError(signInProblemOf(e));
        window.history.replaceState({}, '', '/');
      } finally {
        if (!cancelled) setReady(true);
      }
    })();
    return () => {
      cancelled = true;
      userManager.events.removeUserLoaded(onLoaded);
      userManager.events.removeUserUnloaded(onUnloaded);
      userManager.events.removeSilentRenewError(onSilentError);
    };
  }, [userManager]);

  const login = useCallback(
    (returnTo?: string) => userManager.signinRedirect({ state: { returnTo: returnTo ?? window.location.pathname + window.location.search } }),
    [userManager],
  );
  const register = useCallback(() => userManager.signinRedirect({ prompt: 'create', state: { returnTo: '/claim' } }), [userManager]);
  // Ends the Keycloak session too (end_session_endpoint with id_token_hint), not only the console's.
  const logout = useCallback(async () => {
    await userManager.signoutRedirect();
  }, [userManager]);

  const principal = useMemo(() => (user ? principalFromAccessToken(user.access_token) : undefined), [user]);
  const value = useMemo<AuthState>(() => ({ principal, ready, error, login, register, logout }), [principal, ready, error, login, register, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
