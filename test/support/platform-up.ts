import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Global setup of the e2e tier: the README's start command, exactly as a person types it. */
export default function platformUp(): void {
  execFileSync('bash', [join(__dirname, '..', '..', 'scripts', 'up.sh')], { stdio: 'inherit', env: process.env });
}
