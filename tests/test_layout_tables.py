"""A report laid out inside a table (web pages, some Word templates) is read as the flow it holds."""
import docx
from docx.oxml.ns import qn

from conftest import CORPUS, SEED_DOCX
from extractor import extract_file


def summary(report):
    doc = report.document
    return doc["n_tables"], doc["sections"], doc["year"], len(report.observations)


def test_web_page_inside_a_layout_table(tmp_path, seed_report):
    page = (CORPUS / "html" / "report_2020_county_bureau.html").read_text(encoding="utf-8")
    start, end = page.index('<div class="content">'), page.index('<div class="footer">')
    wrapped = tmp_path / "wrapped.html"
    wrapped.write_text(page[:start] + '<table width="100%"><tr><td class="main">' + page[start:end]
                       + '</td></tr></table>' + page[end:], encoding="utf-8")
    report = extract_file(wrapped)
    assert summary(report) == summary(seed_report)
    assert report.value("proactive.channel.website", "value") == 195


def test_word_report_inside_a_one_cell_table(tmp_path, seed_report):
    word = docx.Document(str(SEED_DOCX))
    body = word.element.body
    content = [child for child in body.iterchildren() if child.tag != qn("w:sectPr")]
    cell = word.add_table(rows=1, cols=1).cell(0, 0)._tc
    for paragraph in cell.findall(qn("w:p")):
        cell.remove(paragraph)
    for child in content:
        cell.append(child)
    cell.append(cell.makeelement(qn("w:p"), {}))  # a cell must end with a paragraph
    wrapped = tmp_path / "wrapped.docx"
    word.save(str(wrapped))
    report = extract_file(wrapped)
    assert summary(report) == summary(seed_report)
    assert report.value("capacity.trainees", "value") == 50


def test_small_statistics_table_is_not_mistaken_for_layout(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>某某局2021年政府信息公开工作年度报告</p><table>"
                    "<tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>12</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    report = extract_file(page)
    assert report.document["n_tables"] == 1
    assert report.value("proactive.admin_license", "decisions") == 12


def assert_reads_as_the_seed(word, path, seed_report) -> None:
    """The seed .docx, altered in how its content is wrapped and saved to `path`, reads as the seed does."""
    word.save(str(path))
    report = extract_file(path)
    assert summary(report) == summary(seed_report)
    assert report.value("proactive.channel.website", "value") == 195


def in_content_control(elements) -> None:
    """Put `elements` (siblings, in order) inside one content control (w:sdt/w:sdtContent) where they stand."""
    sdt = elements[0].makeelement(qn("w:sdt"), {})
    content = sdt.makeelement(qn("w:sdtContent"), {})
    sdt.append(content)
    elements[0].addprevious(sdt)
    for element in elements:
        content.append(element)


def test_cell_text_inside_content_controls(tmp_path, seed_report):
    """Templates with form fields put a cell's paragraphs in a content control (w:sdt): they are read."""
    word = docx.Document(str(SEED_DOCX))
    wrapped_cells = 0
    for tc in word.element.body.iter(qn("w:tc")):
        paragraphs = tc.findall(qn("w:p"))
        if not paragraphs or not "".join(paragraphs[0].itertext()).strip():
            continue
        in_content_control(paragraphs)
        wrapped_cells += 1
    assert wrapped_cells > 100
    assert_reads_as_the_seed(word, tmp_path / "controls.docx", seed_report)


def test_rows_inside_content_controls(tmp_path, seed_report):
    """Repeating-section templates put whole rows in a content control (w:tbl/w:sdt/w:sdtContent/w:tr): the
    rows are read where they stand."""
    word = docx.Document(str(SEED_DOCX))
    wrapped_rows = 0
    for tbl in word.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))[1:]
        in_content_control(rows)
        wrapped_rows += len(rows)
    assert wrapped_rows > 50
    assert_reads_as_the_seed(word, tmp_path / "row_controls.docx", seed_report)


def test_tables_rows_and_cells_inside_custom_xml_markup(tmp_path, seed_report):
    """Custom XML markup (w:customXml) may wrap a table, a row or a cell, with no content element between."""
    word = docx.Document(str(SEED_DOCX))
    tables = list(word.element.body.iter(qn("w:tbl")))

    def wrap(element):
        markup = element.makeelement(qn("w:customXml"), {qn("w:element"): "item"})
        element.addprevious(markup)
        markup.append(element)

    for tbl in tables:
        rows = tbl.findall(qn("w:tr"))
        wrap(rows[-1])
        for tc in rows[1].findall(qn("w:tc")):
            wrap(tc)
        wrap(tbl)
    assert_reads_as_the_seed(word, tmp_path / "custom_xml.docx", seed_report)


