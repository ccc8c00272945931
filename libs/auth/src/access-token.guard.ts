import { CanActivate, ExecutionContext, ForbiddenException, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenVerifier, IdentityProviderUnavailable, InvalidAccessToken } from './access-token-verifier';
import { ACTOR_PROPERTY, IS_PUBLIC, READ_ONLY_OPERATION, REQUIRED_ROLES, WITHOUT_UNIT } from './decorators';
import { isReadOnly, Role } from './roles';

/** The little of express's request and response the guard touches (no dependency on @types/express). */
interface Request {
  readonly method: string;
  readonly headers: { authorization?: string };
}
interface Response {
  setHeader(name: string, value: string): unknown;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REALM = 'nangsuat';

/**
 * The one guard of every service (registered as APP_GUARD by AuthModule.forRoot()):
 * 1. @Public() routes pass;
 * 2. the bearer token must be a valid access token of the realm (else 401 + WWW-Authenticate);
 * 3. the token must name an administrative unit (else 403), except on @WithoutUnit() routes;
 * 4. read-only actors (auditors, service accounts) are refused every non-GET/HEAD/OPTIONS request (403),
 *    except on routes marked @ReadOnlyOperation() (queries with a body, integrity checks);
 * 5. @Roles(...) on the route or controller: at least one must be held (else 403).
 * The verified actor is put on the request for @CurrentActor(). Unit and enterprise scope are checked
 * by AccessPolicy in the handler, where the record's unit is known.
 * Only HTTP is guarded: Kafka messages are internal and carry the actor in their event metadata.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();

    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      response.setHeader('WWW-Authenticate', `Bearer realm="${REALM}"`);
      throw new UnauthorizedException('An access token is required: send "Authorization: Bearer <token>".');
    }
    if (token === null) {
      return this.unauthorized(response, new InvalidAccessToken('The Authorization header must be "Bearer <token>".'));
    }

    let actor;
    try {
      ({ actor } = await this.verifier.verify(token));
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) throw new ServiceUnavailableException(error.message);
      if (error instanceof InvalidAccessToken) return this.unauthorized(response, error);
      return this.unauthorized(response, new InvalidAccessToken('The access token is invalid.'));
    }
    (request as unknown as Record<string, unknown>)[ACTOR_PROPERTY] = actor;

    if (!actor.unit && !this.reflector.getAllAndOverride<boolean>(WITHOUT_UNIT, targets)) {
      throw new ForbiddenException('Your account is not assigned to an administrative unit (attribute unit_code); ask the realm administrator.');
    }
    const changesState = !SAFE_METHODS.has(request.method.toUpperCase()) && !this.reflector.getAllAndOverride<boolean>(READ_ONLY_OPERATION, targets);
    if (changesState && isReadOnly(actor.roles)) {
      throw new ForbiddenException(
        actor.roles?.includes(Role.Auditor)
          ? 'Auditors are read-only: they may read every record but change none.'
          : 'Service accounts are read-only: they may read records but change none.',
      );
    }
    const required = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets);
    if (required && required.length > 0 && !required.some((r) => actor.roles?.includes(r))) {
      throw new ForbiddenException(
        `This action requires one of the roles ${required.join(', ')}; you hold ${actor.roles?.length ? actor.roles.join(', ') : 'none'}.`,
      );
    }
    return true;
  }

  private unauthorized(response: Response, error: InvalidAccessToken): never {
    response.setHeader('WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token", error_description="${error.description.replace(/["\\]/g, '')}"`);
    throw new UnauthorizedException(error.description);
  }
}

/** undefined: no Authorization header; null: present but not a bearer token; else the token. */
function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  return match ? match[1] : null;
}
