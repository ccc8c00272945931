import type * as Jose from 'jose';

/**
 * jose 6 ships as ES modules only. A compiled (CommonJS) service `require()`s it natively on
 * Node >= 20.19, but jest's module registry cannot load ES modules without a transform, which would
 * break every test that imports @nangsuat/auth. So the module is loaded through Node's own
 * `require` (reached via process.getBuiltinModule, which jest does not intercept): one code path
 * for production and tests, no change to the shared jest configuration.
 */
function loadJose(): typeof Jose {
  const nodeModule = process.getBuiltinModule('node:module');
  return nodeModule.createRequire(__filename)('jose') as typeof Jose;
}

export const jose: typeof Jose = loadJose();
