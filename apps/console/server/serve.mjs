// Serves the console's production build on one origin for the browser: the static files (any unknown
// path gets index.html, the SPA's router takes over), /console-config.json (where Keycloak is), and
// /api/<service>/… forwarded to the five services. Used by scripts/up.sh; production uses nginx
// (deploy/console/nginx.conf) the same way.
import { createServer, request } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
const port = Number(process.env.CONSOLE_PORT ?? 4200);
const host = process.env.CONSOLE_HOST ?? '127.0.0.1';
const keycloak = process.env.KEYCLOAK_URL ?? `http://127.0.0.1:${process.env.KEYCLOAK_PORT ?? 8080}`;
const services = {
  plans: Number(process.env.PLANS_PORT ?? 3001),
  'support-programs': Number(process.env.SUPPORT_PROGRAMS_PORT ?? 3002),
  training: Number(process.env.TRAINING_PORT ?? 3003),
  awards: Number(process.env.AWARDS_PORT ?? 3004),
  audit: Number(process.env.AUDIT_PORT ?? 3005),
  notifications: Number(process.env.NOTIFICATIONS_PORT ?? 3006),
};
const config = JSON.stringify({ authority: `${keycloak}/realms/nangsuat`, clientId: 'nangsuat-console' });
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2' };

function proxy(req, res, service, path) {
  const headers = { ...req.headers, host: `127.0.0.1:${services[service]}`, 'x-forwarded-host': req.headers.host ?? '' };
  const upstream = request({ host: '127.0.0.1', port: services[service], method: req.method, path, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: 502, message: `The ${service} service does not answer.` }));
  });
  req.pipe(upstream);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://console');
  const api = /^\/api\/([a-z-]+)(\/.*)?$/.exec(url.pathname);
  if (api) {
    if (!(api[1] in services)) return void res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, message: `No service ${api[1]}` }));
    return proxy(req, res, api[1], (api[2] ?? '/') + url.search);
  }
  if (url.pathname === '/console-config.json') return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(config);
  if (url.pathname === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  let file = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  const immutable = file.includes(`${join(root, 'assets')}`);
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  createReadStream(file).pipe(res);
});
server.listen(port, host, () => console.log(`console on http://${host}:${port} (Keycloak ${keycloak})`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
