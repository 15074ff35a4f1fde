/**
 * The one error boundary of the API: every failure becomes `{ "error": { "code", "message", "issues" } }` with the
 * right status, the message in the request's language. Validation failures (zod) are 400 with each issue; errors of
 * the core and data packages map by class and code (`UNKNOWN_METRO`, `NOT_FOUND` … → 404; invalid input → 400; a
 * failed import's report → 422); anything else is a 500 whose stack goes to the server log only.
 */
import { InvalidInputError, type Language, type LocalizedText, MetroError, NotFoundError } from '@metrocoop/core/errors';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { languageOf } from './language.ts';
import { serverMessages } from './messages.ts';

/** One problem of a request (a zod issue, a validation-report row, a definition issue). */
export interface ApiIssue {
  readonly path?: string;
  readonly code?: string;
  readonly message: string;
  readonly [key: string]: unknown;
}

/** The body of every error response. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly issues: readonly unknown[] };
}

/** An error a route throws on purpose, with its status, stable code and bilingual message. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly messages: LocalizedText;
  readonly issues: readonly unknown[];
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: ContentfulStatusCode, code: string, text: LocalizedText, issues: readonly unknown[] = [], headers: Record<string, string> = {}) {
    super(text.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = text;
    this.issues = issues;
    this.headers = headers;
  }
}

/** Codes of the core and data packages that mean "no such thing" (404) even when the class is not NotFoundError. */
const notFoundCodes = new Set(['NOT_FOUND', 'UNKNOWN_METRO', 'UNKNOWN_REGION', 'UNKNOWN_ID', 'UNKNOWN_DATASET', 'UNKNOWN_UNIT_SET', 'UNKNOWN_INDUSTRY']);
/** Codes that mean "try again" (503). */
const unavailableCodes = new Set(['STORE_BUSY', 'STORE_CLOSED']);

/** The language of a request (its `Accept-Language`). */
export function requestLanguage(c: Context): Language {
  return languageOf(c.req.header('accept-language'));
}

/** The error body for a code, a message and issues. */
export function errorBody(code: string, message: string, issues: readonly unknown[] = []): ApiErrorBody {
  return { error: { code, message, issues } };
}

/** The issues of a zod error as plain objects: the path as `a.b.0`, zod's code, its message (English). */
export function zodIssues(error: ZodError): ApiIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

/** The 400 response of a failed validation, for the app's defaultHook. */
export function validationResponse(c: Context, error: ZodError, target: string): Response {
  const issues = zodIssues(error).map((i) => ({ ...i, in: target }));
  const fields = [...new Set(issues.map((i) => (i.path === undefined || i.path === '' ? target : i.path)))];
  return c.json(errorBody('INVALID_REQUEST', serverMessages.invalidRequest(fields)[requestLanguage(c)], issues), 400);
}

/** Issues carried by a MetroError (a validation report's rows, a metro definition's issues), in the language. */
function metroIssues(error: MetroError, lang: Language): unknown[] {
  const report = (error as { report?: { issues?: readonly unknown[] } }).report;
  const raw = report?.issues ?? (error as { issues?: readonly unknown[] }).issues ?? [];
  return raw.map((issue) => {
    if (issue === null || typeof issue !== 'object') return issue;
    const message = (issue as { message?: unknown }).message;
    if (message !== null && typeof message === 'object' && 'en' in message && 'zh' in message) return { ...issue, message: (message as LocalizedText)[lang] };
    return issue;
  });
}

/** The status of a MetroError: 404 for the not-found codes, 422 for a failed import, 503 busy, 400 other input. */
export function statusOfMetroError(error: MetroError): ContentfulStatusCode {
  if (error instanceof NotFoundError || notFoundCodes.has(error.code)) return 404;
  if (error.code === 'DATA_VALIDATION') return 422;
  if (unavailableCodes.has(error.code)) return 503;
  if (error instanceof InvalidInputError) return 400;
  return 400;
}

/** Log a failure (500) with its stack to the server log; never into the response. */
export type ErrorLog = (line: string) => void;

/**
 * The response for any error thrown by a handler or middleware. `log` gets the stack of unexpected errors (500).
 */
export function errorResponse(error: unknown, c: Context, log: ErrorLog): Response {
  const lang = requestLanguage(c);
  if (error instanceof ApiError) {
    const res = c.json(errorBody(error.code, error.messages[lang], error.issues), error.status);
    for (const [k, v] of Object.entries(error.headers)) res.headers.set(k, v);
    return res;
  }
  if (error instanceof MetroError) {
    const status = statusOfMetroError(error);
    const extra = (error as { report?: unknown }).report;
    const body = errorBody(error.code, error.messages[lang], metroIssues(error, lang));
    return c.json(extra === undefined ? body : { ...body, report: localizeReport(extra, lang) }, status);
  }
  if (error instanceof ZodError) {
    // A handler that parsed something itself with a zod schema (a posted file's content, say): the same 400.
    return validationResponse(c, error, 'body');
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 400) return c.json(errorBody('MALFORMED_BODY', serverMessages.malformedJson[lang]), 400);
    if (status === 415) return c.json(errorBody('UNSUPPORTED_MEDIA_TYPE', serverMessages.unsupportedMediaType(c.req.header('content-type'))[lang]), 415);
    if (status === 413) return c.json(errorBody('PAYLOAD_TOO_LARGE', serverMessages.tooLarge(0)[lang]), 413);
    if (status < 500) return c.json(errorBody(`HTTP_${status}`, error.message), status as ContentfulStatusCode);
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`[metrocoop server] ${new Date().toISOString()} ${c.req.method} ${c.req.path}: ${stack}\n`);
  return c.json(errorBody('INTERNAL', serverMessages.internal[lang]), 500);
}

/** A validation report with its issue messages in one language (the report is what an upload returns). */
function localizeReport(report: unknown, lang: Language): unknown {
  if (report === null || typeof report !== 'object') return report;
  const r = report as { issues?: readonly unknown[] };
  if (!Array.isArray(r.issues)) return report;
  return {
    ...r,
    issues: r.issues.map((i: unknown) => {
      const m = (i as { message?: unknown }).message;
      return m !== null && typeof m === 'object' && 'en' in m ? { ...(i as object), message: (m as LocalizedText)[lang] } : i;
    }),
  };
}
