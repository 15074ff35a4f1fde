/**
 * Zod schemas shared by the routes: the error body and the error responses each route declares, so that the
 * OpenAPI document shows them, and the bilingual summary of an operation.
 */
import { z } from '@hono/zod-openapi';

/** `{ "error": { "code", "message", "issues" } }` — the body of every error response. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'UNKNOWN_METRO' }),
      message: z.string().openapi({ example: 'showMetro: unknown metro "xyz"; known: jjj, nyc, tokyo, yrd.' }),
      issues: z.array(z.unknown()),
    }),
  })
  .openapi('Error');

const errorDescriptions = {
  400: 'Invalid request (validation issues listed) / malformed JSON',
  401: 'Token missing (writes on a server bound beyond loopback)',
  403: 'Token wrong, or the action is refused',
  404: 'Unknown id',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Data failed validation (the report is returned)',
  429: 'Rate limited (see Retry-After)',
  500: 'Internal error (details only in the server log)',
  503: 'Timed out, busy or shutting down',
} as const;

/** HTTP statuses of error responses a route can declare. */
export type ErrorStatus = keyof typeof errorDescriptions;

/** The error responses for a route: always 400, 429, 500, 503, plus the given statuses. */
export function errorResponses(...statuses: ErrorStatus[]) {
  const all = [...new Set<ErrorStatus>([400, 429, 500, 503, ...statuses])].sort((a, b) => a - b);
  return Object.fromEntries(all.map((s) => [s, { description: errorDescriptions[s], content: { 'application/json': { schema: errorSchema } } }])) as Record<
    ErrorStatus,
    { description: string; content: { 'application/json': { schema: typeof errorSchema } } }
  >;
}

/** An operation's summary in English and Chinese (`x-summary-zh`, read by the /docs page). */
export function summary(en: string, zh: string): { summary: string; 'x-summary-zh': string } {
  return { summary: en, 'x-summary-zh': zh };
}

/** Paging of a list: `limit` (1 … max) and `offset` (≥ 0). */
export function pagingQuery(maxRows: number, defaultRows: number) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxRows)
      .default(Math.min(defaultRows, maxRows))
      .openapi({ description: `rows per page, 1–${maxRows}` }),
    offset: z.coerce.number().int().min(0).default(0).openapi({ description: 'rows to skip' }),
  };
}

/** `T` with every `readonly` removed, deeply (the data package returns readonly arrays; zod's types are mutable). */
export type DeepMutable<T> = T extends (infer U)[] | readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

/** A value as its {@link DeepMutable} type (no copy: JSON serialisation does not care). */
export const mutable = <T>(value: T): DeepMutable<T> => value as DeepMutable<T>;
