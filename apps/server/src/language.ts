/** The language of a request: Chinese when `Accept-Language` prefers a `zh` tag, else English. */
import type { Language } from '@metrocoop/core/errors';

/**
 * Pick `zh` or `en` from an `Accept-Language` header: the tag with the highest quality among those we speak
 * (`zh`, `zh-CN`, `zh-Hans`, … → `zh`; `en*` → `en`); ties keep the header's order; nothing usable → `en`.
 */
export function languageOf(header: string | undefined | null): Language {
  if (header === undefined || header === null || header === '') return 'en';
  let best: Language = 'en';
  let bestQ = -1;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const lower = tag.trim().toLowerCase();
    const lang: Language | null = lower.startsWith('zh') ? 'zh' : lower.startsWith('en') ? 'en' : null;
    if (lang === null) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (Number.isFinite(q) && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}
