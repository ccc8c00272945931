import { z } from 'zod';

/**
 * The configuration every service needs, read from the environment and validated at start:
 * a missing or malformed variable stops the service with a message that names it.
 */
const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const serviceConfigSchema = z.object({
  PORT: z
    .string({ required_error: 'is required (e.g. 3001)' })
    .regex(/^\d{1,5}$/, 'must be a port number')
    .transform(Number)
    .refine((p) => p >= 1 && p <= 65535, 'must be a port number between 1 and 65535'),
  MONGODB_URI: z
    .string({ required_error: 'is required (e.g. mongodb://127.0.0.1:27017)' })
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a MongoDB connection string (mongodb://host:port)'),
  /** Where the event store lives: postgres://… (PostgreSQL adapter) or mongodb://… ; unset: the service's MongoDB database. */
  EVENT_STORE_URL: z
    .string()
    .regex(/^(postgres(ql)?|mongodb(\+srv)?):\/\/\S+$/, 'must be a PostgreSQL or MongoDB connection string (postgres://user@host:5432/db or mongodb://host:27017)')
    .optional(),
  /** Where the read models and the audit ledger live: postgres://… or mongodb (the service's MongoDB database); unset: beside the events. */
  READ_MODELS_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/\S+|mongodb)$/, 'must be a PostgreSQL connection string (postgres://user@host:5432/db) or the word mongodb (the service\'s MongoDB database)')
    .optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a database name (letters, digits, _ and -)').optional(),
  KAFKA_BROKERS: z
    .string({ required_error: 'is required (e.g. 127.0.0.1:9092)' })
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
    .refine((bs) => bs.length > 0 && bs.every((b) => hostPort.test(b)), 'must be a comma-separated list of host:port'),
  OIDC_ISSUER: z.string({ required_error: 'is required (e.g. http://127.0.0.1:8080/realms/nangsuat)' }).url('must be a URL'),
  OIDC_AUDIENCE: z.string().min(1).default('nangsuat-api'),
  /** Largest JSON body accepted; larger requests get 413. */
  HTTP_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 256kb').default('256kb'),
});

export type ServiceConfig = Omit<z.infer<typeof serviceConfigSchema>, 'MONGODB_DB'> & {
  SERVICE: string;
  MONGODB_DB: string;
};

export class ConfigurationError extends Error {}

export function loadServiceConfig(service: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = serviceConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')} ${i.message === 'Required' ? 'is required' : i.message}`);
    throw new ConfigurationError(`Configuration of the ${service} service is invalid:\n${problems.join('\n')}`);
  }
  return { ...parsed.data, SERVICE: service, MONGODB_DB: parsed.data.MONGODB_DB ?? `nangsuat_${service.replace(/-/g, '_')}` };
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
