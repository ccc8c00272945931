// Lets compiled code under dist/ resolve the @nangsuat/* library aliases of tsconfig.json.
// Used as: node -r ./scripts/runtime-paths.js dist/apps/<service>/src/main.js
const path = require('node:path');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@nangsuat/*': ['libs/*/src'] },
  addMatchAll: false,
});
