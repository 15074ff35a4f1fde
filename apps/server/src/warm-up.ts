/**
 * The warm-up: right after the server listens, it asks itself — over loopback, through the same listener, rate
 * limit and caches as any client — for what the dashboard opens with: the metro list, then each embedded metro's
 * analysis and its geometries simplified for the screen (the URLs apps/web/src/api.ts asks for), the dashboard's default metro (`jjj`) first. The first analysis of a metro takes a second
 * or two (benchmarks included); after the warm-up a visitor's first page is a cached read. One request at a time, so
 * visitors arriving meanwhile are served in between; stopped when the server stops; a failure only leaves the cache
 * cold (the first visitor computes, as without the warm-up). Costs the loopback client a dozen of its rate-limit
 * tokens.
 */
import { type IncomingMessage, request } from 'node:http';

/** The metro the dashboard opens on (apps/web/src/hash-state.ts), warmed first. */
const dashboardDefaultMetro = 'jjj';

/** GET `url` on a fresh connection (closed after the answer); resolves with the status and body. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { 'user-agent': 'metrocoop-warm-up' } }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The targets to warm, in order, from the metro list's body. */
export function warmTargets(metrosBody: string): string[] {
  const parsed = JSON.parse(metrosBody) as { metros?: readonly { id?: unknown; origin?: unknown }[] };
  const ids = (parsed.metros ?? []).filter((m) => m.origin === 'embedded' && typeof m.id === 'string').map((m) => m.id as string);
  ids.sort((a, b) => Number(b.toLowerCase() === dashboardDefaultMetro) - Number(a.toLowerCase() === dashboardDefaultMetro));
  return ids.flatMap((id) => [`/api/metros/${encodeURIComponent(id)}/analysis`, `/api/metros/${encodeURIComponent(id)}/geometries?detail=screen`]);
}

/**
 * Warm the caches of the server at `baseUrl`; resolves when done, stopped (`stopping()` turned true) or failed.
 * Returns the targets warmed with a `200`.
 */
export async function warmUp(baseUrl: string, stopping: () => boolean): Promise<string[]> {
  const warmed: string[] = [];
  try {
    const metros = await get(`${baseUrl}/api/metros`);
    if (metros.status !== 200) return warmed;
    warmed.push('/api/metros');
    for (const target of warmTargets(metros.body)) {
      if (stopping()) break;
      const answer = await get(`${baseUrl}${target}`);
      if (answer.status === 200) warmed.push(target);
    }
  } catch {
    // The cache stays cold; nothing else depends on the warm-up.
  }
  return warmed;
}
