/**
 * The CLI's languages. Every user-facing text is a `{ en, zh }` pair; `--lang` chooses, otherwise the locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`, `LANGUAGE`: a value starting with `zh` means Chinese), otherwise English.
 */
import type { Language, LocalizedText } from '@metrocoop/core';

export type { Language, LocalizedText };

/** Language from the environment's locale variables. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}

/** Language from `--lang` in raw arguments (before commander parses them), else from the environment. */
export function languageFromArguments(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    const value = arg === '--lang' ? argv[k + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  return languageFromEnvironment(env);
}

/** Pick the text of a pair in a language. */
export function pick(text: LocalizedText, lang: Language): string {
  return text[lang];
}
