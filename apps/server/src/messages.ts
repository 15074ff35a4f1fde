/**
 * The server's message catalogue, English and Chinese (one place per package, like the core's). Each entry builds a
 * {@link LocalizedText}; the error handler picks the language of the request (`Accept-Language`).
 */
import type { LocalizedText } from '@metrocoop/core/errors';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

export const serverMessages = {
  invalidRequest: (fields: readonly string[]) =>
    t(
      `The request is invalid (${fields.length === 0 ? 'body' : fields.join(', ')}); see issues for each problem.`,
      `请求无效（${fields.length === 0 ? '请求体' : fields.join('、')}）；各项问题见 issues。`,
    ),
  malformedJson: t('The request body is not valid JSON; send a JSON document.', '请求体不是有效的 JSON；请发送 JSON 文档。'),
  unsupportedMediaType: (got: string | undefined) =>
    t(
      `Unsupported Content-Type (got ${show(got ?? '')}); see /openapi.json for the media types of this endpoint.`,
      `不支持的 Content-Type（得到 ${show(got ?? '')}）；此接口接受的类型见 /openapi.json。`,
    ),
  tooLarge: (limit: number) =>
    t(`The request body is larger than this endpoint accepts (limit ${limit} bytes).`, `请求体超过了此接口的上限（${limit} 字节）。`),
  rateLimited: (perMinute: number, retryAfter: number) =>
    t(
      `Too many requests from this client (limit ${perMinute} per minute); retry after ${retryAfter} s.`,
      `此客户端请求过多（上限每分钟 ${perMinute} 次）；请 ${retryAfter} 秒后重试。`,
    ),
  timeout: (ms: number) =>
    t(`The request took longer than ${ms} ms and was stopped; narrow it or try again.`, `请求耗时超过 ${ms} 毫秒，已停止；请缩小范围或稍后重试。`),
  tokenMissing: t(
    'This server needs a token for writes: send the header "Authorization: Bearer <METROCOOP_TOKEN>".',
    '此服务器的写操作需要令牌：请发送请求头 "Authorization: Bearer <METROCOOP_TOKEN>"。',
  ),
  tokenWrong: t('The token is not the one this server was started with.', '令牌与本服务器启动时设置的不一致。'),
  notFoundRoute: (method: string, path: string) =>
    t(`No endpoint ${method} ${path}; the endpoints are listed at /docs and /openapi.json.`, `没有接口 ${method} ${path}；接口列表见 /docs 与 /openapi.json。`),
  methodNotAllowed: (method: string, path: string) => t(`${method} is not allowed on ${path}.`, `${path} 不支持 ${method} 方法。`),
  internal: t('Internal server error; the details are in the server log.', '服务器内部错误；详情见服务器日志。'),
  unavailable: t('The server is shutting down; try again shortly.', '服务器正在关闭；请稍后重试。'),
  storeBusy: t('The store is busy; try again shortly.', '数据库正忙；请稍后重试。'),
  unknownUnitSet: (metro: string, unitSet: string, known: readonly string[]) =>
    t(
      `Unknown unit set ${show(unitSet)} of metro ${show(metro)}; known: ${known.join(', ') || '(none)'}.`,
      `都市圈 ${show(metro)} 没有单元集 ${show(unitSet)}；已有：${known.join('、') || '（无）'}。`,
    ),
  unknownRegion: (id: string) => t(`Unknown region ${show(id)}; list regions with GET /api/regions.`, `未知的地区 ${show(id)}；地区列表见 GET /api/regions。`),
  unitSetNeedsMetro: t('The unitSet filter needs metro as well (a unit set belongs to a metro).', '筛选 unitSet 时须同时给出 metro（单元集属于某个都市圈）。'),
  needsToken: (host: string) =>
    t(
      `metrocoop serve: binding to ${host} (beyond this machine) needs a token for writes; set METROCOOP_TOKEN (for example METROCOOP_TOKEN=$(openssl rand -hex 24)) or bind to 127.0.0.1.`,
      `metrocoop serve：绑定到 ${host}（本机以外可访问）时写操作需要令牌；请设置 METROCOOP_TOKEN（例如 METROCOOP_TOKEN=$(openssl rand -hex 24)），或绑定到 127.0.0.1。`,
    ),
  badPort: (value: unknown) =>
    t(
      `metrocoop serve: the port must be an integer from 0 to 65535 (got ${show(value)}).`,
      `metrocoop serve：端口应为 0 到 65535 之间的整数（得到 ${show(value)}）。`,
    ),
  /** `dashboard`: whether the dashboard's build is there to serve (else `/` leads to the API docs). */
  listening: (url: string, dashboard = true) =>
    dashboard
      ? t(
          `metrocoop listening on ${url}: the dashboard at ${url}/, the API under ${url}/api (docs: ${url}/docs); Ctrl+C to stop.`,
          `metrocoop 已在 ${url} 上运行：仪表板见 ${url}/，接口见 ${url}/api（文档：${url}/docs）；按 Ctrl+C 停止。`,
        )
      : t(
          `metrocoop API listening on ${url} (docs: ${url}/docs; no dashboard: apps/web/dist is not built — npm start builds it); Ctrl+C to stop.`,
          `metrocoop 接口已在 ${url} 上运行（文档：${url}/docs；无仪表板：apps/web/dist 尚未构建，npm start 会构建）；按 Ctrl+C 停止。`,
        ),
  stopping: t('Stopping: finishing the requests in flight, then closing the store …', '正在停止：等待进行中的请求完成，然后关闭数据库 …'),
  stopped: t('Stopped; the store is closed.', '已停止；数据库已关闭。'),
  docsTitle: t('metrocoop API', 'metrocoop 接口'),
} as const;
