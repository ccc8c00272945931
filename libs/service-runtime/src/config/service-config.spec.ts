import { ConfigurationError, loadServiceConfig } from './service-config';

const valid = {
  PORT: '3001',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  OIDC_ISSUER: 'http://127.0.0.1:8080/realms/nangsuat',
};

describe('service configuration', () => {
  it('accepts a complete environment and fills defaults', () => {
    const config = loadServiceConfig('support-programs', valid);
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.MONGODB_DB).toBe('nangsuat_support_programs');
    expect(config.OIDC_AUDIENCE).toBe('nangsuat-api');
    expect(config.EVENT_STORE_URL).toBeUndefined();
    expect(loadServiceConfig('plans', { ...valid, EVENT_STORE_URL: 'postgres://nangsuat@127.0.0.1:5432/nangsuat' }).EVENT_STORE_URL).toBe('postgres://nangsuat@127.0.0.1:5432/nangsuat');
  });

  it.each([
    ['PORT', { PORT: undefined }, /PORT is required/],
    ['PORT', { PORT: '70000' }, /PORT/],
    ['MONGODB_URI', { MONGODB_URI: 'postgres://x' }, /MONGODB_URI must be a MongoDB connection string/],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'localhost' }, /KAFKA_BROKERS must be a comma-separated list of host:port/],
    ['OIDC_ISSUER', { OIDC_ISSUER: undefined }, /OIDC_ISSUER is required/],
    ['HTTP_BODY_LIMIT', { HTTP_BODY_LIMIT: 'lots' }, /HTTP_BODY_LIMIT must be a size/],
    ['EVENT_STORE_URL', { EVENT_STORE_URL: 'mysql://127.0.0.1/events' }, /EVENT_STORE_URL must be a PostgreSQL or MongoDB connection string/],
    ['READ_MODELS_URL', { READ_MODELS_URL: 'mongodb://127.0.0.1:27017' }, /READ_MODELS_URL must be a PostgreSQL connection string .* or the word mongodb/],
  ])('names %s when it is missing or malformed', (_name, override, message) => {
    expect(() => loadServiceConfig('plans', { ...valid, ...override })).toThrow(ConfigurationError);
    expect(() => loadServiceConfig('plans', { ...valid, ...override })).toThrow(message);
  });
});
