// Owns the browser's way to the default error messages: the chunk errors.ts
// loads on first need. Apart from error-messages.ts (which the servers import)
// so that the chunk's exports are a module of their own, not a namespace object
// the bundler has to build around a shared chunk.
export { defaultMessages } from './error-messages';
