/** What every command gets: the language, output streams, and the store path. */
import type { Language } from './i18n.ts';

export interface CliContext {
  readonly lang: Language;
  /** Standard output writer (a test captures it). */
  readonly out: (text: string) => void;
  /** Standard error writer: progress and warnings. */
  readonly err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly interactive: boolean;
  /** The command line's arguments (recorded beside a store this process holds, to say who holds it). */
  readonly argv?: readonly string[];
  /** Show progress lines on stderr even when it is not a terminal (the global `--progress`). */
  readonly progress?: boolean;
}
