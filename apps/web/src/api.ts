/**
 * The typed client of the metrocoop API (docs/api.md) the dashboard talks to. Every failure becomes an
 * {@link ApiError} carrying the server's `{error:{code,message,issues}}` — its message in the requested language —
 * or, when the answer is not that shape (a proxy's page, a dropped connection), a message that says what happened.
 * GET results are kept per URL for the life of the client (the server caches too; a write clears this cache).
 */
import type { LocalizedText, MetroAnalysis, MetroPlan, OpportunitiesPart, ScenarioFile, ScenarioResult } from '@metrocoop/core';
import type { UnitGeometries } from '@metrocoop/viz';
import type { Lang } from './views/types.ts';

/** One issue of an error (a field of a request that failed its schema, a row of an upload). */
export interface ApiIssue {
  readonly path?: readonly (string | number)[];
  readonly code?: string;
  readonly message: string;
  readonly [key: string]: unknown;
}

/** A failed request: the HTTP status (0 = no answer), the API's error code and message, and its issues. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    /** The whole error body when it had more than code, message and issues (an upload's validation report). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** A metro of `GET /api/metros`. */
export interface MetroSummary {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly country: string;
  readonly origin: 'embedded' | 'user';
  readonly defaultUnitSet: string;
  readonly memberCount: number;
  readonly unitSets: readonly {
    readonly id: string;
    readonly nameEn: string;
    readonly nameZh: string;
    readonly isDefault: boolean;
    readonly indicator: string;
    readonly classification: string;
    readonly years: readonly number[];
    readonly memberCount: number;
  }[];
  readonly sources: readonly string[];
}

/** `GET /api/metros/{id}/geometries`. */
export interface UnitGeometriesResponse {
  readonly metro: string;
  readonly unitSet: string;
  readonly geometries: UnitGeometries;
  readonly missing: readonly string[];
  readonly sources: readonly string[];
  readonly notes: readonly LocalizedText[];
}

/** A dataset of `GET /api/datasets` (the server's `datasetSchema`, packages/data's `DatasetInfo`). */
export interface DatasetSummary {
  readonly name: string;
  readonly kind: string | null;
  readonly origin: string | null;
  readonly sources: readonly string[];
  readonly observations: number;
  readonly regions: number;
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  readonly loadedAt: string | null;
}

/** A source of `GET /api/sources`. */
export interface SourceEntry {
  readonly id: string;
  readonly citation: string;
  readonly publisher: string;
  readonly table: string | null;
  readonly url: string | null;
  readonly licence: string | null;
  readonly dataset: string;
}

/** One problem of a validation report (packages/data's `ValidationReport`, as `POST /api/datasets` answers it). */
export interface ValidationIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly expected: string | null;
  readonly message: string | LocalizedText;
}

