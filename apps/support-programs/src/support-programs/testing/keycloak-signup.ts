import { createHash, randomBytes } from 'node:crypto';
import { testIssuer } from '@nangsuat/auth/testing';

/**
 * A person signing up as they would in a browser: Keycloak's own registration page (the form it
 * serves, posted with its cookies), then the verification link Keycloak mailed — read from Mailpit's
 * API — followed. Returns the new account's password-grant token function.
 */
const MAILPIT = () => process.env.MAILPIT_URL ?? `http://127.0.0.1:${process.env.MAIL_API_PORT ?? '8025'}`;

class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<{ status: number; html: string; location?: string }> {
    return this.send(url, { method: 'GET' });
  }

  async post(url: string, form: Record<string, string>): Promise<{ status: number; html: string; location?: string }> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  private async send(url: string, init: RequestInit): Promise<{ status: number; html: string; location?: string }> {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return { status: res.status, html: await res.text(), ...(res.headers.get('location') ? { location: res.headers.get('location')! } : {}) };
  }
}

const decodeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=').replace(/&#61;/g, '=');

export async function signUp(person: { username: string; email: string; password: string; firstName: string; lastName: string }): Promise<void> {
  const browser = new Browser();
  // As the console starts it: authorization code with PKCE.
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
  const start = `${testIssuer()}/protocol/openid-connect/registrations?client_id=nangsuat-console&response_type=code&scope=openid&code_challenge=${challenge}&code_challenge_method=S256&redirect_uri=${encodeURIComponent('http://127.0.0.1:4200/')}`;
  let page = await browser.get(start);
  // Keycloak answers the registrations endpoint with a redirect to its registration form.
  for (let hop = 0; hop < 5 && page.location; hop++) {
    if (page.location.startsWith('http://127.0.0.1:4200')) throw new Error(`Keycloak sent the browser back without a form: ${page.location}`);
    page = await browser.get(new URL(page.location, start).toString());
  }
  const action = /<form[^>]*id="kc-register-form"[^>]*action="([^"]+)"/.exec(page.html) ?? /action="([^"]*login-actions\/registration[^"]*)"/.exec(page.html);
  if (!action) throw new Error(`Keycloak's registration page has no form (status ${page.status}): is registration allowed in the realm?`);
  let posted = await browser.post(decodeHtml(action[1]), { ...person, 'password-confirm': person.password });
  // On to the "verify your email" step, which is when Keycloak sends the mail.
  for (let hop = 0; hop < 5 && posted.location && !posted.location.startsWith('http://127.0.0.1:4200'); hop++) {
    posted = await browser.get(new URL(posted.location, start).toString());
  }
  if (posted.status >= 400 || /kc-feedback-text|alert-error/.test(posted.html) && !/verify/i.test(posted.html)) {
    throw new Error(`Keycloak refused the registration (${posted.status}): ${posted.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  // The verification mail, caught by Mailpit.
  let link: string | undefined;
  for (let i = 0; i < 100 && !link; i++) {
    const found = (await (await fetch(`${MAILPIT()}/api/v1/search?query=${encodeURIComponent(`to:"${person.email}"`)}`)).json()) as { messages: { ID: string }[] };
    if (found.messages.length > 0) {
      const message = (await (await fetch(`${MAILPIT()}/api/v1/message/${found.messages[0].ID}`)).json()) as { Text: string; HTML: string };
      link = /(https?:\/\/[^\s"<>]*login-actions\/action-token[^\s"<>]*)/.exec(decodeHtml(message.HTML || message.Text))?.[1];
    }
    if (!link) await new Promise((r) => setTimeout(r, 200));
  }
  if (!link) throw new Error(`No verification mail reached ${person.email}`);
  // Following it may show a page asking to confirm (another browser session): follow what it offers.
  let next: string | undefined = link;
  for (let hop = 0; hop < 6 && next; hop++) {
    const res = await browser.get(next);
    if (res.location) {
      next = res.location.startsWith('http://127.0.0.1:4200') ? undefined : new URL(res.location, next).toString();
      continue;
    }
    const proceed = /href="([^"]*login-actions\/action-token[^"]*)"/.exec(res.html) ?? /href="([^"]*login-actions\/[^"]*)"/.exec(res.html);
    next = proceed ? new URL(decodeHtml(proceed[1]), next).toString() : undefined;
  }
}

/** The account's access token (password grant on the CLI client), or Keycloak's refusal. */
export async function passwordToken(username: string, password: string): Promise<{ token?: string; error?: string }> {
  const res = await fetch(`${testIssuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password }),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  return body.access_token ? { token: body.access_token } : { error: body.error_description ?? String(res.status) };
}
