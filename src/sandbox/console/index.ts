export { createConsoleRoutes, type ConsoleRouteDeps } from './create-console-routes.ts';
