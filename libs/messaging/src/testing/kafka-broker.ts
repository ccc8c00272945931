import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = resolve(__dirname, '../../../../scripts/infra/kafka-broker.sh');

/** A Kafka broker of the test's own (scripts/infra/kafka-broker.sh), to stop and restart at will. */
export class TestKafkaBroker {
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly controllerPort: number,
  ) {}

  static async create(): Promise<TestKafkaBroker> {
    return new TestKafkaBroker(mkdtempSync(join(tmpdir(), 'nangsuat-kafka-')), await freePort(), await freePort());
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async start(): Promise<void> {
    await run(script, ['start', this.dir, String(this.port), String(this.controllerPort)], { timeout: 120_000 });
  }

  async stop(): Promise<void> {
    await run(script, ['stop', this.dir], { timeout: 60_000 });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
