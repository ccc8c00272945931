import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers of every answer (helmet): no MIME sniffing, no referrer, no framing, and a
 * Content-Security-Policy that lets Swagger UI at /docs run its own scripts and nothing else.
 * API answers are never cached (they carry data a person may read only with a token); the static
 * files of Swagger UI may be.
 */
export function securityHeaders(): Array<(req: Request, res: Response, next: NextFunction) => void> {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Swagger UI's page carries a small inline <style>; no inline script is allowed.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain HTTP behind the deployment's TLS terminator; HSTS is the terminator's to send.
    strictTransportSecurity: false,
  });
  const noStore = (req: Request, res: Response, next: NextFunction) => {
    if (!/^\/docs\/.+\.(js|css|png|ico)$/.test(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  };
  return [headers, noStore];
}
