import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Global teardown of the e2e tier: stops what the start command started. */
export default function platformDown(): void {
  // scripts/test.sh keeps the platform up for the console's browser tests, then stops it itself.
  if (process.env.NANGSUAT_KEEP_PLATFORM_UP === '1') return;
  execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'down.sh')], { stdio: 'inherit', env: process.env });
}
