/**
 * The contract between the dashboard's shell and its views: a view gets the metro, the language, the API client and
 * the URL state (shareable links), and renders a map or chart first with the numbers a click away.
 */
import type { ComponentType } from 'react';
import type { Api } from '../api.ts';

export type Lang = 'en' | 'zh';

export interface ViewProps {
  readonly metro: string;
  readonly lang: Lang;
  readonly api: Api;
  /** The view's own URL parameters (e.g. `industry=C`), shareable. */
  readonly params: URLSearchParams;
  /** Set (or, with null, remove) URL parameters; the URL changes, the view re-renders. */
  setParams(next: Readonly<Record<string, string | null>>): void;
}

export interface ViewSpec {
  /** The URL path segment: `#/<metro>/<id>?…`. */
  readonly id: string;
  readonly title: { readonly en: string; readonly zh: string };
  /** The view itself: a component, or a lazy one (`React.lazy`) whose code is fetched when the view is first shown. */
  readonly component: ComponentType<ViewProps>;
  /** Fetch the view's code ahead (a pointer over or focus on its tab), so that opening it does not wait; absent when it is in the first bundle. */
  readonly preload?: () => Promise<unknown>;
}
