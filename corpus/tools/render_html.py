"""A third kind of report: the web page, as government sites publish it (tables with rowspan/colspan, text in
<p> and <div>, some pages in GBK with a declared charset)."""
from __future__ import annotations

import html
from pathlib import Path

from layout import ReportSpec, TableSpec, place


def table_html(spec: TableSpec) -> str:
    grid, merges, _ = spec.placed or place(spec.rows)
    starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - set(starts)
    rows = []
    for r, row in enumerate(grid):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = starts.get((r, c), (1, 1))
            attributes = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            content = "<br>".join(html.escape(line) for line in text.split("\n")) or "&nbsp;"
            cells.append(f"<td{attributes}><p>{content}</p></td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table border="1" cellspacing="0" style="border-collapse:collapse"><tbody>{"".join(rows)}</tbody></table>'


def write_html(spec: ReportSpec, path: Path, encoding: str = "utf-8") -> None:
    parts = []
    for block in spec.blocks:
        if isinstance(block, TableSpec):
            parts.append(table_html(block))
        elif isinstance(block, tuple) and block[0] == "title":
            parts.append(f'<h1 style="text-align:center">{html.escape(block[1])}</h1>')
        elif isinstance(block, tuple) and block[0] == "heading":
            parts.append(f"<p><strong>{html.escape(block[1])}</strong></p>")
        elif block:
            parts.append(f'<p style="text-indent:2em">{html.escape(block)}</p>')
    page = (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
            f'<title>政府信息公开工作年度报告</title><script>var tracker = "<table>";</script></head><body>'
            f'<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div><div class="content">{"".join(parts)}</div>'
            f'<div class="footer">主办单位：某某人民政府办公室</div></body></html>')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(page.encode(encoding))
