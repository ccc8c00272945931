import { createParamDecorator, CustomDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Role } from './roles';

export const IS_PUBLIC = 'nangsuat:auth:public';
export const REQUIRED_ROLES = 'nangsuat:auth:roles';
export const READ_ONLY_OPERATION = 'nangsuat:auth:read-only-operation';

/** The route needs no token (health, OpenAPI documents). On a controller, covers all its routes. */
export const Public = (): CustomDecorator<string> => SetMetadata(IS_PUBLIC, true);

/** The caller must hold at least one of these realm roles, else 403. Method metadata overrides class metadata. */
export const Roles = (...roles: (Role | `${Role}`)[]): CustomDecorator<string> => SetMetadata(REQUIRED_ROLES, roles);

/**
 * A POST (or other non-GET) route that changes nothing — a query with a body, an integrity check,
 * a report — so read-only actors (auditors, service accounts) may call it. Its handler must not
 * append events; scope it with AccessPolicy.assertCanRead.
 */
export const ReadOnlyOperation = (): CustomDecorator<string> => SetMetadata(READ_ONLY_OPERATION, true);

export const WITHOUT_UNIT = 'nangsuat:auth:without-unit';

/**
 * The route accepts a signed-in person whose account has no administrative unit yet — someone who
 * signed up on Keycloak's registration page and is claiming an enterprise. Every other check of the
 * guard still applies; the handler decides what such a person may do.
 */
export const WithoutUnit = (): CustomDecorator<string> => SetMetadata(WITHOUT_UNIT, true);

/** Request property where the guard puts the verified actor. */
export const ACTOR_PROPERTY = 'actor';

/** The acting user, from the verified access token (undefined on @Public routes). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | undefined => {
  const request = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  return request[ACTOR_PROPERTY] as Actor | undefined;
});
