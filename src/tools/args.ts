import * as z from 'zod';
import type { JsonSchema } from '../llm/types.js';
import type { Tool, ToolContext, ToolResult } from './types.js';
import { WorkspaceError } from './workspace.js';
import { errorMessage } from '../error-message.js';

/**
 * Argument validation shared by the tools: a zod schema decides, and a failure becomes an error
 * result that names the parameter and repeats what the tool takes, so the model can retry right.
 */

export type ParsedArgs<T> = { ok: true; value: T } | { ok: false; result: ToolResult };

interface PropertySchema {
  type?: string;
}

export function parseArgs<T>(
  toolName: string,
  parameters: JsonSchema,
  schema: z.ZodType<T>,
  args: Record<string, unknown> | null | undefined
): ParsedArgs<T> {
  const parsed = schema.safeParse(lenient(parameters, args ?? {}));
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map(describeIssue);
  const content = `Invalid arguments for ${toolName}: ${problems.join('; ')}. ${toolName} takes ${usage(parameters)}.`;
  return { ok: false, result: { ok: false, content, data: { error: 'invalid_arguments', problems } } };
}

/**
 * Models often send `null` for an omitted optional parameter and, over text protocols, numbers and
 * booleans as strings; both are unambiguous, so they are accepted rather than bounced.
 */
function lenient(parameters: JsonSchema, args: Record<string, unknown>): Record<string, unknown> {
  const properties = (parameters.properties ?? {}) as Record<string, PropertySchema>;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === null) continue;
    const type = properties[key]?.type;
    if (type === 'integer' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
      result[key] = Number(value);
    } else if (type === 'boolean' && (value === 'true' || value === 'false')) {
      result[key] = value === 'true';
    } else {
      result[key] = value;
    }
  }
  return result;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(key => `'${key}'`).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `missing required parameter '${name}' (${issue.expected})`;
  }
  return `parameter '${name}': ${issue.message.replace(/^Invalid input: /, '')}`;
}

/** "path (string), start_line? (integer)" from the JSON schema the model was given. */
export function usage(parameters: JsonSchema): string {
  const properties = (parameters.properties ?? {}) as Record<string, PropertySchema>;
  const required = new Set((parameters.required ?? []) as string[]);
  return Object.entries(properties)
    .map(([name, property]) => `${name}${required.has(name) ? '' : '?'} (${property.type ?? 'any'})`)
    .join(', ');
}

/** An error result for a refusal or failure the model should read and act on. */
export function errorResult(content: string, data: Record<string, unknown> = {}): ToolResult {
  return { ok: false, content, data };
}

/** Turns a thrown refusal into the result the model sees; unexpected errors are reported, not hidden. */
export function failureResult(error: unknown): ToolResult {
  if (error instanceof WorkspaceError) {
    return errorResult(error.message, { error: error.code, path: error.path });
  }
  const message = errorMessage(error);
  return errorResult(`The tool failed unexpectedly: ${message}`, { error: 'unexpected', message });
}

/**
 * The JSON schema the model is given for a tool's arguments, derived from the zod schema that checks
 * them, so the two cannot disagree. A strict object becomes `additionalProperties: false`; the
 * `$schema` line and the safe-integer bound zod writes on every integer are left out, since they
 * only cost the model tokens.
 */
export function toolParameters(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...parameters } = z.toJSONSchema(schema, {
    io: 'input',
    override: ({ jsonSchema }) => {
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    }
  });
  return parameters;
}

/** A workspace path argument, as most tools take it. */
export const repositoryPath = z.string().min(1).describe('File path relative to the repository root.');

/** What a tool is made from: its name, what the model reads about it, its arguments and what it does. */
export interface ToolDefinition<T> {
  name: string;
  description: string;
  /** The arguments, once: the model's JSON schema is derived from it (describe each field with `.describe`). */
  schema: z.ZodType<T>;
  readOnly: boolean;
  run: (args: T, ctx: ToolContext) => Promise<ToolResult>;
}

/**
 * A tool from its definition: arguments are validated first (an invalid call gets a result naming
 * the parameter), and a thrown refusal or failure becomes a result the model reads.
 */
export function defineTool<T>(definition: ToolDefinition<T>): Tool {
  const { name, description, schema, readOnly } = definition;
  const parameters = toolParameters(schema);
  return {
    name,
    description,
    parameters,
    readOnly,
    async run(args, ctx) {
      const parsed = parseArgs(name, parameters, schema, args);
      if (!parsed.ok) return parsed.result;
      try {
        return await definition.run(parsed.value, ctx);
      } catch (error) {
        return failureResult(error);
      }
    }
  };
}
