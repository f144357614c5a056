export * from './catalogue/certificate-type.schema.ts';
export * from './catalogue/rule-engine.ts';
export * from './catalogue/source.schema.ts';
export * from './errors/app-error.ts';
export * from './errors/error-codes.ts';
export * from './identity/resident-id.ts';
export * from './identity/uscc.ts';
export * from './privacy/masking.ts';
