import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@nangsuat/auth';

/** The auditor API: role `auditor` only (everyone else 403), reads only (the global guard refuses auditors' writes). */
export const AuditorOnly = (): ClassDecorator & MethodDecorator =>
  applyDecorators(
    Roles(Role.Auditor),
    ApiBearerAuth(),
    ApiTags('audit'),
    ApiForbiddenResponse({ description: 'Only auditors (role auditor) may use the audit API' }),
  );
