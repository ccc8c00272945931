// Lets compiled code under dist/ resolve the @nangsuat/* library aliases of tsconfig.json.
// Used as: node -r ./scripts/runtime-paths.js dist/apps/<service>/src/main.js
const fs = require('node:fs');
const path = require('node:path');
// The benchmarks import the libraries' testing kits too (`@nangsuat/auth/testing`), as tsconfig.json
// maps them; tsconfig-paths does not match a `*` inside a pattern, so each library is named.
const libs = fs.existsSync(path.join(__dirname, '..', 'dist', 'libs')) ? fs.readdirSync(path.join(__dirname, '..', 'dist', 'libs')) : [];
const testingKits = Object.fromEntries(libs.map((lib) => [`@nangsuat/${lib}/testing`, [`libs/${lib}/src/testing`]]));
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { ...testingKits, '@nangsuat/*': ['libs/*/src'] },
  addMatchAll: false,
});
