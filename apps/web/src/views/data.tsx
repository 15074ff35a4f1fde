/**
 * The data view: upload a file (CSV, XLSX or Parquet) as a dataset — a file with errors comes back with its
 * validation report, shown row by row, and nothing is imported; the datasets of the store (delete one); the sources
 * the numbers cite, their addresses as text; and the current metro's report as downloads (HTML, XLSX, PDF).
 */
import { type FormEvent, type ReactElement, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type DatasetSummary, type SourceEntry, type ValidationIssue, type ValidationReport } from '../api.ts';
import { formatNumber } from '../i18n.ts';
import { type Loaded, settle, tx } from './common.ts';
import type { Lang, ViewProps } from './types.ts';

/** What an upload gave: imported (with warnings, if any), or refused (with the report when the file had errors). */
type UploadOutcome =
  | { readonly kind: 'imported'; readonly dataset: string; readonly imported: number; readonly report: ValidationReport }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string; readonly report: ValidationReport | null };

/** Values for rows without them (the import's options), optional. */
const rowDefaults = [
  { key: 'indicator', label: { en: 'Indicator of rows without one', zh: '无指标行的指标' }, example: 'employment_urban_units' },
  { key: 'unit', label: { en: 'Unit of rows without one', zh: '无单位行的单位' }, example: 'persons' },
  { key: 'source', label: { en: 'Source id of rows without one', zh: '无来源行的来源编号' }, example: 'hebei-yb-2020' },
  { key: 'classification', label: { en: 'Classification of the industry codes', zh: '行业代码的分类' }, example: 'GBT4754-2017' },
  { key: 'year', label: { en: 'Year of rows without one', zh: '无年份行的年份' }, example: '2019' },
] as const;

const protectedKinds = new Set(['embedded', 'metro']);
const formats = ['html', 'xlsx', 'pdf', 'csv', 'md-zip'] as const;
const formatWords: Record<(typeof formats)[number], { en: string; zh: string }> = {
  html: { en: 'HTML (one page)', zh: 'HTML（单页）' },
  xlsx: { en: 'Excel workbook', zh: 'Excel 工作簿' },
  pdf: { en: 'PDF (takes several seconds)', zh: 'PDF（需数秒）' },
  csv: { en: 'CSV, one file per table (ZIP)', zh: 'CSV，每表一个文件（ZIP）' },
  'md-zip': { en: 'Markdown with SVG charts (ZIP)', zh: 'Markdown 及 SVG 图表（ZIP）' },
};

function issueMessage(issue: ValidationIssue, lang: Lang): string {
  return typeof issue.message === 'string' ? issue.message : issue.message[lang];
}

