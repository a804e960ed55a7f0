"""A self-contained HTML audit report: coverage, findings to sort and filter, each document's tables with
where each number came from. One file, no network: data, style and script are inline."""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

import pandas as pd

from .normalize import format_number
from .output import write_atomically

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
BAR_CHART_ROWS = 20

STYLE = """
body{font-family:-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.ok{background:#e6f4ea}.partial{background:#fff4ce}.failed{background:#fde2e1}.none{color:#999}
.error{color:#b3261e;font-weight:bold}.warning{color:#8a5a00}.info{color:#555}
td.flagged{background:#fde2e1;outline:2px solid #b3261e}
.summary span{display:inline-block;margin-right:18px}
details{margin:6px 0}summary{cursor:pointer;font-weight:bold}
#filters input,#filters select{margin-right:8px}
svg text{font-size:12px}
"""

SCRIPT = """
window.onerror = function (message) { document.body.dataset.errors = (document.body.dataset.errors || "") + message; };
function sortTable(table, column) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const ascending = table.dataset.sortColumn == column ? table.dataset.sortAscending != "true" : true;
  rows.sort(function (a, b) {
    const x = a.cells[column].dataset.sort || a.cells[column].textContent;
    const y = b.cells[column].dataset.sort || b.cells[column].textContent;
    const nx = parseFloat(x), ny = parseFloat(y);
    const order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
    return ascending ? order : -order;
  });
  rows.forEach(function (row) { body.appendChild(row); });
  table.dataset.sortColumn = column;
  table.dataset.sortAscending = ascending;
}
function filterFindings() {
  const text = document.getElementById("filter-text").value.toLowerCase();
  const kind = document.getElementById("filter-kind").value;
  const severity = document.getElementById("filter-severity").value;
  let shown = 0;
  for (const row of document.querySelectorAll("#findings tbody tr")) {
    const visible = (!kind || row.dataset.kind == kind) && (!severity || row.dataset.severity == severity)
      && (!text || row.textContent.toLowerCase().includes(text));
    row.style.display = visible ? "" : "none";
    shown += visible;
  }
  document.getElementById("filter-count").textContent = shown;
}
document.addEventListener("DOMContentLoaded", function () {
  for (const table of document.querySelectorAll("table.sortable")) {
    Array.from(table.tHead.rows[0].cells).forEach(function (cell, index) {
      cell.addEventListener("click", function () { sortTable(table, index); });
    });
  }
  for (const id of ["filter-text", "filter-kind", "filter-severity"]) {
    document.getElementById(id).addEventListener("input", filterFindings);
  }
  filterFindings();
  document.body.dataset.ready = "true";
});
"""


def esc(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return html.escape(str(value))


def number(value) -> str:
    return "" if value is None or pd.isna(value) else format_number(value)


def bar_chart(counts: Counter, title: str) -> str:
    """A horizontal bar chart as inline SVG."""
    items = counts.most_common(BAR_CHART_ROWS)
    if not items:
        return ""
    top = max(n for _, n in items)
    row, label_w, bar_w = 20, 260, 320
    parts = [f'<svg role="img" aria-label="{esc(title)}" width="{label_w + bar_w + 60}" height="{row * len(items) + 10}">']
    for i, (name, n) in enumerate(items):
        y = i * row + 5
        width = max(1, round(bar_w * n / top))
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{esc(name)[:40]}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{width}" height="{row - 6}" fill="#4a78b5"></rect>'
                     f'<text x="{label_w + width + 4}" y="{y + 13}">{n}</text>')
    parts.append("</svg>")
    return f"<figure><figcaption>{esc(title)}</figcaption>{''.join(parts)}</figure>"


