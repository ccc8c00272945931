import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Global teardown of the e2e tier: stops what the start command started. */
export default function platformDown(): void {
  execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'down.sh')], { stdio: 'inherit', env: process.env });
}
