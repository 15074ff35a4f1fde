/**
 * The dashboard's state in the URL hash, so that a link shows what its sender saw: `#/<metro>/<view>?<params>`, e.g.
 * `#/jjj/structure?industry=C&lang=en`. `lang` and `units` are the shell's (language, unit set); the other parameters
 * belong to the view. Ids are checked (letters, digits, `-`, `_`, `.`; at most 100 characters): anything else falls
 * back to the default, never reaches a request unescaped.
 */
import type { Lang } from './views/types.ts';

export interface HashState {
  readonly metro: string;
  readonly view: string;
  readonly lang: Lang;
  /** Every query parameter of the hash but `lang` (the view's, and the shell's `units`). */
  readonly params: URLSearchParams;
}

export interface HashDefaults {
  readonly metro: string;
  readonly view: string;
  readonly lang: Lang;
  /** The views there are (an unknown view falls back to `view`). */
  readonly views?: readonly string[];
}

export const defaultHashState: HashDefaults = { metro: 'jjj', view: 'overview', lang: 'zh' };

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Whether `s` can be a metro or view id in the hash. */
export const isHashId = (s: string): boolean => idPattern.test(s);

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Read the state from a hash (`location.hash`, with or without the `#`). */
export function parseHash(hash: string, defaults: HashDefaults = defaultHashState): HashState {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [metroPart, viewPart] = path
    .split('/')
    .filter((s) => s !== '')
    .map(decode);
  const metro = metroPart != null && isHashId(metroPart) ? metroPart.toLowerCase() : defaults.metro;
  const knownView = (v: string) => isHashId(v) && (defaults.views === undefined || defaults.views.includes(v));
  const view = viewPart != null && knownView(viewPart) ? viewPart : defaults.view;
  const langParam = params.get('lang');
  const lang: Lang = langParam === 'en' || langParam === 'zh' ? langParam : defaults.lang;
  params.delete('lang');
  return { metro, view, lang, params };
}

/** Write the state as a hash (`#/jjj/overview?lang=en&…`); parameters in a stable order. */
export function formatHash(state: HashState): string {
  const params = new URLSearchParams();
  params.set('lang', state.lang);
  for (const [k, v] of [...state.params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (k !== 'lang') params.set(k, v);
  return `#/${encodeURIComponent(state.metro)}/${encodeURIComponent(state.view)}?${params.toString()}`;
}

/** `params` with `next` applied (`null` removes a parameter); the input is not changed. */
export function withParams(params: URLSearchParams, next: Readonly<Record<string, string | null>>): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [k, v] of Object.entries(next)) {
    if (v === null) out.delete(k);
    else out.set(k, v);
  }
  return out;
}