function ReportTable({ report, lang }: { report: ValidationReport; lang: Lang }): ReactElement {
  return (
    <div className="table-scroll">
      <table className="validation-report">
        <caption>
          {tx(
            lang,
            `${report.file}: ${report.rows} rows read, ${report.errorCount} error(s), ${report.warningCount} warning(s)`,
            `${report.file}：读取 ${report.rows} 行，错误 ${report.errorCount} 个，警告 ${report.warningCount} 个`,
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tx(lang, 'Row', '行')}</th>
            <th scope="col">{tx(lang, 'Column', '列')}</th>
            <th scope="col">{tx(lang, 'Code', '代码')}</th>
            <th scope="col">{tx(lang, 'Severity', '级别')}</th>
            <th scope="col">{tx(lang, 'Value', '值')}</th>
            <th scope="col">{tx(lang, 'Message', '说明')}</th>
          </tr>
        </thead>
        <tbody>
          {report.issues.map((i, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the report is a fixed list (never reordered) and two issues may be alike
            <tr key={`${k}:${i.code}:${i.row ?? ''}:${i.column ?? ''}`} className={i.severity}>
              <td>{i.row ?? '—'}</td>
              <td>{i.column ?? '—'}</td>
              <td>
                <code>{i.code}</code>
              </td>
              <td>{i.severity === 'error' ? tx(lang, 'error', '错误') : tx(lang, 'warning', '警告')}</td>
              <td>{i.value ?? '—'}</td>
              <td>{issueMessage(i, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UploadForm({ api, lang, onImported }: { api: ViewProps['api']; lang: Lang; onImported: () => void }): ReactElement {
  const fileRef = useRef<HTMLInputElement>(null);
  const [prefix, setPrefix] = useState('');
  const [replace, setReplace] = useState(false);
  const [extra, setExtra] = useState<Record<(typeof rowDefaults)[number]['key'], string>>({
    indicator: '',
    unit: '',
    source: '',
    classification: '',
    year: '',
  });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file === undefined) {
      setProblem(tx(lang, 'Choose a file first (CSV, XLSX or Parquet).', '请先选择文件（CSV、XLSX 或 Parquet）。'));
      return;
    }
    setProblem(null);
    setBusy(true);
    setOutcome(null);
    // Sent as octet-stream: the server tells the format from the name's extension (a browser may call a CSV
    // application/vnd.ms-excel, which the server would refuse).
    const body = file.slice(0, file.size, 'application/octet-stream');
    const params = {
      name: file.name,
      regionPrefix: prefix === '' ? null : prefix,
      replace: replace ? 'true' : null,
      ...Object.fromEntries(rowDefaults.map((f) => [f.key, extra[f.key].trim() === '' ? null : extra[f.key].trim()])),
    };
    try {
      const r = await api.uploadDataset(body, params);
      setOutcome({ kind: 'imported', ...r });
      onImported();
    } catch (e) {
      const report = e instanceof ApiError ? ((e.body as { report?: ValidationReport } | null)?.report ?? null) : null;
      setOutcome({ kind: 'refused', status: e instanceof ApiError ? e.status : 0, message: e instanceof Error ? e.message : String(e), report });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="data-upload">
      <h2 id="data-upload">{tx(lang, 'Upload a dataset', '上传数据集')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="data-file">
          {tx(lang, 'File (CSV, XLSX or Parquet)', '文件（CSV、XLSX 或 Parquet）')}
          <input id="data-file" ref={fileRef} type="file" accept=".csv,.xlsx,.xlsm,.parquet,.pq" />
        </label>
        <label htmlFor="data-prefix">
          {tx(lang, 'Country of bare region codes', '无前缀地区代码所属国家')}
          <select id="data-prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)}>
            <option value="">{tx(lang, 'as in the file', '按文件')}</option>
            <option value="CN">{tx(lang, 'China (CN)', '中国（CN）')}</option>
            <option value="JP">{tx(lang, 'Japan (JP)', '日本（JP）')}</option>
            <option value="US">{tx(lang, 'United States (US)', '美国（US）')}</option>
          </select>
        </label>
        {rowDefaults.map((f) => (
          <label key={f.key} htmlFor={`data-${f.key}`}>
            {f.label[lang]}
            <input
              id={`data-${f.key}`}
              type="text"
              placeholder={f.example}
              value={extra[f.key]}
              onChange={(e) => setExtra({ ...extra, [f.key]: e.target.value })}
            />
          </label>
        ))}
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          {tx(lang, 'Replace a dataset of the same name', '替换同名数据集')}
        </label>
        <button type="submit" disabled={busy}>
          {busy ? tx(lang, 'Uploading…', '正在上传……') : tx(lang, 'Upload', '上传')}
        </button>
      </form>
      {problem === null ? null : (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div aria-live="polite">
        {outcome === null ? null : outcome.kind === 'imported' ? (
          <>
            <p role="status" className="ok">
              {tx(
                lang,
                `Imported ${outcome.imported} observations as dataset “${outcome.dataset}”.`,
                `已导入 ${outcome.imported} 条观测值，数据集为“${outcome.dataset}”。`,
              )}
            </p>
            {outcome.report.issues.length === 0 ? null : <ReportTable report={outcome.report} lang={lang} />}
          </>
        ) : (
          <>
            <p role="alert" className="error upload-error">
              {outcome.message}
            </p>
            {outcome.report === null ? null : (
              <>
                <p>{tx(lang, 'Nothing was imported; the store is unchanged.', '未导入任何数据；数据库保持不变。')}</p>
                <ReportTable report={outcome.report} lang={lang} />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}

export function DatasetsView({ metro, lang, api }: ViewProps): ReactElement {
  const [datasets, setDatasets] = useState<Loaded<{ readonly datasets: readonly DatasetSummary[] }> | null>(null);
  const [sources, setSources] = useState<Loaded<{ readonly sources: readonly SourceEntry[] }> | null>(null);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const loadDatasets = useCallback(() => {
    settle(api.datasets()).then(setDatasets);
  }, [api]);
  useEffect(() => loadDatasets(), [loadDatasets]);
  useEffect(() => {
    let current = true;
    settle(api.sources()).then((r) => {
      if (current) setSources(r);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const remove = async (name: string) => {
    if (!window.confirm(tx(lang, `Delete dataset “${name}” and every row of it?`, `删除数据集“${name}”及其全部数据？`))) return;
    setDeleteProblem(null);
    setDeleted(null);
    const r = await settle(api.deleteDataset(name));
    if (r.ok) setDeleted(name);
    else setDeleteProblem(r.message);
    loadDatasets();
  };

  return (
    <div className="view data-view">
      <UploadForm api={api} lang={lang} onImported={loadDatasets} />

      <section aria-labelledby="data-datasets">
        <h2 id="data-datasets">{tx(lang, 'Datasets in the store', '数据库中的数据集')}</h2>
        {deleted === null ? null : (
          <p role="status" className="ok">
            {tx(lang, `Deleted “${deleted}”.`, `已删除“${deleted}”。`)}
          </p>
        )}
        {deleteProblem === null ? null : (
          <p role="alert" className="error">
            {deleteProblem}
          </p>
        )}
        {datasets === null ? (
          <p role="status" aria-busy="true">
            {tx(lang, 'Loading…', '正在加载……')}
          </p>
        ) : !datasets.ok ? (
          <p role="alert" className="error">
            {datasets.message}
          </p>
        ) : (
          <table className="datasets">
            <thead>
              <tr>
                <th scope="col">{tx(lang, 'Name', '名称')}</th>
                <th scope="col">{tx(lang, 'Kind', '类型')}</th>
                <th scope="col">{tx(lang, 'Observations', '观测值')}</th>
                <th scope="col">{tx(lang, 'Regions', '地区')}</th>
                <th scope="col">{tx(lang, 'Years', '年份')}</th>
                <th scope="col">{tx(lang, 'Sources', '来源')}</th>
                <th scope="col">{tx(lang, 'Actions', '操作')}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.body.datasets.map((d) => (
                <tr key={d.name} data-dataset={d.name}>
                  <th scope="row">{d.name}</th>
                  <td>{d.kind ?? '—'}</td>
                  <td>{formatNumber(lang, d.observations)}</td>
                  <td>{d.regions}</td>
                  <td>{d.firstYear === null ? '—' : d.firstYear === d.lastYear ? d.firstYear : `${d.firstYear}–${d.lastYear ?? ''}`}</td>
                  <td>{d.sources.join(', ') || '—'}</td>
                  <td>
                    {d.kind !== null && protectedKinds.has(d.kind) ? (
                      <small>{d.kind === 'metro' ? tx(lang, 'a metro’s definition', '都市圈定义') : tx(lang, 'protected', '受保护')}</small>
                    ) : (
                      <button type="button" onClick={() => void remove(d.name)} aria-label={tx(lang, `Delete dataset ${d.name}`, `删除数据集 ${d.name}`)}>
                        {tx(lang, 'Delete', '删除')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="data-report">
        <h2 id="data-report">{tx(lang, 'Report of this metro', '本都市圈的报告')}</h2>
        <ul className="downloads">
          {formats.map((f) => (
            <li key={f}>
              <a href={api.reportUrl(metro, f, { lang })} download={`${metro}-report.${f}`}>
                {tx(lang, `Download: ${formatWords[f].en}`, `下载：${formatWords[f].zh}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="data-sources">
        <h2 id="data-sources">{tx(lang, 'Sources', '数据来源')}</h2>
        {sources === null ? (
          <p role="status" aria-busy="true">
            {tx(lang, 'Loading…', '正在加载……')}
          </p>
        ) : !sources.ok ? (
          <p role="alert" className="error">
            {sources.message}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="sources">
              <thead>
                <tr>
                  <th scope="col">{tx(lang, 'Source', '来源')}</th>
                  <th scope="col">{tx(lang, 'Citation', '引用')}</th>
                  <th scope="col">{tx(lang, 'Publisher', '发布机构')}</th>
                  <th scope="col">{tx(lang, 'Table', '表')}</th>
                  <th scope="col">{tx(lang, 'Address', '网址')}</th>
                  <th scope="col">{tx(lang, 'Dataset', '数据集')}</th>
                </tr>
              </thead>
              <tbody>
                {sources.body.sources.map((s) => (
                  <tr key={`${s.dataset}:${s.id}`}>
                    <th scope="row">
                      <code>{s.id}</code>
                    </th>
                    <td>{s.citation}</td>
                    <td>{s.publisher}</td>
                    <td>{s.table ?? '—'}</td>
                    <td className="url">{s.url ?? '—'}</td>
                    <td>{s.dataset}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
