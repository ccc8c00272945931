/**
 * Loads the demo data of scripts/up.sh through the platform's own HTTP APIs, with real Keycloak
 * tokens of the demo users — the same path an official's browser takes. Every command carries an
 * Idempotency-Key, so running it again changes nothing.
 *
 * The plans come from ../shared/seeds as structured in apps/plans/src/plans/seed.
 */
import { seedPlans } from '../apps/plans/src/plans/seed';
import { PlanSeed } from '../apps/plans/src/plans/seed/types';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const urls = {
  plans: `http://127.0.0.1:${port('PLANS_PORT', 3001)}`,
  'support-programs': `http://127.0.0.1:${port('SUPPORT_PROGRAMS_PORT', 3002)}`,
  training: `http://127.0.0.1:${port('TRAINING_PORT', 3003)}`,
  awards: `http://127.0.0.1:${port('AWARDS_PORT', 3004)}`,
};
const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:8080/realms/nangsuat';
type Service = keyof typeof urls;

const tokens = new Map<string, string>();
async function tokenFor(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password: 'demo-password' }),
    });
    const body = (await res.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`Keycloak refused demo user ${username}: ${body.error_description ?? res.status}`);
    tokens.set(username, body.access_token);
  }
  return tokens.get(username)!;
}

/** Sends one command; a repeated run gets the first result back (same Idempotency-Key). */
async function command(service: Service, username: string, path: string, key: string, body: unknown): Promise<any> {
  const res = await fetch(`${urls[service]}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await tokenFor(username)}`,
      'content-type': 'application/json',
      'idempotency-key': `demo-data.${key}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${service} POST ${path} as ${username} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Who drafts and issues each seed plan: an official of the issuing unit (or of its successor). */
const authorOf: Record<string, string> = { '58': 'admin.ninhthuan', '51': 'qn.admin', '51-NGOKBAY': 'ngokbay.officer' };

async function loadPlan(seed: PlanSeed): Promise<void> {
  const author = authorOf[seed.content.issuingUnit] ?? 'kh.admin';
  await command('plans', author, '/plans', `${seed.planId}.draft`, { planId: seed.planId, content: seed.content });
  if (seed.issue) {
    const plan = await command('plans', author, `/plans/${seed.planId}/issue`, `${seed.planId}.issue`, seed.issue);
    console.log(`  plan ${plan.content.documentNumber} "${plan.content.title.slice(0, 70)}…" issued ${plan.issueDateDisplay}, ${plan.content.targets.length} targets`);
  } else {
    console.log(`  plan ${seed.planId} loaded as a draft (${(seed.missing ?? []).join('; ')})`);
  }
}

async function main(): Promise<void> {
  console.log('demo data: seed plans');
  for (const seed of seedPlans) await loadPlan(seed);
}

main().catch((error) => {
  console.error(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
