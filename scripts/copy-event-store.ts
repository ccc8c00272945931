/**
 * Moves a service's event store from one adapter to the other — MongoDB → PostgreSQL or back —
 * keeping event ids, versions, global positions and hashes, then verifies the copy commit by commit
 * and every hash chain. Stop the service first. Exit code 0 only when the copy is identical.
 *
 *   npm run store:copy -- --from mongodb://127.0.0.1:27017 --to postgres://nangsuat@127.0.0.1:5432/nangsuat --service plans
 *   (--name nangsuat_plans overrides the database/schema name; --verify-only compares without copying)
 */
import { compareEventStores, copyEventStore, openEventStoreByUrl, StoreComparison } from '@nangsuat/event-store';

function args(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--')) throw new Error(`Unexpected argument "${argv[i]}"`);
    out[key] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
  }
  return out;
}

function printComparison(c: StoreComparison): void {
  const row = (label: string, s: StoreComparison['source']) =>
    console.log(`  ${label}: ${s.commits} commits, ${s.events} events, ${s.voidPositions} void positions, last position ${s.lastPosition}, digest ${s.digest.slice(0, 16)}…`);
  row('source', c.source);
  row('target', c.target);
  if (c.firstDifference) console.log(`  first difference at position ${c.firstDifference.position}: ${c.firstDifference.reason}`);
  for (const b of c.brokenChains.slice(0, 20)) console.log(`  broken chain: ${b.streamId} v${b.streamVersion} (event ${b.eventId}): ${b.reason}`);
  console.log(c.identical ? 'The copy is identical to the source and every hash chain holds.' : 'The stores differ: see above.');
}

async function main(): Promise<number> {
  const a = args(process.argv.slice(2));
  const from = a.from, to = a.to, service = a.service;
  if (typeof from !== 'string' || typeof to !== 'string' || (typeof service !== 'string' && typeof a.name !== 'string')) {
    console.error('Usage: npm run store:copy -- --from <url> --to <url> --service <service> [--name <database or schema>] [--verify-only]');
    return 2;
  }
  const context = typeof service === 'string' ? service : 'copy';
  const name = typeof a.name === 'string' ? a.name : `nangsuat_${context.replace(/-/g, '_')}`;
  const source = await openEventStoreByUrl(from, name, context);
  const target = await openEventStoreByUrl(to, name, context);
  try {
    let comparison: StoreComparison;
    if (a['verify-only']) {
      comparison = await compareEventStores(source.store, target.store);
    } else {
      const started = Date.now();
      const report = await copyEventStore(source.store, target.store, {
        onProgress: (p) => process.stdout.write(`\r  copied ${p.commits} commits, ${p.events} events (position ${p.position})`),
      });
      console.log(`\nCopied ${report.copied.commits} commits and ${report.copied.events} events of ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s; verifying…`);
      comparison = report.verification;
    }
    printComparison(comparison);
    return comparison.identical ? 0 : 1;
  } finally {
    await source.close();
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(2);
  },
);
