/**
 * What every view shares: loading a request as state (`useRequest`), the states around it (loading, an error with
 * its message and a retry), the analysis and the map features of the current metro, and a table of numbers behind a
 * `<details>` (the chart first, the numbers a click away).
 */
import type { MetroAnalysis } from '@metrocoop/core';
import type { UnitGeometries } from '@metrocoop/viz';
import { Component, type ReactElement, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { type Api, ApiError } from './api.ts';
import { tr } from './i18n.ts';
import type { Lang, ViewProps } from './views/types.ts';

export type RequestState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError | Error }
  | { readonly status: 'done'; readonly value: T };

/** Run `load` when `key` changes; the state, and `retry` to run it again. */
export function useRequest<T>(key: string, load: () => Promise<T>): { readonly state: RequestState<T>; readonly retry: () => void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` depends on
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (error: unknown) => live && setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

/** A request's loading and error states around what to show when it is done. */
export function Loaded<T>({
  lang,
  request,
  children,
}: {
  readonly lang: Lang;
  readonly request: { readonly state: RequestState<T>; readonly retry: () => void };
  readonly children: (value: T) => ReactNode;
}): ReactElement {
  const { state, retry } = request;
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status" aria-live="polite">
        {tr(lang, 'loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    const code = state.error instanceof ApiError ? ` (${state.error.code})` : '';
    return (
      <div className="error" role="alert">
        <p>
          <strong>{tr(lang, 'failed')}</strong>
          {code}: {state.error.message}
        </p>
        <button type="button" onClick={retry}>
          {tr(lang, 'retry')}
        </button>
      </div>
    );
  }
  return <>{children(state.value)}</>;
}

/** The analysis and the map features of the view's metro and unit set (both kept by the client). */
export interface MetroData {
  readonly analysis: MetroAnalysis;
  readonly geometries: UnitGeometries | null;
}

/**
 * The analysis and, with `maps`, the boundaries (a failure there only drops the map to points), asked for at once.
 * The client keeps both per URL: the start of the page (first-requests.ts) calls this before the views' code has run, and the
 * view's own call then finds the requests under way or done.
 */
export async function requestMetroData(api: Api, metro: string, units: string | null, maps: boolean): Promise<MetroData> {
  const analysis = api.analysis(metro, { units });
  const geometries = maps
    ? api.geometries(metro, { units }).then(
        (g) => g.geometries,
        () => null,
      )
    : Promise.resolve(null);
  return { analysis: await analysis, geometries: await geometries };
}

/** Load the analysis (and, with `maps`, the boundaries) of the view's metro and unit set. */
export function useMetroData(props: ViewProps, maps = true) {
  const units = props.params.get('units');
  return useRequest<MetroData>(`${props.metro}|${units}|${maps}`, () => requestMetroData(props.api, props.metro, units, maps));
}

/**
 * Around a view: while its code is fetched (a lazy view) a loading line; if it fails to render (its chunk could not be
 * fetched — e.g. the dashboard was rebuilt meanwhile — or a bug), the message and a reload instead of a blank page.
 */
export class ViewBoundary extends Component<{ readonly lang: Lang; readonly children: ReactNode }, { readonly error: Error | null }> {
  override state: { readonly error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { lang, children } = this.props;
    const { error } = this.state;
    if (error === null) return <Suspense fallback={<ViewLoading lang={lang} />}>{children}</Suspense>;
    return (
      <div className="error" role="alert">
        <p>
          <strong>{tr(lang, 'viewFailed')}</strong>: {error.message}
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          {tr(lang, 'reloadPage')}
        </button>
      </div>
    );
  }
}

function ViewLoading({ lang }: { readonly lang: Lang }): ReactElement {
  return (
    <p className="loading" role="status" aria-live="polite" aria-busy="true">
      {tr(lang, 'loadingView')}
    </p>
  );
}

/** The source and year of the analysis's matrix (the tooltips' last line). */
export const matrixProvenance = (a: MetroAnalysis, lang: Lang): string => `${tr(lang, 'source')}: ${a.unitSet.source} · ${tr(lang, 'year')}: ${a.unitSet.year}`;

export interface Column<R> {
  readonly label: string;
  readonly cell: (row: R) => ReactNode;
  /** A right-aligned number column. */
  readonly numeric?: boolean;
  /** The cell's hover text (e.g. the source and year of the number). */
  readonly title?: (row: R) => string | undefined;
}

/** A table of numbers behind a "show the numbers" disclosure (open with `open`). */
export function NumbersTable<R>({
  lang,
  caption,
  columns,
  rows,
  rowKey,
  open = false,
}: {
  readonly lang: Lang;
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string;
  readonly open?: boolean;
}): ReactElement {
  return (
    <details className="numbers" open={open}>
      <summary>
        {tr(lang, 'showNumbers')}: {caption}
      </summary>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => (
              <tr key={rowKey(r, k)}>
                {columns.map((c) => (
                  <td key={c.label} className={c.numeric ? 'num' : undefined} title={c.title?.(r)}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A labelled `<select>` bound to a URL parameter. */
export function ParamSelect({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string) => void;
}): ReactElement {
  return (
    <label className="param">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
