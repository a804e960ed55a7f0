"""Reports published as web pages."""
import pandas as pd

from conftest import CORPUS
from extractor import extract_file
from extractor.readers.html import read_html


def cells(report):
    return {(r.field, r.dim): (None if pd.isna(r.value) else r.value, r.raw_value)
            for r in report.observations.itertuples()}


def test_seed_page_equals_seed_docx(seed_report):
    report = extract_file(CORPUS / "html" / "report_2020_county_bureau.html")
    assert report.document["format"] == "html" and report.status == "ok"
    assert cells(report) == cells(seed_report)
    assert report.document["template"] == "hybrid"


def test_gbk_page_with_declared_charset():
    gbk = [p for p in sorted((CORPUS / "html").glob("*.html")) if b"charset=gbk" in p.read_bytes()[:400]]
    assert gbk
    report = extract_file(gbk[0])
    assert report.status == "ok" and report.document["agency"]
    assert len(report.observations) > 50


def test_rowspan_colspan_and_script(tmp_path):
    page = tmp_path / "p.htm"
    page.write_text(
        "<html><head><script>var x='<table><tr><td>9</td></tr></table>';</script></head><body>"
        "<div>首页 &gt; 年度报告</div><h2>某某县民政局2022年政府信息公开工作年度报告</h2>"
        "<table><tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>1</td></tr>"
        "<tr><td>2.其他法律行政法规禁止公开</td><td>2</td></tr>"
        "<tr><td colspan=2>合计</td><td>3</td></tr></table></body></html>", encoding="utf-8")
    document = read_html(page)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert table.grid[1][0] is table.grid[0][0] and table.grid[1][0].text == "（三）不予公开"
    assert table.grid[1][2].text == "2" and table.grid[2][0].colspan == 2
    report = extract_file(page)
    assert (report.document["agency"], report.document["year"]) == ("某某县民政局", 2022)


def test_html_named_pdf_is_read_as_html(tmp_path):
    source = CORPUS / "html" / "report_2020_county_bureau.html"
    target = tmp_path / "report.pdf"
    target.write_bytes(source.read_bytes())
    report = extract_file(target)
    assert report.document["format"] == "html"
    assert report.value("proactive.channel.website", "value") == 195
