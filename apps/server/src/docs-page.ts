/**
 * The `/docs` page: every operation of the OpenAPI document (method, path, summary, parameters, body media types,
 * responses) as one self-contained HTML page — no script at all, the style sheet from this server (`/docs/style.css`),
 * so it passes the strict Content-Security-Policy. Summaries in Chinese come from the `x-summary-zh` extension.
 */
import type { Language } from '@metrocoop/core/errors';
import { serverMessages } from './messages.ts';

/** The parts of an OpenAPI document the page reads. */
interface OpenApiLike {
  readonly info?: { readonly title?: string; readonly version?: string };
  readonly paths?: object;
}

interface OperationLike {
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly 'x-summary-zh'?: string;
  readonly parameters?: readonly { readonly name?: string; readonly in?: string; readonly required?: boolean; readonly description?: string }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, unknown>> };
  readonly responses?: Readonly<Record<string, { readonly description?: string }>>;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const words = {
  intro: {
    en: 'Every endpoint of this server. The machine-readable description is at',
    zh: '本服务器的全部接口。机器可读的描述见',
  },
  errors: {
    en: 'Errors always have the shape {"error": {"code", "message", "issues"}}; send Accept-Language: zh for Chinese messages.',
    zh: '错误的格式总是 {"error": {"code", "message", "issues"}}；发送 Accept-Language: zh 可得到中文信息。',
  },
  parameters: { en: 'Parameters', zh: '参数' },
  body: { en: 'Body', zh: '请求体' },
  responses: { en: 'Responses', zh: '响应' },
  required: { en: 'required', zh: '必填' },
  other: { en: 'other', zh: '其他' },
} as const;

/** The style sheet of the page (served from `/docs/style.css`). */
export const docsStyle = `body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2933;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d9e2ec}
section.op{border:1px solid #d9e2ec;border-radius:6px;margin:.8rem 0;padding:.6rem .9rem}
.m{display:inline-block;min-width:4.2rem;font-weight:700;font-family:ui-monospace,monospace}
.get{color:#0b6e4f}.post{color:#1f5fbf}.put{color:#8a5a00}.patch{color:#8a5a00}.delete{color:#b42318}
code{font-family:ui-monospace,monospace;background:#f0f4f8;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;margin:.3rem 0}td,th{text-align:left;padding:.15rem .6rem .15rem 0;vertical-align:top;font-size:.92rem}
p.s{margin:.3rem 0}`;

/** Render the page for a document in a language. */
export function renderDocsPage(doc: OpenApiLike, lang: Language): string {
  const title = serverMessages.docsTitle[lang];
  const byTag = new Map<string, string[]>();
  for (const [path, item] of (Object.entries(doc.paths ?? {}) as [string, Record<string, unknown>][]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const method of methods) {
      const op = item[method] as OperationLike | undefined;
      if (op === undefined) continue;
      const tag = op.tags?.[0] ?? words.other[lang];
      let list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, (list = []));
      list.push(renderOperation(method, path, op, lang));
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>\n${ops.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/docs/style.css"></head>
<body>
<h1>${escapeHtml(title)} <small>${escapeHtml(doc.info?.version ?? '')}</small></h1>
<p>${escapeHtml(words.intro[lang])} <a href="/openapi.json"><code>/openapi.json</code></a>.</p>
<p>${escapeHtml(words.errors[lang])}</p>
${sections}
</body>
</html>
`;
}

function renderOperation(method: string, path: string, op: OperationLike, lang: Language): string {
  const summary = lang === 'zh' ? (op['x-summary-zh'] ?? op.summary ?? '') : (op.summary ?? '');
  const parts = [`<section class="op"><div><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></div>`];
  if (summary !== '') parts.push(`<p class="s">${escapeHtml(summary)}</p>`);
  const params = op.parameters ?? [];
  if (params.length > 0) {
    const rows = params.map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name ?? '')}</code></td><td>${escapeHtml(p.in ?? '')}</td><td>${p.required === true ? words.required[lang] : ''}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
    );
    parts.push(`<table><tr><th colspan="4">${words.parameters[lang]}</th></tr>${rows.join('')}</table>`);
  }
  const media = Object.keys(op.requestBody?.content ?? {});
  if (media.length > 0) parts.push(`<p class="s">${words.body[lang]}: ${media.map((m) => `<code>${escapeHtml(m)}</code>`).join(' ')}</p>`);
  const responses = Object.entries(op.responses ?? {});
  if (responses.length > 0) {
    parts.push(
      `<p class="s">${words.responses[lang]}: ${responses.map(([code, r]) => `<code>${escapeHtml(code)}</code> ${escapeHtml(r.description ?? '')}`).join('; ')}</p>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}
