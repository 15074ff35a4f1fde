/**
 * Error classes with stable codes, shared by every metrocoop package.
 *
 * A message is always bilingual: `message` is the English text (what a stack trace shows), `messages.zh` the
 * Chinese one. Tests assert the class and `code`, never the wording. Message shape (../STYLE.md):
 * `functionName: what is wrong (got X); what is expected or how to fix it.`
 */

/** A message in both languages of the project. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

/** The user-facing languages. */
export type Language = 'en' | 'zh';

/** Base class of every error metrocoop throws on purpose. */
export class MetroError extends Error {
  /** Stable machine-readable code, e.g. `INVALID_INPUT`, `NOT_FOUND`. */
  readonly code: string;
  /** The message in both languages. */
  readonly messages: LocalizedText;
  /** Optional structured details (offending value, position, …) for reports and `--json` output. */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, text: LocalizedText, details?: Record<string, unknown>) {
    super(text.en);
    this.name = new.target.name;
    this.code = code;
    this.messages = text;
    this.details = details;
  }

  /** The message in the given language. */
  localized(lang: Language): string {
    return this.messages[lang];
  }
}

/** Input that does not meet a function's contract (shape, sign, finiteness, unknown option value…). */
export class InvalidInputError extends MetroError {
  constructor(text: LocalizedText, details?: Record<string, unknown>, code = 'INVALID_INPUT') {
    super(code, text, details);
  }
}

/** A named thing (region, industry, metro, table) that does not exist. */
export class NotFoundError extends MetroError {
  constructor(text: LocalizedText, details?: Record<string, unknown>, code = 'NOT_FOUND') {
    super(code, text, details);
  }
}

/** An iterative method that did not reach its tolerance within its iteration limit. */
export class ConvergenceError extends MetroError {
  constructor(text: LocalizedText, details?: Record<string, unknown>, code = 'NO_CONVERGENCE') {
    super(code, text, details);
  }
}
