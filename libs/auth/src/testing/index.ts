export * from './keycloak-tokens';
