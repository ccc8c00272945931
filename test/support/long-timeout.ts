// Integration and end-to-end tests talk to real servers (Kafka, FerretDB, Keycloak): allow for their latency.
jest.setTimeout(120_000);
