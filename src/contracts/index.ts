/** The card and settings API payloads, one zod schema each, shared by the backend routes and the UI extensions. */
export * from './values';
export * from './api-error';
export * from './card';
export * from './agreements';
export * from './properties';
export * from './simulate';
export * from './jobs';
export * from './report';
export * from './connection';
export * from './names';
export * from './quiz';
