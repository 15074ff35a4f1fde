/**
 * The dashboard's shell: a header with the metro switcher (embedded and user-defined metros from `/api/metros`), the
 * unit set, the language switch and the view tabs; the state lives in the URL hash (hash-state.ts), so every screen is
 * a shareable link and the back button works. The tabs are links, the switches real controls: all reachable by
 * keyboard, with a visible focus.
 */
import { type ReactElement, useCallback, useEffect, useMemo, useState } from 'react';
import { Api, type MetroSummary } from './api.ts';
import { defaultHashState, formatHash, type HashState, parseHash, withParams } from './hash-state.ts';
import { nameOf, pick, tr } from './i18n.ts';
import { useRequest, ViewBoundary } from './kit.tsx';
import { views } from './views/index.ts';
import type { Lang, ViewSpec } from './views/types.ts';

const viewIds = views.map((v) => v.id);
/** Fetch a view's code ahead (its tab is pointed at or focused); a failure shows when the view is opened. */
const preload = (v: ViewSpec): void => {
  v.preload?.().catch(() => undefined);
};

const readHash = (): HashState => parseHash(window.location.hash, { ...defaultHashState, views: viewIds });

function useHashState(): [HashState, (next: HashState) => void] {
  const [state, setState] = useState<HashState>(readHash);
  useEffect(() => {
    const onChange = () => setState(readHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: HashState) => {
    const hash = formatHash(next);
    if (hash !== window.location.hash) window.location.hash = hash;
    setState(next);
  }, []);
  return [state, navigate];
}

/** The default unit set's name in the language (its id when the metro does not list it). */
function defaultUnitName(lang: Lang, metro: MetroSummary): string {
  const set = metro.unitSets.find((u) => u.id === metro.defaultUnitSet);
  return set === undefined ? metro.defaultUnitSet : nameOf(lang, set);
}

export function App({ api: baseApi }: { readonly api?: Api }): ReactElement {
  const [state, navigate] = useHashState();
  const { metro, view, lang, params } = state;
  const root = useMemo(() => baseApi ?? new Api(), [baseApi]);
  const api = useMemo(() => root.withLang(lang), [root, lang]);
  const metros = useRequest('metros', () => root.metros());
  const list: readonly MetroSummary[] = metros.state.status === 'done' ? metros.state.value.metros : [];
  const current = list.find((m) => m.id.toLowerCase() === metro);
  const spec = views.find((v) => v.id === view) ?? views[0];

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${spec ? pick(lang, spec.title) : ''} · ${current ? nameOf(lang, current) : metro} · metrocoop`;
  }, [lang, spec, current, metro]);

  const setParams = useCallback(
    (next: Readonly<Record<string, string | null>>) => navigate({ ...state, params: withParams(state.params, next) }),
    [navigate, state],
  );
  const href = (next: Partial<HashState>) => formatHash({ ...state, ...next });
  // A new metro keeps the view and language, not the view's parameters (industries and unit sets differ).
  const switchMetro = (id: string) => navigate({ metro: id, view, lang, params: new URLSearchParams() });
  const switchLang = (next: Lang) => navigate({ ...state, lang: next });
  const units = params.get('units');

  return (
    <div className="app">
      <button type="button" className="skip" onClick={() => document.getElementById('content')?.focus()}>
        {tr(lang, 'skipToContent')}
      </button>
      <header className="top">
        <h1 className="brand">{tr(lang, 'appName')}</h1>
        <div className="controls">
          <label className="param">
            <span>{tr(lang, 'metro')}</span>
            <select value={current?.id ?? metro} onChange={(e) => switchMetro(e.target.value)}>
              {current === undefined && <option value={metro}>{metro}</option>}
              {list.map((m) => (
                <option key={m.id} value={m.id}>
                  {nameOf(lang, m)}
                  {m.origin === 'user' ? ` (${tr(lang, 'userMetro')})` : ''}
                </option>
              ))}
            </select>
          </label>
          {current !== undefined && current.unitSets.length > 1 && (
            <label className="param">
              <span>{tr(lang, 'unitSet')}</span>
              <select value={units ?? ''} onChange={(e) => setParams({ units: e.target.value === '' ? null : e.target.value })}>
                <option value="">
                  {tr(lang, 'defaultUnits')} ({defaultUnitName(lang, current)})
                </option>
                {current.unitSets.map((u) => (
                  <option key={u.id} value={u.id}>
                    {nameOf(lang, u)} · {u.memberCount}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="lang-switch">
            <legend>{tr(lang, 'language')}</legend>
            {(['zh', 'en'] as const).map((l) => (
              <button key={l} type="button" aria-pressed={lang === l} onClick={() => switchLang(l)} lang={l === 'zh' ? 'zh-CN' : 'en'}>
                {l === 'zh' ? '中文' : 'English'}
              </button>
            ))}
          </fieldset>
          <a className="api-link" href="/docs">
            {tr(lang, 'apiDocs')}
          </a>
        </div>
        <nav aria-label={tr(lang, 'views')}>
          <ul className="tabs">
            {views.map((v) => (
              <li key={v.id}>
                <a
                  href={href({ view: v.id })}
                  aria-current={v.id === spec?.id ? 'page' : undefined}
                  onPointerEnter={() => preload(v)}
                  onFocus={() => preload(v)}
                >
                  {pick(lang, v.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {metros.state.status === 'error' && (
        <p className="error" role="alert">
          {tr(lang, 'failed')}: {metros.state.error.message}
        </p>
      )}
      <main id="content" tabIndex={-1}>
        {spec !== undefined && (
          <ViewBoundary key={`${metro}/${spec.id}`} lang={lang}>
            <spec.component metro={metro} lang={lang} api={api} params={params} setParams={setParams} />
          </ViewBoundary>
        )}
      </main>
    </div>
  );
}
