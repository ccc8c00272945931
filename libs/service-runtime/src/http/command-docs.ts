import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** OpenAPI of a command route: the Idempotency-Key header every command honours, and the answers a refusal gets. */
export const CommandDocs = (): MethodDecorator =>
  applyDecorators(
    ApiBearerAuth(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Optional: 8–100 letters, digits or . _ : -. Repeating a request with the same key answers like the first time and writes nothing; the same key with another request is refused (409).',
    }),
    ApiForbiddenResponse({ description: 'Outside your administrative unit, another enterprise, or a read-only account (auditor).' }),
    ApiUnprocessableEntityResponse({ description: 'The domain refuses the command (impossible transition or value); nothing is written.' }),
    ApiConflictResponse({ description: 'Duplicate, full, changed concurrently, or an Idempotency-Key reused for another request; nothing is written.' }),
  );
