/**
 * Layer rules, checked by `npm run deps` in scripts/test.sh (dependency-cruiser):
 * - each app is a deployable of its own: it never compiles against another app's sources; what
 *   contexts share is published in libs/ (a context's events, streams and deciders in libs/contracts);
 * - libraries never import apps;
 * - the domain (the kernel in libs/event-sourcing and every context's contract) imports no framework,
 *   driver or transport, so deciders run and are tested without infrastructure;
 * - Express stays at the edge: only controllers, HTTP plumbing (interceptors, filters, guards) and
 *   tests see the request; handlers get a CommandContext.
 */
const INFRASTRUCTURE = '^node_modules/(@nestjs|mongoose|mongodb|pg|kafkajs|express|@types/express|class-validator|class-transformer|exceljs|nodemailer|@aws-sdk)/';
const MECHANISM_LIBS = '^libs/(event-store|messaging|service-runtime|projections|auth|read-models|attachments|exports|telemetry)/';

module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      comment: 'An app imports only its own sources and libs/. Move what two apps share into libs/ (a context contract: libs/contracts/<context>).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries are shared mechanisms and contracts; they must not depend on an application.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Deciders and events import no framework, driver, transport or mechanism library.',
      severity: 'error',
      from: { path: '^(libs/contracts/|libs/event-sourcing/|apps/[^/]+/src/[^/]+/domain/)' },
      to: { path: [INFRASTRUCTURE, MECHANISM_LIBS] },
    },
    {
      name: 'express-stays-at-the-edge',
      comment: 'Below a controller nothing reads the HTTP request: the command context (actor, command id, correlation id, now) is built at the edge.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.controller\\.ts$', '\\.(int-)?spec\\.ts$', '\\.(interceptor|middleware|filter|guard)\\.ts$', '^libs/service-runtime/src/(http|commands/command-context)', '^libs/auth/', '^libs/telemetry/', '/testing/'] },
      to: { path: '^node_modules/(@types/)?express(-serve-static-core)?/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(apps/console/|dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
