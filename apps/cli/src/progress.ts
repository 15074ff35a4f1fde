/**
 * A progress line on stderr for work that takes a while (an analysis): nothing for work done within a second; after
 * that `Analysing jjj … 1 s`, rewritten in place every second on a terminal, and once finished `Analysed jjj in
 * 2.3 s.`. Shown when stderr is a terminal or when asked (the global `--progress`); never on stdout, so piped
 * output stays clean. The timer is unreferenced: it never keeps the process alive.
 */
import type { CliContext } from './context.ts';
import { type LocalizedText, pick } from './i18n.ts';

export const progressMessages = {
  analysing: (id: string): ProgressLabel => ({
    working: (s) => ({ en: `Analysing ${id} … ${s} s`, zh: `正在分析 ${id} … ${s} 秒` }),
    done: (s) => ({ en: `Analysed ${id} in ${s} s.`, zh: `${id} 分析完成，用时 ${s} 秒。` }),
  }),
  planning: (id: string): ProgressLabel => ({
    working: (s) => ({ en: `Planning ${id} … ${s} s`, zh: `正在规划 ${id} … ${s} 秒` }),
    done: (s) => ({ en: `Planned ${id} in ${s} s.`, zh: `${id} 规划完成，用时 ${s} 秒。` }),
  }),
};

/** The texts of one task: while working and when done, given the elapsed seconds as text. */
export interface ProgressLabel {
  readonly working: (seconds: string) => LocalizedText;
  readonly done: (seconds: string) => LocalizedText;
}

/** Options of {@link startProgress} (tests shorten the delays and give a clock). */
export interface ProgressOptions {
  /** Show nothing before this many milliseconds. Default 1000. */
  readonly afterMs?: number;
  /** Update the line this often on a terminal. Default 1000. */
  readonly everyMs?: number;
  /** The clock, in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
}

export interface Progress {
  /** Show the line now if the delay has passed (call it between steps that block the event loop). */
  tick(): void;
  /** End: the closing line if anything was shown. Idempotent. */
  stop(): void;
}

/** Start a progress line for a task (shown only when stderr is a terminal or `--progress` was given). */
export function startProgress(ctx: CliContext, label: ProgressLabel, options: ProgressOptions = {}): Progress {
  const afterMs = options.afterMs ?? 1000;
  const everyMs = options.everyMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const enabled = ctx.interactive || ctx.progress === true;
  const started = now();
  let shown = false;
  let stopped = false;
  const seconds = (digits: number) => ((now() - started) / 1000).toFixed(digits);
  const show = () => {
    if (stopped) return;
    const line = pick(label.working(seconds(0)), ctx.lang);
    // A terminal gets one line rewritten in place; a file or a pipe one line, once.
    if (ctx.interactive) ctx.err(`\r\x1b[K${line}`);
    else if (!shown) ctx.err(`${line}\n`);
    shown = true;
  };
  let timer: NodeJS.Timeout | undefined;
  if (enabled) {
    timer = setTimeout(function again() {
      show();
      if (ctx.interactive) {
        timer = setTimeout(again, everyMs);
        timer.unref();
      }
    }, afterMs);
    timer.unref();
  }
  return {
    tick() {
      if (enabled && !shown && now() - started >= afterMs) show();
    },
    stop() {
      if (stopped) return;
      if (timer !== undefined) clearTimeout(timer);
      if (shown) {
        const line = pick(label.done(seconds(1)), ctx.lang);
        ctx.err(ctx.interactive ? `\r\x1b[K${line}\n` : `${line}\n`);
      }
      stopped = true;
    },
  };
}

/** Run `fn` with a progress line (see {@link startProgress}). */
export async function withProgress<T>(
  ctx: CliContext,
  label: ProgressLabel,
  fn: (progress: Progress) => Promise<T>,
  options: ProgressOptions = {},
): Promise<T> {
  const progress = startProgress(ctx, label, options);
  try {
    return await fn(progress);
  } finally {
    progress.stop();
  }
}
