export * from './persistence.module';
export * from './sqlite/sqlite-token-repository';
export * from './postgres/postgres-token-repository';
export * from './sqlite/sqlite-contact-repository';
export * from './postgres/postgres-contact-repository';
export * from './mail/smtp-mail-sender';