def coverage_grid(documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    """Agency x year: which reports exist, their status and format, and the sections each lacks."""
    if documents.empty:
        return "<p>No documents.</p>"
    missing = findings[findings["kind"] == "missing_section"].groupby("source")["section"].apply(
        lambda s: sorted(set(s.dropna())))
    docs = documents.assign(agency_key=documents["agency"].fillna("(agency unknown)"))
    years = sorted(int(y) for y in docs["year"].dropna().unique())
    agencies = sorted(docs["agency_key"].unique())
    head = "".join(f"<th>{y}</th>" for y in years)
    rows = []
    for agency in agencies:
        cells = []
        for year in years:
            here = docs[(docs["agency_key"] == agency) & (docs["year"] == year)]
            if here.empty:
                cells.append('<td class="none">—</td>')
                continue
            status = "failed" if (here["status"] == "failed").all() else "partial" if (here["status"] != "ok").any() else "ok"
            lines = []
            for doc in here.itertuples():
                lacks = missing.get(doc.source, [])
                lines.append(f'<span title="{esc(doc.source)}">{esc(doc.template)} · {esc(doc.format)}</span>'
                             + (f'<br><small>lacks: {esc(", ".join(lacks))}</small>' if lacks else ""))
            cells.append(f'<td class="{status}">{"<br>".join(lines)}</td>')
        rows.append(f"<tr><th>{esc(agency)}</th>{''.join(cells)}</tr>")
    undated = docs[docs["year"].isna()]
    note = f"<p>{len(undated)} document(s) without a known year are listed below only.</p>" if len(undated) else ""
    return f'<table id="coverage"><thead><tr><th>agency \\ year</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{note}'


def findings_table(findings: pd.DataFrame) -> str:
    kinds = sorted(findings["kind"].dropna().unique())
    options = "".join(f'<option value="{esc(k)}">{esc(k)}</option>' for k in kinds)
    filters = (
        '<div id="filters"><input id="filter-text" type="search" placeholder="filter text">'
        f'<select id="filter-kind"><option value="">every kind</option>{options}</select>'
        '<select id="filter-severity"><option value="">every severity</option><option>error</option>'
        '<option>warning</option><option>info</option></select> showing <span id="filter-count"></span></div>'
    )
    rows = []
    ordered = findings.assign(order=findings["severity"].map(SEVERITY_ORDER)).sort_values(["order", "source", "kind"])
    for f in ordered.itertuples():
        rows.append(
            f'<tr data-kind="{esc(f.kind)}" data-severity="{esc(f.severity)}">'
            f'<td class="{esc(f.severity)}" data-sort="{SEVERITY_ORDER.get(f.severity, 9)}">{esc(f.severity)}</td>'
            f"<td>{esc(f.kind)}</td><td>{esc(f.source)}</td><td>{esc(f.section)}</td><td>{esc(f.field)}</td>"
            f"<td>{esc(f.dim)}</td><td>{esc(f.expected)}</td><td>{esc(f.actual)}</td><td>{esc(f.detail)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in
                   ("severity", "kind", "source", "section", "field", "dim", "expected", "actual", "detail"))
    return (f'{filters}<table id="findings" class="sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def document_section(doc, observations: pd.DataFrame, findings: pd.DataFrame) -> str:
    """One document: its row, what was found wrong, and each extracted table as fields by dims."""
    flagged = {(f.field, f.dim) for f in findings.itertuples() if f.field}
    flagged_fields = {f.field for f in findings.itertuples() if f.field and not f.dim}
    meta = (f"status {esc(doc.status)} · format {esc(doc.format)} · template {esc(doc.template)} · "
            f"agency {esc(doc.agency) or '(unknown)'} · year {esc(doc.year)} · pages {esc(doc.pages)} · "
            f"sections {esc(doc.sections)}" + (f" · <span class='error'>{esc(doc.error)}</span>" if doc.error else ""))
    problems = "".join(f'<li class="{esc(f.severity)}">{esc(f.kind)}: {esc(f.detail)}</li>' for f in findings.itertuples())
    tables = []
    for table_index, rows in observations.groupby("table", sort=True):
        dims = list(dict.fromkeys(rows["dim"]))
        head = "".join(f"<th>{esc(d)}</th>" for d in dims)
        body = []
        for field, cells in rows.groupby("field", sort=False):
            by_dim = {c.dim: c for c in cells.itertuples()}
            first = cells.iloc[0]
            tds = []
            for dim in dims:
                c = by_dim.get(dim)
                if c is None:
                    tds.append("<td></td>")
                    continue
                where = (f"{doc.source}, page {esc(c.page) or '-'}, table {c.table}, row {c.row}, col {c.col}; "
                         f"printed {c.raw_value!r}")
                cls = "num flagged" if (field, dim) in flagged or field in flagged_fields else "num"
                tds.append(f'<td class="{cls}" title="{esc(where)}">{esc(number(c.value)) or "<i>blank</i>"}</td>')
            body.append(f'<tr><th title="{esc(first["raw_label"])}">{esc(field)}</th>{"".join(tds)}</tr>')
        tables.append(f'<p>table {table_index}</p><table><thead><tr><th>field</th>{head}</tr></thead>'
                      f'<tbody>{"".join(body)}</tbody></table>')
    return (f'<details><summary>{esc(doc.source)} — {len(observations)} cells, {len(findings)} findings</summary>'
            f'<p>{meta}</p><ul>{problems}</ul>{"".join(tables)}</details>')


def render_report(observations: pd.DataFrame, documents: pd.DataFrame, findings: pd.DataFrame) -> str:
    """The whole report as one HTML string."""
    status = Counter(documents["status"])
    summary = (f'<p class="summary"><span>{len(documents)} documents</span><span>{status.get("ok", 0)} ok</span>'
               f'<span>{status.get("partial", 0)} partial</span><span>{status.get("failed", 0)} failed</span>'
               f'<span>{len(observations)} observations</span><span>{len(findings)} findings</span></p>')
    by_kind = Counter(findings["kind"])
    agency_of = dict(zip(documents["source"], documents["agency"]))
    by_agency = Counter(agency_of.get(source) or "(agency unknown)" for source in findings["source"])
    charts = bar_chart(by_kind, "findings by kind") + bar_chart(by_agency, "findings by agency")
    sections = []
    for doc in documents.sort_values("source").itertuples():
        sections.append(document_section(doc, observations[observations["source"] == doc.source],
                                         findings[findings["source"] == doc.source]))
    return (
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>政府信息公开年度报告 audit</title>'
        f"<style>{STYLE}</style><script>{SCRIPT}</script></head><body>"
        f"<h1>Audit of {len(documents)} annual reports</h1>{summary}"
        f"<h2>Coverage</h2>{coverage_grid(documents, findings)}"
        f"<h2>Findings</h2>{charts}{findings_table(findings)}"
        f'<h2>Documents</h2>{"".join(sections)}'
        "</body></html>"
    )


def write_html_report(path: str | Path, observations: pd.DataFrame, documents: pd.DataFrame,
                      findings: pd.DataFrame) -> Path:
    path = Path(path)
    text = render_report(observations, documents, findings)
    write_atomically(path, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
    return path
