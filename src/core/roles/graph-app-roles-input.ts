import { z } from 'zod';
import { RolegateError } from '../../errors/rolegate-error.ts';
import { parseInput } from '../parse-input.ts';

// Microsoft Graph's appRole resource, as seed 001 shows it: its seven fields and no others,
// so a misspelt field (`isEnabeld`) is refused instead of dropped, which would leave the role
// enabled. Graph's own allowedMemberTypes, id and origin are checked for shape and ignored:
// rolegate assigns its own ids.
const graphAppRole = z.strictObject({
  allowedMemberTypes: z.array(z.string()).optional(),
  description: z.string().max(1024).nullable().optional(),
  displayName: z.string().trim().min(1).max(256),
  id: z.string().optional(),
  isEnabled: z.boolean().optional(),
  origin: z.string().optional(),
  value: z.string().trim().max(2048).nullable(),
});

export type GraphAppRole = z.output<typeof graphAppRole>;

const appRolesDocument = z.strictObject({ appRoles: z.array(graphAppRole) });
const appRolesArray = z.array(graphAppRole);

/** Either accepted shape, for the OpenAPI document. */
export const importAppRolesInput = z.union([appRolesDocument, appRolesArray]);

export interface GraphAppRoles {
  entries: GraphAppRole[];
  /** How an entry's field is named in the caller's document: `appRoles[3]` or `[3]`. */
  pathOf(index: number): string;
}

/**
 * Reads `{"appRoles": [...]}` (Graph's servicePrincipal property) or a bare array of appRoles.
 * The shape is chosen before parsing, so a mistake is reported at its field
 * (`appRoles[0].isEnabled: …`) instead of as the union's bare "Invalid input".
 */
export function parseGraphAppRoles(input: unknown): GraphAppRoles {
  if (Array.isArray(input)) return { entries: parseInput(appRolesArray, input), pathOf: (index) => `[${index}]` };
  if (typeof input === 'object' && input !== null) {
    return { entries: parseInput(appRolesDocument, input).appRoles, pathOf: (index) => `appRoles[${index}]` };
  }
  throw new RolegateError('ERR_VALIDATION', 'the body must be Graph\'s appRoles JSON: {"appRoles": [...]} or an array of appRole objects');
}
