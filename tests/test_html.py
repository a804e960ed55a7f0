"""Reports published as web pages."""
import pandas as pd
import pytest

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


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_page_saved_as_utf16_with_its_byte_order_mark(tmp_path, seed_report, encoding):
    # Notepad's and Windows tools' "Unicode": the page's first bytes are a BOM and NULs, not "<html"
    page = (CORPUS / "html" / "report_2020_county_bureau.html").read_text(encoding="utf-8")
    path = tmp_path / "report.htm"
    path.write_bytes("\ufeff".encode(encoding) + page.encode(encoding))
    report = extract_file(path)
    assert report.document["format"] == "html" and report.status == "ok"
    assert cells(report) == cells(seed_report)


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



def test_column_name_wrapped_over_two_header_rows_and_label_cut_behind_its_group(tmp_path):
    """Mapping reads a column name printed over two header rows (社会公益 over 组织) whole, and a row label cut
    into two cells behind its group's cell (a PDF rule through a merged cell) as one label."""
    header = ("<tr><td rowspan=4 colspan=3></td><td colspan=7>申请人情况</td></tr>"
              "<tr><td rowspan=3>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=3>总计</td></tr>"
              "<tr><td rowspan=2>商业企业</td><td rowspan=2>科研机构</td><td>社会公益</td>"
              "<td rowspan=2>法律服务机构</td><td rowspan=2>其他</td></tr>"
              "<tr><td>组织</td></tr>")
    rows = [("<td colspan=3>一、本年新收政府信息公开申请数量</td>", (1, 2, 3, 4, 5, 6, 21)),
            ("<td>三、本年度办理结果</td><td>（一）予以公</td><td>开</td>", (1, 0, 0, 4, 0, 0, 5))]
    body = "".join(f"<tr>{labels}{''.join(f'<td>{v}</td>' for v in values)}</tr>" for labels, values in rows)
    page = tmp_path / "requests.html"
    page.write_text("<html><body><h2>某某县民政局2022年政府信息公开工作年度报告</h2><p>三、收到和处理政府信息公开申请情况</p>"
                    f"<table>{header}{body}</table></body></html>", encoding="utf-8")
    report = extract_file(page)
    assert [report.value("requests.received_new", dim) for dim in ("research", "public_interest", "legal_services")] \
        == [3, 4, 5]
    assert report.value("requests.result.disclosed", "public_interest") == 4
    assert report.value("requests.result.disclosed", "total") == 5


def test_text_the_page_hides_is_not_read(tmp_path, seed_report):
    """Sites hide stray characters in their pages against copying (inline display:none, font-size:0, a class
    their style sheet hides), and sometimes whole rows or cells: a browser shows none of it, so none is read."""
    page = (CORPUS / "html" / "report_2020_county_bureau.html").read_text(encoding="utf-8")
    page = page.replace("<p>195</p>", '<p>19<span style="display:none">7</span>5<font style="font-size:0px">8</font>'
                        '<i class="note hd">6</i></p>')
    page = page.replace("</head>", "<style>p{margin:0} .hd {color:#fff; display: none}</style></head>")
    page = page.replace("<p>513</p></td></tr>", '<p>513</p></td><td hidden>9</td></tr>'
                        '<tr style="display: none"><td>（五）行政许可</td><td>件</td><td>77</td></tr>')
    hidden = tmp_path / "hidden.html"
    hidden.write_text(page, encoding="utf-8")
    report = extract_file(hidden)
    assert cells(report) == cells(seed_report)


def test_a_report_the_page_hides_until_its_script_shows_it_is_read(tmp_path, seed_report):
    """A page whose report sits in a hidden part that its script shows (a tab, a 'read more'): a part that holds
    tables or much text is read whatever its markup says."""
    page = (CORPUS / "html" / "report_2020_county_bureau.html").read_text(encoding="utf-8")
    page = page.replace('<div class="content">', '<div class="content" style="display:none">')
    shown = tmp_path / "shown_by_script.html"
    shown.write_text(page, encoding="utf-8")
    assert cells(extract_file(shown)) == cells(seed_report)
