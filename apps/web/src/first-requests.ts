/**
 * The requests of the first screen, started before the rest of the dashboard's code has run (boot.ts), so that they
 * overlap the loading of the code instead of following the first render: the metros (the header's switcher) always;
 * the analysis and the boundaries when the view in the URL draws from them. The client keeps every GET per URL, so
 * the shell and the view then find these requests under way or done, and nothing is asked for twice.
 */
import type { Api } from './api.ts';
import { parseHash } from './hash-state.ts';
import { requestMetroData } from './kit.tsx';

/** The views that load the analysis with `useMetroData` (kit.tsx), and whether with the boundaries (its `maps`). */
export const metroDataViews: Readonly<Record<string, boolean>> = {
  overview: true,
  structure: true,
  linkage: true,
  homogenisation: false,
  pairs: false,
};

/** Start the requests of the screen the URL hash `hash` shows (failures are left for the views to show). */
export function startFirstRequests(api: Api, hash: string): void {
  const { metro, view, params } = parseHash(hash);
  api.metros().catch(() => undefined);
  const maps = metroDataViews[view];
  if (maps !== undefined) requestMetroData(api, metro, params.get('units'), maps).catch(() => undefined);
}
