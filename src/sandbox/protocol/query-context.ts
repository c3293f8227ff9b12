import type { Logger } from 'pino';
import type { Caller } from '../auth/caller.ts';
import type { SandboxDirectory, SamlValidationOptions } from '../saml/index.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { XmlObject } from './write-query-xml.ts';

/** What every action handler may use: the store, the clock and the SAML settings. */
export interface SandboxRuntime {
  store: SandboxStore;
  now: () => Date;
  publicUrl: string;
  directory: SandboxDirectory;
  samlOptions: () => SamlValidationOptions;
  logger: Logger;
}

export interface QueryContext {
  params: ReadonlyMap<string, string>;
  /** Undefined only for actions that are called unsigned (AssumeRoleWithSAML). */
  caller: Caller | undefined;
  runtime: SandboxRuntime;
  now: Date;
  requestId: string;
}

export type QueryAction = (context: QueryContext) => Promise<XmlObject | undefined>;

export interface QueryActionTable {
  readonly [action: string]: { run: QueryAction; unsigned?: boolean };
}

export function requireCaller(context: QueryContext): Caller {
  if (context.caller === undefined) throw new TypeError('action needs a signed caller but was dispatched unsigned');
  return context.caller;
}
