export * from './stream-state-projection';
export * from './projections.module';
