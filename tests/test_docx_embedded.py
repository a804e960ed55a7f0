"""A .docx whose report is a web page embedded whole (w:altChunk), as systems exporting to Word make them."""
import zipfile
from pathlib import Path
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from conftest import CORPUS, SEED_DOCX
from extractor import extract_file

SEED_HTML = CORPUS / "html" / "report_2020_county_bureau.html"
ALT_CHUNK = '<w:altChunk r:id="chunk1"/>'
ALT_CHUNK_BODY = '<w:body><w:p><w:r><w:t>{before}</w:t></w:r></w:p>{chunk}<w:sectPr/></w:body>'
# a page laid out in a table: a narrow cell beside the one that holds the embedded page
IN_A_TABLE = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>目录</w:t></w:r></w:p></w:tc><w:tc>' + ALT_CHUNK
              + '<w:p/></w:tc></w:tr></w:tbl>')
CHUNK_REL = ('<Relationship Id="chunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/aFChunk" Target="{target}"/></Relationships>')


def with_alt_chunk(tmp_path, part_name: str, data: bytes, before: str = "", chunk: str = ALT_CHUNK) -> Path:
    """The seed .docx with its body replaced by one paragraph and an altChunk of `data` at word/`part_name`
    (`chunk`: the markup that holds the altChunk element)."""
    path = tmp_path / "embedded.docx"
    with zipfile.ZipFile(SEED_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = content.decode("utf-8")
                start, end = text.index("<w:body>"), text.index("</w:body>") + len("</w:body>")
                body = ALT_CHUNK_BODY.format(before=before, chunk=chunk)
                content = (text[:start] + body + text[end:]).encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.decode("utf-8").replace("</Relationships>",
                                                          CHUNK_REL.format(target=part_name)).encode("utf-8")
            target.writestr(item.filename, content)
        target.writestr(f"word/{part_name}", data)
    return path


def test_web_page_embedded_in_a_docx_is_read_as_the_page(tmp_path):
    page = extract_file(SEED_HTML)
    report = extract_file(with_alt_chunk(tmp_path, "afchunk.htm", SEED_HTML.read_bytes()))
    assert report.status == "ok"
    assert report.document["n_tables"] == page.document["n_tables"] > 0
    assert report.document["sections"] == page.document["sections"]
    assert len(report.observations) == len(page.observations) > 100
    assert report.value("proactive.channel.website", "value") == 195


def test_web_page_embedded_in_a_layout_table_cell_is_read(tmp_path):
    report = extract_file(with_alt_chunk(tmp_path, "afchunk.htm", SEED_HTML.read_bytes(), chunk=IN_A_TABLE))
    assert report.status == "ok"
    assert report.document["n_tables"] == extract_file(SEED_HTML).document["n_tables"]
    assert report.value("proactive.channel.website", "value") == 195


def test_mht_archive_embedded_in_a_docx_is_read(tmp_path):
    archive = MIMEMultipart("related")
    archive.attach(MIMEText(SEED_HTML.read_text(encoding="utf-8"), "html", "gb18030"))
    report = extract_file(with_alt_chunk(tmp_path, "chunk.mht", archive.as_bytes()))
    assert report.status == "ok"
    assert report.value("proactive.channel.website", "value") == 195


def test_rtf_embedded_in_a_docx_is_read(tmp_path):
    from test_rtf import WORD_STYLE

    report = extract_file(with_alt_chunk(tmp_path, "chunk.rtf", WORD_STYLE.encode("ascii")))
    assert report.status == "ok"
    assert report.value("proactive.rules", "new_made") == 3
    assert report.value("proactive.normative_docs", "total_published") == 12


def test_an_embedded_part_that_cannot_be_read_makes_the_document_partial(tmp_path):
    title = "某某局2021年政府信息公开工作年度报告"
    report = extract_file(with_alt_chunk(tmp_path, "chunk.docx", SEED_DOCX.read_bytes(), before=title))
    assert report.status == "partial"
    assert "word/chunk.docx was not read" in report.document["error"]
    assert report.document["year"] == 2021


def test_an_embedded_part_missing_from_the_package_is_named(tmp_path):
    path = with_alt_chunk(tmp_path, "page.htm", SEED_HTML.read_bytes())
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            if item.filename != "word/page.htm":
                target.writestr(item, source.read(item.filename))
    report = extract_file(damaged)
    assert report.status == "partial"
    assert report.document["error"] == "the embedded part word/page.htm is missing from the package"
