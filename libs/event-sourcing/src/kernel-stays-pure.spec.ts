import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Layer rule: the kernel and every bounded context's domain folder are pure — they import no
 * framework, driver or transport, so deciders run and are tested without infrastructure.
 */
const root = join(__dirname, '..', '..', '..');
const forbidden = /^(@nestjs\/|mongoose$|mongodb$|pg$|kafkajs$|express$|@nangsuat\/(event-store|messaging|service-runtime|projections|auth)$)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(path) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]);
}

const domainFolders = readdirSync(join(root, 'apps')).flatMap((app) => {
  const src = join(root, 'apps', app, 'src');
  try {
    return readdirSync(src)
      .map((context) => join(src, context, 'domain'))
      .filter((dir) => {
        try {
          return statSync(dir).isDirectory();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
});

describe('layers', () => {
  const folders = [join(root, 'libs', 'event-sourcing', 'src'), ...domainFolders];

  it('finds the kernel and the domain folders', () => {
    expect(domainFolders.length).toBeGreaterThanOrEqual(5);
  });

  it.each(folders.map((f) => [relative(root, f), f]))('%s imports no framework, driver or store', (_name, folder) => {
    const offending = sources(folder).flatMap((file) => importsOf(file).filter((m) => forbidden.test(m)).map((m) => `${relative(root, file)} → ${m}`));
    expect(offending).toEqual([]);
  });
});
