/**
 * Messages of the user-defined metros (English and Chinese): the problems of a definition file, each with its JSON
 * path (or CSV row and column), and the errors of adding, showing and removing a metro. No internal names.
 */
import type { LocalizedText } from '@metrocoop/core';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));
const list = (items: readonly string[], max = 12): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, … (+${items.length - max})`;

/** One zod issue, as much of it as the messages read. */
export interface SchemaIssueLike {
  readonly code: string;
  readonly message: string;
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
  readonly input?: unknown;
}

/** A zod issue in words, both languages. */
export function schemaIssueText(issue: SchemaIssueLike): LocalizedText {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t(`is required (${String(issue.expected)})`, `为必填项（${String(issue.expected)}）`);
      return t(`should be ${String(issue.expected)} (got ${show(issue.input)})`, `应为 ${String(issue.expected)}（得到 ${show(issue.input)}）`);
    case 'invalid_value':
      return t(
        `should be one of ${(issue.values ?? []).map((v) => show(v)).join(', ')} (got ${show(issue.input)})`,
        `应为 ${(issue.values ?? []).map((v) => show(v)).join('、')} 之一（得到 ${show(issue.input)}）`,
      );
    case 'unrecognized_keys':
      return t(
        `has unknown field(s) ${(issue.keys ?? []).join(', ')} (a typo? see the schema)`,
        `含未知字段 ${(issue.keys ?? []).join('、')}（拼写错误？请对照结构定义）`,
      );
    case 'too_small':
      return issue.origin === 'array'
        ? t(`needs at least ${String(issue.minimum)} item(s)`, `至少需要 ${String(issue.minimum)} 项`)
        : issue.origin === 'string'
          ? t('must not be empty', '不能为空')
          : t(`must be at least ${String(issue.minimum)} (got ${show(issue.input)})`, `不能小于 ${String(issue.minimum)}（得到 ${show(issue.input)}）`);
    case 'too_big':
      return t(`must be at most ${String(issue.maximum)} (got ${show(issue.input)})`, `不能大于 ${String(issue.maximum)}（得到 ${show(issue.input)}）`);
    case 'invalid_format':
      if (issue.message.startsWith('an id'))
        return t(
          `should be an id: letters, digits and - _ . : / with no spaces (got ${show(issue.input)})`,
          `应为编号：字母、数字及 - _ . : /，不含空格（得到 ${show(issue.input)}）`,
        );
      return t(
        `should be an ISO 3166-1 alpha-2 country code in capitals, e.g. CN, JP, US (got ${show(issue.input)})`,
        `应为大写的 ISO 3166-1 两位国家代码，如 CN、JP、US（得到 ${show(issue.input)}）`,
      );
    case 'invalid_union':
      return t(
        'should be a GeoJSON geometry of type "Polygon" or "MultiPolygon" with its coordinates',
        '应为类型为 "Polygon" 或 "MultiPolygon" 的 GeoJSON 几何对象及其坐标',
      );
    default:
      return t(issue.message, `不符合要求：${issue.message}`);
  }
}

export const metroMessages = {
  notReadable: (reason: string) => t(`cannot be read (${reason})`, `无法读取（${reason}）`),
  notJson: (reason: string) =>
    t(`is not valid JSON (${reason}); a metro definition is a JSON file`, `不是有效的 JSON（${reason}）；都市圈定义文件应为 JSON 文件`),
  duplicateMember: (id: string, first: string) => t(`repeats member ${id} (first at ${first})`, `成员 ${id} 重复（首次出现在 ${first}）`),
  embeddedMetro: (id: string) =>
    t(`${id} is a metro of the embedded dataset; choose another id for your own metro`, `${id} 是内置数据集中的都市圈；请为自定义都市圈另取编号`),
  existingMetro: (id: string) =>
    t(
      `metro ${id} is already in the store; remove it first (metrocoop metro remove ${id}) or choose another id`,
      `都市圈 ${id} 已在数据库中；请先删除（metrocoop metro remove ${id}）或另取编号`,
    ),
  newRegionNeedsNames: (id: string) =>
    t(`region ${id} is not in the store, so it needs names with at least "en"`, `地区 ${id} 不在数据库中，因此需要 names（至少含 "en"）`),
  newRegionNeedsPlace: (id: string) =>
    t(
      `region ${id} is not in the store, so it needs a "point" (lon, lat) or a "boundary"`,
      `地区 ${id} 不在数据库中，因此需要 "point"（经纬度）或 "boundary"（边界）`,
    ),
  newRegionPrefix: (id: string, country: string) =>
    t(`new region id ${id} should start with the country, e.g. ${country}-${id}`, `新地区编号 ${id} 应以国家代码开头，如 ${country}-${id}`),
  unknownParent: (parent: string) =>
    t(`parent ${parent} is neither in the store nor a member of this file`, `上级地区 ${parent} 既不在数据库中，也不是本文件的成员`),
  ringNotClosed: () => t('the ring is not closed: its last position must repeat its first', '边界环未闭合：最后一个坐标必须与第一个相同'),
  duplicateUnitSet: (id: string) => t(`repeats unit set ${id}`, `分析单元集 ${id} 重复`),
  unitSetMemberUnknown: (id: string) =>
    t(`${id} is not a member of the metro; list it under "members" first`, `${id} 不是该都市圈的成员；请先在 "members" 中列出`),
  severalDefaults: () => t('more than one unit set is marked "default": true', '多个分析单元集标为 "default": true'),
  travelFileMissing: (path: string, reason: string) => t(`travel-time file ${path} cannot be read (${reason})`, `通勤时间文件 ${path} 无法读取（${reason}）`),
  travelMissingColumns: (missing: readonly string[], found: readonly string[]) =>
    t(
      `lacks column(s) ${missing.join(', ')} (found ${found.join(', ')}); the header is from,to,minutes,mode,source`,
      `缺少列 ${missing.join('、')}（实有 ${found.join('、')}）；表头应为 from,to,minutes,mode,source`,
    ),
  travelUnknownRegion: (value: string) => t(`${show(value)} is not a member of the metro`, `${show(value)} 不是该都市圈的成员`),
  travelBadMinutes: (value: string) =>
    t(`should be a positive number of minutes, or empty for no direct service (got ${show(value)})`, `应为正数分钟数，无直达服务则留空（得到 ${show(value)}）`),
  travelBadId: (value: string) =>
    t(
      `should be an id: letters, digits and - _ . : / with no spaces (got ${show(value)})`,
      `应为编号：字母、数字及 - _ . : /，不含空格（得到 ${show(value)}）`,
    ),
  travelSamePair: (from: string, to: string, mode: string, row: number) =>
    t(`repeats ${from} → ${to} by ${mode} (first on row ${row})`, `${from} → ${to}（${mode}）重复（首次在第 ${row} 行）`),
  travelSelf: (value: string) => t(`goes from ${value} to itself`, `起点与终点相同（${value}）`),
  travelColumns: (n: number, expected: number) => t(`has ${n} field(s) where the header has ${expected}`, `有 ${n} 个字段，而表头有 ${expected} 个`),
  invalidDefinition: (file: string, count: number, lines: readonly string[]) =>
    t(
      `The metro definition ${file} has ${count} problem(s); nothing was added:\n${lines.join('\n')}`,
      `都市圈定义文件 ${file} 有 ${count} 个问题；未添加任何内容：\n${lines.join('\n')}`,
    ),
  unknownMetro: (id: string, known: readonly string[]) =>
    t(`There is no metro ${show(id)} in the store; known metros: ${list(known)}.`, `数据库中没有都市圈 ${show(id)}；已有：${list(known)}。`),
  cannotRemoveEmbedded: (id: string) =>
    t(
      `Metro ${id} belongs to the embedded dataset and cannot be removed; only metros added with "metrocoop metro add" can.`,
      `都市圈 ${id} 属于内置数据集，不能删除；只能删除用 "metrocoop metro add" 添加的都市圈。`,
    ),
  noUnitSetData: (metro: string, unitSet: string) =>
    t(
      `Metro ${metro} has no industry data for its unit set ${unitSet} yet: import a table of its members by industry (metrocoop data import FILE; columns region,year,indicator,industry,classification,value,unit,source) and analyse again.`,
      `都市圈 ${metro} 的分析单元集 ${unitSet} 尚无分行业数据：请导入其成员的分行业数据表（metrocoop data import 文件；列为 region,year,indicator,industry,classification,value,unit,source）后再分析。`,
    ),
};
