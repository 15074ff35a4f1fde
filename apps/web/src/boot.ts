/**
 * The page's client, and the first screen's requests started with it: main.tsx imports this module before anything
 * else, so it runs before React, ECharts and the views are evaluated (first-requests.ts).
 */
import { Api } from './api.ts';
import { startFirstRequests } from './first-requests.ts';

/** The client every view of the page shares (its kept results with it). */
export const pageApi = new Api();

startFirstRequests(pageApi, window.location.hash);
