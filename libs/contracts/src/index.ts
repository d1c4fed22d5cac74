import 'reflect-metadata';
export * from './codes/codes';
export * from './codes/dossier-status';
export * from './event-definition';
export * from './events/catalogue.events';
export * from './events/dossier.events';
export * from './headers';
export * from './topics';