def test_text_box_saved_twice_is_read_once(tmp_path, seed_report):
    """Word saves a text box twice (mc:Choice, and mc:Fallback for older readers): its text is read once."""
    from lxml import etree

    word = docx.Document(str(SEED_DOCX))
    box = ('<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><mc:AlternateContent>'
           '<mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>县文化和广电旅游体育局</w:t></w:r></w:p>'
           '</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>县文化和广电旅游体育局</w:t>'
           '</w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    word.element.body.insert(0, etree.fromstring(box))
    path = tmp_path / "text_box.docx"
    word.save(str(path))
    from extractor.readers.docx import read_docx

    assert read_docx(path).paragraphs[0].text == "县文化和广电旅游体育局"
    assert summary(extract_file(path)) == summary(seed_report)


def test_text_moved_with_changes_tracked_is_read_where_it_now_stands(tmp_path, seed_report):
    """A tracked move keeps the moved runs at the old place too (w:moveFrom, with w:t): they are not read."""
    from lxml import etree

    word = docx.Document(str(SEED_DOCX))
    cell = next(tc for tc in word.element.body.iter(qn("w:tc"))
                if [t.text for t in tc.iter(qn("w:t"))] == ["195"])
    moved = etree.fromstring('<w:moveFrom xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                             'w:id="1" w:author="a"><w:r><w:t>7</w:t></w:r></w:moveFrom>')
    cell.find(qn("w:p")).append(moved)
    assert_reads_as_the_seed(word, tmp_path / "moved.docx", seed_report)


def test_cells_merged_the_old_way_are_read_as_one(tmp_path, seed_report):
    """Older writers merge cells across columns with w:hMerge (one w:tc per column, the first 'restart', the
    rest 'continue') where Word now writes one w:tc with w:gridSpan: the same table either way."""
    word = docx.Document(str(SEED_DOCX))
    merged = 0
    for span in list(word.element.body.iter(qn("w:gridSpan"))):
        columns = int(span.get(qn("w:val")))
        tc = span.getparent().getparent()
        properties = span.getparent()
        properties.remove(span)
        properties.append(properties.makeelement(qn("w:hMerge"), {qn("w:val"): "restart"}))
        for _ in range(columns - 1):
            follower = tc.makeelement(qn("w:tc"), {})
            follower_properties = follower.makeelement(qn("w:tcPr"), {})
            follower_properties.append(follower.makeelement(qn("w:hMerge"), {}))
            follower.append(follower_properties)
            follower.append(follower.makeelement(qn("w:p"), {}))
            tc.addnext(follower)
        merged += 1
    assert merged > 10
    assert_reads_as_the_seed(word, tmp_path / "hmerge.docx", seed_report)
    from extractor.readers.docx import read_docx

    def grids(path):
        return [[[(cell.text, cell.col, cell.colspan) for cell in row] for row in table.grid]
                for table in read_docx(path).tables]

    assert grids(tmp_path / "hmerge.docx") == grids(SEED_DOCX)


def test_hidden_text_is_not_read(tmp_path, seed_report):
    """A run formatted as hidden (w:vanish) is not seen by a reader, so not read; w:vanish turned off is."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    word = docx.Document(str(SEED_DOCX))
    cell = next(tc for tc in word.element.body.iter(qn("w:tc")) if [t.text for t in tc.iter(qn("w:t"))] == ["195"])
    paragraph = cell.find(qn("w:p"))
    paragraph.find(qn("w:r")).find(qn("w:t")).text = "19"
    paragraph.insert(0, etree.fromstring(f'<w:r xmlns:w="{w}"><w:rPr><w:vanish/></w:rPr><w:t>8</w:t></w:r>'))
    paragraph.append(etree.fromstring(f'<w:r xmlns:w="{w}"><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>5</w:t></w:r>'))
    assert_reads_as_the_seed(word, tmp_path / "hidden.docx", seed_report)


def test_strict_open_xml_reads_as_the_seed(tmp_path, seed_report):
    """Word's "Strict Open XML Document" names the same elements in other namespaces."""
    import zipfile

    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(SEED_DOCX) as source, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            target.writestr(item, data)
    report = extract_file(strict)
    assert summary(report) == summary(seed_report)
    assert report.value("proactive.channel.website", "value") == 195