/** The validation report of an upload: with the import (warnings only) or with the refusal (errors). */
export interface ValidationReport {
  readonly file: string;
  readonly format: string;
  readonly rows: number;
  readonly observations: number;
  readonly skippedRows?: number;
  readonly issues: readonly ValidationIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/** `POST /api/datasets` when the file was imported. */
export interface UploadResult {
  readonly dataset: string;
  readonly imported: number;
  readonly report: ValidationReport;
}

/** Parameters shared by the analysis, plan and scenario requests. */
export interface MetroQuery {
  /** The unit set (default: the metro's default one). */
  readonly units?: string | null;
  readonly year?: number | null;
}

export interface AnalysisQuery extends MetroQuery {
  /** Metros to benchmark against (default `tokyo,nyc`); empty = none. */
  readonly compare?: readonly string[] | null;
}

export interface PlanQuery extends MetroQuery {
  readonly leads?: number | null;
  readonly minLeads?: number | null;
  readonly duplication?: number | null;
  readonly sensitivity?: boolean | null;
}

/** Report formats of `GET /api/metros/{id}/report`. */
/** The report downloads of `GET /api/metros/{id}/report` (`csv` and `md-zip` are ZIP archives). */
export type ReportFormat = 'html' | 'md' | 'xlsx' | 'pdf' | 'csv' | 'md-zip';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiOptions {
  /** Prefix of every path (default: the page's own origin, `''`). */
  readonly base?: string;
  /** The fetch to use (default: the global one; tests pass their own). */
  readonly fetch?: Fetch;
  /** The language of error messages (`Accept-Language`). */
  readonly lang?: Lang;
}

const messages = {
  network: { en: 'The server did not answer', zh: '服务器没有响应' },
  status: { en: 'The server answered with HTTP', zh: '服务器返回 HTTP' },
  notJson: { en: 'The server’s answer is not JSON', zh: '服务器的响应不是 JSON' },
} as const;

/** A query string of the defined parameters (`?a=1&b=x`, or `''`). */
export function queryString(params: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

const seg = (id: string): string => encodeURIComponent(id);

/** Turn a non-2xx response into an {@link ApiError} (the server's error body when there is one). */
export async function errorOf(response: Response, lang: Lang): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    const e = error as { code?: unknown; message: string; issues?: unknown };
    const issues = Array.isArray(e.issues) ? (e.issues as ApiIssue[]) : [];
    return new ApiError(response.status, typeof e.code === 'string' ? e.code : 'ERROR', e.message, issues, body);
  }
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  const status = `${messages.status[lang]} ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new ApiError(response.status, `HTTP_${response.status}`, snippet === '' ? status : `${status}: ${snippet}`, [], body);
}

/** The API client. */
export class Api {
  readonly base: string;
  readonly lang: Lang;
  readonly #fetch: Fetch;
  readonly #cache: Map<string, Promise<unknown>>;

  constructor(options: ApiOptions = {}, cache: Map<string, Promise<unknown>> = new Map()) {
    this.base = options.base ?? '';
    this.lang = options.lang ?? 'zh';
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#cache = cache;
  }

  /** The same client asking for messages in another language (the kept results are shared: the data are the same). */
  withLang(lang: Lang): Api {
    return new Api({ base: this.base, fetch: this.#fetch, lang }, this.#cache);
  }

  /** A request; resolves with the parsed JSON body of a 2xx answer, rejects with an {@link ApiError}. */
  async request<T>(method: string, path: string, body?: { readonly data: BodyInit; readonly type: string }): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.lang };
    if (body !== undefined) headers['Content-Type'] = body.type;
    let response: Response;
    try {
      response = await this.#fetch(this.base + path, { method, headers, ...(body === undefined ? {} : { body: body.data }) });
    } catch (cause) {
      const detail = cause instanceof Error && cause.message !== '' ? `: ${cause.message}` : '';
      throw new ApiError(0, 'NETWORK', `${messages.network[this.lang]} (${method} ${path})${detail}`);
    }
    if (!response.ok) throw await errorOf(response, this.lang);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'NOT_JSON', `${messages.notJson[this.lang]} (${method} ${path})`);
    }
  }

  /** A GET, kept per path (a failed one is forgotten, so a retry asks again). */
  get<T>(path: string): Promise<T> {
    const hit = this.#cache.get(path);
    if (hit !== undefined) return hit as Promise<T>;
    const p = this.request<T>('GET', path);
    this.#cache.set(path, p);
    p.catch(() => this.#cache.delete(path));
    return p;
  }

  /** Forget every kept GET (after a write). */
  clearCache(): void {
    this.#cache.clear();
  }

  // ------------------------------------------------------------------ reads

  metros(): Promise<{ readonly metros: readonly MetroSummary[] }> {
    return this.get('/api/metros');
  }

  analysis(metro: string, q: AnalysisQuery = {}): Promise<MetroAnalysis> {
    const compare = q.compare == null ? null : q.compare.length === 0 ? 'none' : q.compare.join(',');
    return this.get(`/api/metros/${seg(metro)}/analysis${queryString({ units: q.units, year: q.year, compare })}`);
  }

  plan(metro: string, q: PlanQuery = {}): Promise<MetroPlan> {
    return this.get(`/api/metros/${seg(metro)}/plan${planQuery(q)}`);
  }

  opportunities(metro: string, q: PlanQuery = {}): Promise<OpportunitiesPart> {
    return this.get(`/api/metros/${seg(metro)}/opportunities${planQuery(q)}`);
  }

  geometries(metro: string, q: { readonly units?: string | null } = {}): Promise<UnitGeometriesResponse> {
    // Outlines simplified for the screen (half a pixel at 1,000 px): a fraction of the points, the same picture.
    return this.get(`/api/metros/${seg(metro)}/geometries${queryString({ units: q.units, detail: 'screen' })}`);
  }

  datasets(): Promise<{ readonly datasets: readonly DatasetSummary[] }> {
    return this.request('GET', '/api/datasets');
  }

  sources(): Promise<{ readonly sources: readonly SourceEntry[] }> {
    return this.get('/api/sources');
  }

  /** The address of a report download (for a link: the browser downloads it). */
  reportUrl(metro: string, format: ReportFormat, q: AnalysisQuery & { readonly lang?: Lang } = {}): string {
    const compare = q.compare == null ? null : q.compare.length === 0 ? 'none' : q.compare.join(',');
    return `${this.base}/api/metros/${seg(metro)}/report${queryString({ format, lang: q.lang ?? this.lang, units: q.units, year: q.year, compare })}`;
  }

  // ------------------------------------------------------------------ writes (clear the kept GETs)

  async scenario(metro: string, file: ScenarioFile, q: MetroQuery = {}): Promise<ScenarioResult> {
    return this.request('POST', `/api/metros/${seg(metro)}/scenario${queryString({ units: q.units, year: q.year })}`, {
      data: JSON.stringify(file),
      type: 'application/json',
    });
  }

  /** Upload a file as a dataset (the raw body); a failed validation rejects with the report in `ApiError.body`. */
  async uploadDataset(data: Blob, params: Readonly<Record<string, string | number | boolean | null | undefined>>): Promise<UploadResult> {
    try {
      return await this.request('POST', `/api/datasets${queryString(params)}`, { data, type: data.type === '' ? 'application/octet-stream' : data.type });
    } finally {
      this.clearCache();
    }
  }

  async deleteDataset(id: string): Promise<unknown> {
    try {
      return await this.request('DELETE', `/api/datasets/${seg(id)}`);
    } finally {
      this.clearCache();
    }
  }
}

function planQuery(q: PlanQuery): string {
  return queryString({ units: q.units, year: q.year, leads: q.leads, minLeads: q.minLeads, duplication: q.duplication, sensitivity: q.sensitivity });
}
