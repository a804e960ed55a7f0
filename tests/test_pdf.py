"""PDF reports: same numbers as the .docx, tables across pages, and PDFs that must fail clearly."""
import itertools
import shutil

import pandas as pd
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from conftest import CORPUS, FIXTURES
from redraw import (as_drawn, blank_row_every_fifth, generated_reports, redrawn, spacer_column, text_in_every_cell,
                    text_in_first_cell, turned)
from extractor import extract_file
from extractor.document import Table
from extractor.readers.alignment import aligned_tables
from extractor.readers.pdf import Band, index_of, is_blank_row, read_pdf, rest_left_blank, river_runs

SEED_PDF = CORPUS / "pdf" / "libreoffice" / "report_2020_county_bureau.pdf"
SEED_PDF_REPORTLAB = CORPUS / "pdf" / "reportlab" / "report_2020_county_bureau.pdf"


def cjk_canvas(path) -> canvas.Canvas:
    """An A4 reportlab canvas with the CID font STSong-Light, for drawing small Chinese test PDFs."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path), pagesize=A4)


def grid_texts(table) -> list[list[str]]:
    """Each row's cell texts, a merged cell once per row."""
    return [[c.text for c in table.row_cells(r)] for r in range(table.n_rows)]


def cells(report):
    obs = report.observations
    return {(r.field, r.dim): (None if pd.isna(r.value) else r.value, r.raw_value) for r in obs.itertuples()}


SEED_PDF_OPEN_SIDES = CORPUS / "pdf" / "reportlab_open_sides" / "report_2020_county_bureau.pdf"


@pytest.mark.parametrize("pdf", [SEED_PDF, SEED_PDF_REPORTLAB, SEED_PDF_OPEN_SIDES,
                                 *(CORPUS / "pdf" / f"reportlab_{rules}" / "report_2020_county_bureau.pdf"
                                   for rules in ("hrules", "three_line", "borderless", "columns")),
                                 CORPUS / "pdf" / "chromium" / "report_2020_county_bureau.pdf"],
                         ids=["libreoffice", "reportlab", "no-outer-side-borders", "horizontal-rules-only", "three-line",
                              "no-rules", "column-rules-only", "chromium"])
def test_seed_pdf_equals_seed_docx(pdf, seed_report):
    report = extract_file(pdf)
    assert report.status == "ok" and report.document["format"] == "pdf"
    assert cells(report) == cells(seed_report)
    assert report.document["template"] == "hybrid" and report.document["year"] == 2020
    assert report.observations["page"].notna().all()


def test_pages_turned_with_rotate_read_as_the_seed(tmp_path, seed_report):
    """A landscape page kept in a portrait box (/Rotate 90, content drawn turned), as some printers make them:
    the transform leaves level rules 1e-13 off level, which pdfplumber reads as upright (its issue #1276)."""
    from pypdf import PdfWriter, Transformation

    writer = PdfWriter(clone_from=str(SEED_PDF))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(Transformation().rotate(90).translate(height, 0))
        for box in (page.mediabox, page.cropbox):
            box.lower_left, box.upper_right = (0, 0), (height, width)
        page.rotate(90)
    turned = tmp_path / "turned.pdf"
    writer.write(turned)
    report = extract_file(turned)
    assert report.status == "ok"
    assert cells(report) == cells(seed_report)


@pytest.mark.parametrize("angle", [180, 270])
def test_pages_a_rotate_turns_are_read_upright(tmp_path, seed_report, angle):
    """Pages whose /Rotate turns their level text (a viewer shows them so): upside down, each line's characters
    run right to left, and were read so (134 as 431) until the page was turned back."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(SEED_PDF))
    for page in writer.pages:
        page.rotate(angle)
    rotated = tmp_path / "rotated.pdf"
    writer.write(rotated)
    report = extract_file(rotated)
    assert report.status == "ok"
    assert cells(report) == cells(seed_report)


@pytest.mark.parametrize("offset", [(0, 20), (100, -300)])
def test_a_mediabox_set_off_the_origin_keeps_the_page_margins(tmp_path, offset):
    """Pages whose MediaBox (and content with it) lies off the origin: pdfplumber places the text by the box, so
    20 pt up put the page numbers out of the bottom margin, and "— 2 —" parted the request table from its
    last three rows on the next page (horizontal rules only)."""
    from pypdf import PdfWriter, Transformation

    source = CORPUS / "pdf" / "reportlab_hrules" / "report_2020_county_bureau.pdf"
    dx, dy = offset
    writer = PdfWriter(clone_from=str(source))
    for page in writer.pages:
        page.add_transformation(Transformation().translate(dx, dy))
        for box in (page.mediabox, page.cropbox):
            (x0, y0), (x1, y1) = box.lower_left, box.upper_right
            box.lower_left, box.upper_right = (float(x0) + dx, float(y0) + dy), (float(x1) + dx, float(y1) + dy)
    moved = tmp_path / "moved.pdf"
    writer.write(moved)
    report = extract_file(moved)
    assert report.status == "ok"
    assert cells(report) == cells(extract_file(source))
    assert report.value("requests.result.total", "total") == 0


@pytest.mark.parametrize("rules, scale", [("hrules", 0.7), ("hrules", 1.5), ("three_line", 1.5)],
                         ids=["hrules-small", "hrules-a3", "three-line-a3"])
def test_pages_scaled_whole_read_as_the_seed(tmp_path, seed_report, rules, scale):
    """Pages scaled whole, page and content: 1.5× (A4 printed on A3) set the page numbers 1.5× as far from the
    edge, out of a 60 pt margin, where "— 2 —" parted a table from its rest (21 cells lost); 0.7× set the table in
    5.6 pt type, whose white between columns is under 4 pt, so columns ran together (114 cells lost)."""
    from pypdf import PdfWriter, Transformation

    writer = PdfWriter(clone_from=str(CORPUS / "pdf" / f"reportlab_{rules}" / "report_2020_county_bureau.pdf"))
    for page in writer.pages:
        page.add_transformation(Transformation().scale(scale, scale))
        for box in (page.mediabox, page.cropbox):
            box.upper_right = (float(box.right) * scale, float(box.top) * scale)
    scaled = tmp_path / "scaled.pdf"
    writer.write(scaled)
    report = extract_file(scaled)
    assert report.status == "ok"
    assert cells(report) == cells(seed_report)


@pytest.mark.parametrize("angle", [45, 0], ids=["diagonal", "level"])
def test_a_watermark_is_not_read_into_the_tables(tmp_path, seed_report, angle):
    """A watermark over every page (words and digits, large, light grey), set across it at 45° or level: it
    falls over the tables' cells, but is left out, and no cell takes its digits."""
    from pypdf import PdfReader, PdfWriter

    mark = cjk_canvas(tmp_path / "mark.pdf")
    mark.setFont("STSong-Light", 48)
    mark.setFillGray(0.85)
    mark.translate(300, 420)
    mark.rotate(angle)
    for y in (-300, -150, 0, 150, 300):
        mark.drawCentredString(0, y, "政务公开样本 12345")
    mark.save()
    writer = PdfWriter(clone_from=str(SEED_PDF))
    for page in writer.pages:
        page.merge_page(PdfReader(tmp_path / "mark.pdf").pages[0])
    marked = tmp_path / "marked.pdf"
    writer.write(marked)
    report = extract_file(marked)
    assert report.status == "ok"
    assert cells(report) == cells(seed_report)


def test_seed_pdf_pages_and_page_crossing_table():
    report = extract_file(SEED_PDF)
    obs = report.observations
    assert report.document["pages"] == 5
    website = obs[obs["field"] == "proactive.channel.website"].iloc[0]
    assert website["page"] == 1
    # LibreOffice breaks the 依申请 matrix over pages 2 to 4: one table, pages kept per cell
    requests = obs[obs["section"] == "requests"]
    assert requests["table"].nunique() == 1
    assert set(requests["page"]) == {2, 3, 4}
    # a row cut in two by the page break is read as one row
    assert report.value("response.online_interviews.by_head", "value") == 0
    assert report.document["n_tables"] == 5


def test_real_wps_pdf_with_vertical_label_and_page_break(shared):
    report = extract_file(shared / "real" / "hongze_district_2023.pdf")
    doc = report.document
    assert (doc["status"], doc["agency"], doc["year"], doc["template"], doc["pages"]) == \
        ("ok", "洪泽区人民政府", 2023, "2021", 5)
    truth = pd.read_csv(shared / "real" / "hongze_district_2023.truth.csv")
    want = {(r.field, r.dim): r.value for r in truth.itertuples()}
    got = {(r.field, r.dim): r.value for r in report.observations.itertuples()}
    assert got == want
    obs = report.observations
    # 3.补正后申请内容仍不明确 is the first row of page 4, still under 三、本年度办理结果 / （四）无法提供
    still_unclear = obs[(obs["field"] == "requests.result.unable.still_unclear") & (obs["dim"] == "total")].iloc[0]
    assert still_unclear["page"] == 4
    assert report.value("requests.result.unable.not_held", "natural_person") == 10
    assert obs[obs["field"] == "requests.result.total"]["page"].eq(4).all()
    assert report.value("proactive.admin_fees", "amount") == pytest.approx(7730.28)


def test_garbled_font_fails_clearly(shared):
    report = extract_file(shared / "real" / "garbled_font_2023.pdf")
    assert report.status == "failed"
    assert "does not decode to Chinese" in report.document["error"]
    assert report.observations.empty
    assert report.findings["kind"].tolist() == ["parse_error"]


def test_scanned_pdf_fails_clearly(tmp_path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 300, 500, fill=1)  # an image-like page: graphics, no text at all
    c.showPage()
    c.save()
    report = extract_file(path)
    assert report.status == "failed"
    assert report.document["error"] == "no text layer: the PDF is an image (a scan), OCR needed"


def encrypted_copy(tmp_path, user_password):
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(SEED_PDF_REPORTLAB))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    path = tmp_path / f"encrypted_{bool(user_password)}.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def test_encrypted_pdf_with_empty_password_opens(tmp_path):
    pytest.importorskip("pypdf")
    report = extract_file(encrypted_copy(tmp_path, ""))
    assert report.status == "ok"
    assert report.value("proactive.channel.website", "value") == 195


def test_encrypted_pdf_needing_a_password_fails_clearly(tmp_path):
    pytest.importorskip("pypdf")
    report = extract_file(encrypted_copy(tmp_path, "user-secret"))
    assert report.status == "failed"
    assert report.document["error"] == "encrypted PDF: it needs a password to open"


def test_pdf_named_docx_is_read_as_pdf(tmp_path):
    path = tmp_path / "mislabelled.docx"
    shutil.copy(SEED_PDF, path)
    report = extract_file(path)
    assert report.document["format"] == "pdf"
    assert report.value("proactive.admin_penalty", "prev_count") == 159


def test_truncated_pdf_fails_clearly(tmp_path):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(SEED_PDF.read_bytes()[:5000])
    report = extract_file(path)
    assert report.status == "failed" and report.document["error"]


def test_page_numbers_are_not_content():
    document = read_pdf(SEED_PDF_REPORTLAB)
    texts = [p.text for p in document.paragraphs]
    assert not any(text.startswith("—") and text.endswith("—") for text in texts)
    assert all(isinstance(t, Table) for t in document.tables)


def test_cjk_text_has_no_inserted_spaces():
    document = read_pdf(SEED_PDF)
    assert any("政府信息公开工作年度报告" == p.text for p in document.paragraphs)
    requests = document.tables[2]
    assert requests.grid[3][0].text.replace("\n", "") == "一、本年新收到政府信息公开申请数量"


def placed(x_lines, rows):
    """A PlacedTable whose rows are (text per column); columns follow x_lines."""
    from extractor.document import build_grid
    from extractor.readers.pdf import PlacedTable

    grid = build_grid([[(text, c, 1, 1) for c, text in enumerate(row)] for row in rows])
    return PlacedTable(Table(grid), 0, 100, x_lines, 1)


def test_page_join_needs_the_same_number_columns():
    from extractor.readers.pdf import same_columns

    first = placed([0, 100, 200, 300, 400], [["一、本年新收", "1", "2", "3"]])
    # a group column that starts after the break only changes the label area: same table
    assert same_columns(first, placed([0, 50, 100, 200, 300, 400], [["（三）不予公开", "1.属于国家秘密", "0", "0", "0"]]))
    # a header row cut off by the break, with fewer lines: same table
    assert same_columns(placed([0, 100, 400], [["", "申请人情况"]]), first)
    # the same width but other number columns (an author's second table laid out anew): not joined
    assert not same_columns(first, placed([0, 100, 160, 230, 300, 400], [["1.本机关不掌握", "0", "1", "2", "3"]]))


def unruled_pdfs():
    truth = pd.read_csv(CORPUS / "truth" / "pdf.documents.csv", dtype=str)
    unruled = ["reportlab-borderless", "reportlab-three-line", "reportlab-hrules", "reportlab-columns",
               "libreoffice-borderless"]
    return sorted(truth[truth["producer"].isin(unruled)]["source"])


def test_borderless_table_read_by_alignment():
    report = extract_file(CORPUS / "pdf" / "reportlab_borderless" / "report_00_2021.pdf")
    assert report.status == "ok" and report.document["template"] == "2021"
    # columns from the white space between centred values, header cells spanning columns kept apart
    assert [report.value("requests.received_new", dim) for dim in
            ("natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total")] \
        == [10, 17, 9, 7, 6, 2, 51]
    # a label wrapped on lines above and below its values is one row's label
    assert report.value("requests.result.withheld.enforcement_files", "natural_person") == 2
    assert report.value("proactive.admin_fees", "amount") == 3.84


def test_blank_rows_that_print_their_unit_stay_in_an_unruled_table():
    report = extract_file(CORPUS / "pdf" / "reportlab_three_line" / "report_03_2017.pdf")
    assert report.value("response.online_interviews.by_head", "value") == 3
    # 3.政策解读稿件发布数 | 篇 | (blank), below the last row holding a number
    assert report.value("response.policy_interpretations", "value") is None
    assert report.value("response.other", "value") is None


def test_three_line_table_read_by_alignment():
    report = extract_file(CORPUS / "pdf" / "reportlab_three_line" / "report_00_2023.pdf")
    assert report.value("proactive.rules", "repealed") == 2
    assert report.value("proactive.normative_docs", "issued") == 8
    assert report.value("requests.received_new", "total") == 47


def test_horizontal_rules_only_table_with_group_labels_and_a_numbered_heading_after_it():
    report = extract_file(CORPUS / "pdf" / "reportlab_hrules" / "奉化区自然资源和规划局2021年政府信息公开工作年度报告.pdf")
    # label cells of one row side by side ((四)无法提供 beside 1.本机关不掌握) are told apart
    assert report.value("requests.result.unable.not_held", "total") == 2
    assert report.value("requests.result.not_processed.duplicate", "total") == 3
    # "4、因政府信息公开申请…" between two tables holds a digit but is a heading, not a table row
    assert report.value("requests.carried_forward", "total") == 1


def test_table_without_padding_parts_rows_at_values_on_their_labels_first_line():
    # Word and LibreOffice set a table without borders with its rows as close as a cell's own lines, each cell's
    # text at its top: a label wrapped over several lines belongs to the row whose numbers print on its first
    # line, not to the row below, and the white between lines says nothing
    folder = CORPUS / "pdf" / "libreoffice_borderless"
    report = extract_file(folder / "report_08_2023.pdf")
    # 7.属于行政执法案卷 over three lines in a narrow column, its numbers beside 7.属于 (the first reading gave it
    # 8.属于行政查询事项's 5, taking the middle of the lines between two rows of numbers for their edge)
    assert report.value("requests.result.withheld.enforcement_files", "total") == 1
    assert report.value("requests.result.withheld.enforcement_files", "commercial") is None
    assert report.value("requests.result.withheld.admin_query", "total") == 5
    report = extract_file(folder / "report_06_2020.pdf")
    assert report.value("requests.result.withheld.admin_query", "commercial") == 2
    assert report.value("requests.result.not_processed.confirm_or_reissue", "total") == 5
    # the statistics table's rows run on atop the next page, two rows of values one under the other: two rows
    report = extract_file(folder / "report_03_2018.pdf")
    assert report.value("capacity.meetings", "value") == 2
    assert report.value("capacity.trainings", "value") == 5


def test_table_without_padding_printing_no_value_and_vertical_names():
    # the sample report's request table printing no number (its cells blank), rows set without padding: each
    # numbered label opens a row; its 复议/诉讼 table's names set a character a line under 未经复议直接起诉,
    # as close as the lines of one name: the group's name is not read as the first column's
    report = extract_file(CORPUS / "pdf" / "libreoffice_borderless" / "report_2020_county_bureau.pdf")
    assert report.value("requests.result.withheld.state_secret", "total") is None
    read = set(zip(report.observations["field"], report.observations["dim"]))
    assert ("requests.result.withheld.state_secret", "total") in read
    assert report.value("review_litigation.litigation_direct", "upheld") is None
    assert report.value("review_litigation.review", "total") == 0


def libreoffice_fixture_cells(name: str, seed: int, number: int, redraw):
    """(cells read, truth cells) of a fixture: generated report `number` of `seed`, redrawn, written as .docx and
    converted to PDF by LibreOffice."""
    _, report = next(itertools.islice(generated_reports(seed), number, None))
    extracted = extract_file(FIXTURES / name)
    got = {(o.field, o.dim): (None if o.value != o.value else o.value) for o in extracted.observations.itertuples()}
    return got, {(field, dim): value for field, dim, value in report.truth}


def test_table_of_tables_runs_on_with_the_columns_of_its_last_row():
    # the 第二十条 tables as one Word table (each its own columns), in 12 pt: the last one's header cut by the
    # page break, its only row on the next page with three columns where the rows above had four: the rest of
    # that last table, read on its columns (上一年项目数量 147, 本年增/减 -1), not under the four above it
    got, truth = libreoffice_fixture_cells("libreoffice_12pt_33_11_spacer_column.pdf", 33, 11, spacer_column)
    assert got[("proactive.admin_fees", "prev_count")] == 147
    assert got[("proactive.admin_fees", "change")] == -1
    assert got == truth


def test_cell_cut_by_a_page_break_like_its_twin_above_runs_on():
    # the request table with its group labels printed in every cell, lines 28 pt apart: two page breaks cut a
    # row's labels at the same place (三、本 | （三） over 年度办理结果 | 不予公开); the second cut's rest is not
    # text printed before (the first cut's rest, run on into its row), and runs on into its row too
    got, truth = libreoffice_fixture_cells("libreoffice_exact28pt_33_3_text_in_every_cell.pdf", 33, 3,
                                           text_in_every_cell)
    assert got[("requests.result.withheld.enforcement_files", "commercial")] == 1
    assert got == truth


def test_table_set_with_extra_line_spacing_reads_as_single_spaced():
    # the document in a fixed 28 pt line spacing, its tables without borders: lines 17 pt apart in a cell as
    # between rows. Its wrapped paragraphs show the spacing; the table's white is taken in, its rows part at
    # their numbers (each label's first line), and (五)不予处理's rest, cut by the page break and spread over
    # the label columns, runs on into its row (1.信访举报投诉类申请, whose numbers stay its own)
    got, truth = libreoffice_fixture_cells("libreoffice_borderless_exact28pt_33_3.pdf", 33, 3, as_drawn)
    assert got[("requests.result.withheld.state_secret", "total")] == 5
    assert got[("requests.result.unable.needs_creation", "total")] == 2
    assert got[("requests.result.not_processed.petition", "commercial")] == 1
    assert got[("requests.carried_forward", "total")] == 4
    assert {key: value for key, value in got.items() if truth.get(key, "absent") != value} == {}
    # missed: 行政强制's row, the next table's caption under it at the foot of the page (第二十条第（八）项, that
    # table's header atop the next page) read as more of its label
    assert set(truth) - set(got) == {("proactive.admin_coercion", dim) for dim in ("prev_count", "change", "decisions")}


def test_turned_table_with_column_rules_keeps_its_names_set_a_character_a_line(tmp_path):
    # column rules only, the 第二十条 tables turned (their fields across, the dims down): the names of their
    # first column, set two characters a line (本年 | 新公), stand as close over the first row of numbers as
    # a header would, but name fewer than half of them: not a header row parted from its numbers
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 19, turned, "columns")
    for key in (("proactive.rules", "new_made"), ("proactive.normative_docs", "new_published"),
                ("proactive.admin_license", "prev_count"), ("proactive.other_services", "change")):
        assert got[key] == truth[key]


def test_column_rules_only_header_set_close_over_the_first_row():
    # column rules only, rows set without padding: each 第二十条 table's header (信息内容 | 本年制发件数…) stands
    # as close over its first row (规章 | 1 | 2 | 2) as that row's lines: the header is a row of its own
    got, truth = libreoffice_fixture_cells("libreoffice_column_rules_33_7.pdf", 33, 7, as_drawn)
    assert got[("proactive.rules", "issued")] == 1
    assert got == truth


@pytest.mark.parametrize("source", unruled_pdfs())
def test_unruled_tables_never_give_a_wrong_number(source):
    """Tables without vertical rules (read from their horizontal rules, or by alignment), or without row rules
    (rows parted where the text is): every cell is read, none misread."""
    truth = pd.read_csv(CORPUS / "truth" / "pdf.truth.csv")
    truth = truth[truth["source"] == source]
    want = {(r.field, r.dim): (None if pd.isna(r.value) else r.value) for r in truth.itertuples()}
    report = extract_file(CORPUS / source)
    got = {(r.field, r.dim): (None if pd.isna(r.value) else r.value) for r in report.observations.itertuples()}
    assert {key: value for key, value in got.items() if want.get(key, "absent") != value} == {}
    assert set(got) == set(want)


def test_borderless_table_and_spaced_page_number(tmp_path):
    path = tmp_path / "borderless.pdf"
    page = cjk_canvas(path)
    page.setFont("STSong-Light", 12)
    page.drawString(60, 760, "二、主动公开政府信息情况")
    page.setFont("STSong-Light", 9)
    rows = [("信息内容", "本年制发件数", "本年废止件数"), ("规章", "3", "——"), ("行政规范性文件", "12", "1")]
    for r, row in enumerate(rows):
        for x, text in zip((60, 260, 400), row):
            page.drawString(x, 730 - 16 * r, text)
    for i, part in enumerate(["第", "2", "页", "共", "5", "页"]):  # a footer set in runs spaced apart
        page.drawString(250 + 16 * i, 30, part)
    page.save()
    document = read_pdf(path)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert grid_texts(table) == [list(row) for row in rows]
    assert [p.text for p in document.paragraphs] == ["二、主动公开政府信息情况"]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_text_printed_bold_by_drawing_it_three_times_is_read_once(tmp_path, ruled):
    """A bold face faked by drawing each string three times a hair apart (WPS, some printers), one copy drawn
    through a transform that makes its size differ in the fourth decimal: the copies are one text."""
    path = tmp_path / "fake_bold.pdf"
    page = cjk_canvas(path)
    rows = [("信息内容", "本年制发件数", "本年废止件数"), ("规章", "3", "——"), ("行政规范性文件", "12", "11")]
    xs, top = (60, 260, 400, 520), 730
    for dx, dy, scale in ((0, 0, 1), (0.25, 0, 1), (0.5, 0.1, 1.0001)):
        page.saveState()
        page.translate(dx, dy)
        page.scale(scale, scale)
        page.setFont("STSong-Light", 12)
        page.drawString(60, 760, "二、主动公开政府信息情况")
        page.setFont("STSong-Light", 9)
        for r, row in enumerate(rows):
            for x, text in zip(xs, row):
                page.drawString(x + 4, top - 16 * r, text)
        page.restoreState()
    if ruled:
        for r in range(len(rows) + 1):
            page.line(xs[0], top + 12 - 16 * r, xs[-1], top + 12 - 16 * r)
        for x in xs:
            page.line(x, top + 12, x, top + 12 - 16 * len(rows))
    page.save()
    document = read_pdf(path)
    assert len(document.tables) == 1
    assert grid_texts(document.tables[0]) == [list(row) for row in rows]
    assert [p.text for p in document.paragraphs] == ["二、主动公开政府信息情况"]


def test_unruled_table_with_every_cell_blank_runs_on_to_the_next_page():
    report = extract_file(CORPUS / "pdf" / "reportlab_borderless" / "report_2020_county_bureau.pdf")
    requests = report.observations[report.observations["section"] == "requests"]
    # the 依申请 matrix prints no value on page 2: read under its header's columns, then on page 3 by them
    assert requests["table"].nunique() == 1 and set(requests["page"]) == {2, 3}
    assert len(requests) == 161 and requests["value"].notna().sum() == 1
    total = requests[(requests["field"] == "requests.result.total") & (requests["dim"] == "total")].iloc[0]
    assert (total["value"], total["page"]) == (0, 3)
    assert report.value("requests.result.withheld.state_secret", "public_interest") is None


def test_blank_unruled_table_under_its_header(tmp_path):
    path = tmp_path / "blank.pdf"
    page = cjk_canvas(path)
    page.setFont("STSong-Light", 12)
    page.drawString(60, 760, "三、收到和处理政府信息公开申请情况")
    page.setFont("STSong-Light", 9)
    columns = (250, 320, 390, 460)
    for x, text in zip(columns, ("自然人", "商业企业", "社会公益", "总计")):
        page.drawString(x, 730, text)
    page.drawString(390, 719, "组织")  # a column name on two lines
    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
              "（二）部分公开（区分处理的，只计", "这一情形，不计其他情形）"]
    y = 719
    for i, label in enumerate(labels):
        y -= 11 if i == 3 else 16  # the lines of one cell are set tight; rows have padding
        page.drawString(60, y, label)
    page.setFont("STSong-Light", 12)
    page.drawString(60, y - 40, "四、政府信息公开行政复议、行政诉讼情况")
    page.save()
    document = read_pdf(path)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert grid_texts(table) == [
        ["", "自然人", "商业企业", "社会公益\n组织", "总计"],
        ["一、本年新收政府信息公开申请数量", "", "", "", ""],
        ["二、上年结转政府信息公开申请数量", "", "", "", ""],
        ["（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）", "", "", "", ""]]
    assert [p.text for p in document.paragraphs] == ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]


def test_running_header_and_continued_caption_do_not_cut_a_table(tmp_path):
    path = tmp_path / "running.pdf"
    page = cjk_canvas(path)
    width, height = A4
    xs = (60, 300, 400, 500)
    parts = [[("信息内容", "本年制发件数", "本年废止件数"), ("规章", "3", "0")], [("行政规范性文件", "12", "1")]]
    for number, rows in enumerate(parts, start=1):
        page.setFont("STSong-Light", 9)
        page.drawString(60, height - 30, "某某县司法局2023年政府信息公开工作年度报告")  # the running header
        page.drawString(width / 2 - 20, 25, f"第 {number} 页")
        top = height - 120 if number == 1 else height - 90
        if number == 1:
            page.setFont("STSong-Light", 12)
            page.drawString(60, top + 20, "二、主动公开政府信息情况")
        else:
            page.drawString(60, top + 8, "续表")
        page.setFont("STSong-Light", 9)
        ys = [top - 20 * r for r in range(len(rows) + 1)]
        for y in ys:
            page.line(xs[0], y, xs[-1], y)
        for x in xs:
            page.line(x, ys[0], x, ys[-1])
        for r, row in enumerate(rows):
            for x, text in zip(xs, row):
                page.drawString(x + 4, ys[r] - 14, text)
        page.showPage()
    page.save()
    document = read_pdf(path)
    assert [p.text for p in document.paragraphs] == ["二、主动公开政府信息情况"]
    assert len(document.tables) == 1
    table = document.tables[0]
    assert grid_texts(table) == [list(r) for rows in parts for r in rows]


def test_unruled_row_left_blank_between_rows_of_values(tmp_path):
    path = tmp_path / "blank_row.pdf"
    page = cjk_canvas(path)
    page.setFont("STSong-Light", 9)
    columns = (250, 320, 390, 460)
    for x, text in zip(columns, ("自然人", "商业企业", "科研机构", "总计")):
        page.drawString(x, 730, text)
    rows = [("一、本年新收政府信息公开申请数量", ("1", "2", "3", "6")), ("二、上年结转政府信息公开申请数量", ()),
            ("（一）予以公开", ("0", "1", "0", "1")), ("（二）部分公开", ())]
    for i, (label, values) in enumerate(rows, start=1):
        page.drawString(60, 730 - 16 * i, label)
        for x, value in zip(columns, values):
            page.drawString(x, 730 - 16 * i, value)
    page.drawString(60, 730 - 16 * len(rows) - 40, "四、政府信息公开行政复议、行政诉讼情况")  # a heading set further off
    page.save()
    document = read_pdf(path)
    table = document.tables[0]
    # a blank row (no value, no unit) is a row of its own, not more of the label below it, last row too
    assert grid_texts(table)[1:] == [
        [label, *(values or [""] * 4)] for label, values in rows]
    assert [p.text for p in document.paragraphs] == ["四、政府信息公开行政复议、行政诉讼情况"]


def test_table_with_column_rules_only(tmp_path):
    path = tmp_path / "columns.pdf"
    page = cjk_canvas(path)
    page.setFont("STSong-Light", 9)
    xs = (60, 260, 360, 460, 540)
    rows = [("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "3", "0", "12"),
            ("行政规范性文件", "12", "1", "40")]
    top = 730
    bottom = top - 20 * len(rows)
    for y in (top, bottom):  # a box with column rules: no rule under the header nor between the rows
        page.line(xs[0], y, xs[-1], y)
    for x in xs:
        page.line(x, top, x, bottom)
    for r, row in enumerate(rows):
        for x, text in zip(xs, row):
            page.drawString(x + 4, top - 14 - 20 * r, text)
    page.save()
    table = read_pdf(path).tables[0]
    assert grid_texts(table) == [list(row) for row in rows]


def test_blank_unruled_table_keeps_out_a_heading_and_prose_set_like_its_rows(tmp_path):
    path = tmp_path / "blank_then_prose.pdf"
    page = cjk_canvas(path)
    page.setFont("STSong-Light", 9)  # headings, table and prose all in one size, one spacing
    page.drawString(60, 760, "三、收到和处理政府信息公开申请情况")
    for x, text in zip((250, 320, 390, 460), ("自然人", "商业企业", "科研机构", "总计")):
        page.drawString(x, 744, text)
    after = ["四、政府信息公开行政复议、行政诉讼情况（本年度未发生）",
             "本年度本机关未发生因政府信息公开引起的行政复议和行政诉讼案件，特此说明。"]
    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开"]
    for i, text in enumerate(labels + after, start=1):
        page.drawString(60, 744 - 16 * i, text)
    page.save()
    document = read_pdf(path)
    table = document.tables[0]
    assert grid_texts(table) == [
        ["", "自然人", "商业企业", "科研机构", "总计"], *([label, "", "", "", ""] for label in labels)]
    assert [p.text for p in document.paragraphs] == ["三、收到和处理政府信息公开申请情况", *after]


def test_unruled_table_runs_on_below_a_running_header(tmp_path):
    path = tmp_path / "running_unruled.pdf"
    page = cjk_canvas(path)
    columns = (60, 300, 400, 500)
    parts = [[("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "3", "0", "12")],
             [("行政规范性文件", "12", "1", "40"), ("其他文件", "5", "2", "9")]]
    for number, rows in enumerate(parts, start=1):
        page.setFont("STSong-Light", 8)
        page.drawString(60, 812, "某某县司法局2023年政府信息公开工作年度报告")  # a running header, 30 pt from the top
        page.setFont("STSong-Light", 9)
        top = 80 + 16 * len(rows) if number == 1 else 790
        if number == 1:
            page.drawString(60, 400, "二、主动公开政府信息情况（见下表）")
        for r, row in enumerate(rows):
            for x, text in zip(columns, row):
                page.drawString(x, top - 16 * r, text)
        page.showPage()
    page.save()
    document = read_pdf(path)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert grid_texts(table) == [list(r) for rows in parts for r in rows]
    assert [p.text for p in document.paragraphs] == ["二、主动公开政府信息情况（见下表）"]


def test_web_page_printed_by_chromium():
    # the second part of a split 依申请 table, laid out anew by the browser right under the first part's last
    # rows, is a table of its own and not a grid of both tables' columns
    split = extract_file(CORPUS / "pdf" / "chromium" / "report_00_2022.pdf")
    assert split.value("requests.result.not_processed.duplicate", "total") == 1
    # numbers wrapped in narrow columns ("35" over "2") are read whole
    wrapped = extract_file(CORPUS / "pdf" / "chromium" / "report_03_2017.pdf")
    assert wrapped.value("proactive.total", "value") == 352
    assert wrapped.value("proactive.channel.gazette", "value") == 176
    # a label cut by a vertical rule into cells holding a piece of every line is read line by line across them
    cut = extract_file(CORPUS / "pdf" / "chromium" / "奉化区自然资源和规划局2019年政府信息公开工作年度报告.pdf")
    assert cut.value("requests.result.partially_disclosed", "total") == 3
    # a merged label cell cut by the page edge (no rule closes it) keeps its rows, and the rows after it
    page_cut = extract_file(CORPUS / "pdf" / "chromium" / "鄞州区市场监督管理局2021年政府信息公开工作年度报告.pdf")
    assert page_cut.value("requests.result.not_processed.publication", "total") == 7
    assert page_cut.value("requests.result.unable.needs_creation", "total") == 2
    # a title row at the top of the next page (第二十条第（八）项) is not the rest of the row above the break
    title = extract_file(CORPUS / "pdf" / "chromium" / "江北区人民政府2021年政府信息公开工作年度报告.pdf")
    assert title.value("proactive.admin_coercion", "decisions") == 8
    # a full-width number wrapped in a narrow column ("２" over "１") is read whole
    narrow = extract_file(CORPUS / "pdf" / "chromium" / "象山县教育局2021年政府信息公开工作年度报告.pdf")
    assert narrow.value("requests.result.total", "natural_person") == 21
    # its font maps 民 to the radical ⺠ and 工 to ⼯: read as the ideographs they print
    assert extract_file(CORPUS / "pdf" / "chromium" / "report_06_2020.pdf").document["agency"] == "北仑区民政局"


def chars_at(lines, x0=10.0, size=8.0):
    """pdfplumber-like characters: each line's text set from x0, one line below the other."""
    chars = []
    for i, text in enumerate(lines):
        for k, ch in enumerate(text):
            left = x0 + k * size * 0.6
            chars.append({"text": ch, "x0": left, "x1": left + size * 0.6, "top": i * size * 1.2,
                          "bottom": i * size * 1.2 + size, "width": size * 0.6, "height": size})
    return chars


def test_numbers_on_two_lines_are_joined_only_when_the_first_fills_its_cell():
    from extractor.normalize import parse_value
    from extractor.readers.pdf import box_text

    assert box_text(chars_at(["35", "2"]), 8.5, 21.5) == "352"  # "35" fills a 13 pt cell: 352 wrapped
    two_rows = box_text(chars_at(["14", "13"]), 8.5, 48.5)  # two rows' numbers run into one wide cell
    assert two_rows == "14\n13" and parse_value(two_rows).value is None
    # 13.1 a character a line in a 9 pt cell: the line of the narrow "." has no room for the "1" after it
    one_by_one = chars_at(["1", "3", ".", "1"])
    for ch in one_by_one:
        if ch["text"] == ".":
            ch["width"], ch["x1"] = 1.9, ch["x0"] + 1.9
    assert box_text(one_by_one, 8.5, 17.5) == "13.1"
    assert box_text(one_by_one, 8.5, 18.5) == "1\n3\n.\n1"  # "3." would have fitted on one line
    # set flush left, the white before the lines is the cell's padding: Word's 5.4 pt a side leaves no room
    # for the 4 of 294 after 29 in a 22 pt cell, though 1.5 pt a side would
    assert box_text(chars_at(["29", "4"]), 10.0 - 5.4, 32.0 - 5.4) == "294"
    assert box_text(chars_at(["29", "4"]), 10.0 - 1.5, 32.0 - 1.5) == "29\n4"
    assert box_text(chars_at(["15826", "00元"]), 8.5, 37.5) == "1582600元"  # a unit wraps with its number
    assert box_text(chars_at(["15826", "00页"]), 8.5, 37.5) == "15826\n00页"


def test_numbers_far_apart_in_a_narrow_cell_are_rows_not_one_wrapped_number():
    from extractor.readers.pdf import box_text

    # full-width digits in a 17 pt column of a turned table with column rules only: 16 wraps over two lines,
    # then 5 and 9 centred in rows several lines tall (their labels wrap a character a line)
    digits = [("１", 0.0), ("６", 10.4), ("５", 48.0), ("９", 105.0)]
    chars = [{"text": ch, "x0": 113.4, "x1": 121.4, "top": top, "bottom": top + 8.0, "width": 8.0, "height": 8.0}
             for ch, top in digits]
    assert box_text(chars, 108.9, 125.9) == "１６\n５\n９"  # centred in 17 pt


def placed_chars(items, size=8.0):
    """pdfplumber-like characters: (x0, top, text) each set from x0 at top, one character `size` wide."""
    return [{"text": ch, "x0": x + k * size, "x1": x + (k + 1) * size, "top": top, "bottom": top + size,
             "width": size, "height": size, "size": size} for x, top, text in items for k, ch in enumerate(text)]


@pytest.mark.parametrize("items, text", [
    ([(100, 10, "１１"), (131, 10, "２０"), (162, 10, "３")], "１１ ２０ ３"),  # three columns' numbers run together
    ([(100, 10, "11"), (131, 10, "20")], "11 20"),
    ([(100, 10, "１１２０")], "１１２０"),  # one number
    ([(100, 10, "法人"), (120, 10, "组织")], "法人组织"),  # no space between CJK characters, however far apart
])
def test_digits_set_apart_on_a_line_are_not_one_number(items, text):
    # horizontal rules only, 11 pt, full-width digits: 11, 20 and 3 in three columns whose edges were not found
    # read as 11203 in one cell. Set apart, full-width digits are words, as half-width ones are
    from extractor.readers.pdf_text import text_of

    assert text_of(placed_chars(items, size=12.0)) == text


SPLIT_TABLE_REST = [(100, 25, "2.没有现成信息"), (300, 29, "2"), (400, 29, "2"), (100, 35, "需要另行制作"),
                    (100, 50, "3.补正后申请"), (300, 50, "1"), (400, 50, "1"),
                    (100, 65, "4.其他"), (300, 65, "3"), (400, 65, "3")]


def first_rows(above):
    tables = aligned_tables(placed_chars([*above, *SPLIT_TABLE_REST]), river_runs)
    return [" ".join(text for text, *_ in row) for row in tables[0].rows[:2]]


def test_a_table_under_no_header_may_open_on_a_row_left_blank():
    # the rest of a table its author split opens on a row left blank: 1.本机关不掌握相关政府信息, a row gap above
    # the first row of numbers, over its label column
    assert first_rows([(100, 0, "1.本机关不掌握"), (100, 10, "相关政府信息")])[0] == "1.本机关不掌握\n相关政府信息"
    # the last line of a paragraph above the table, or a numbered line outside its label column, is not a row
    assert first_rows([(100, 10, "均在法定期限内答复。")])[0].startswith("2.没有现成信息")
    assert first_rows([(10, 10, "1.加强组织领导")])[0].startswith("2.没有现成信息")


def test_the_rest_of_a_table_keeps_the_value_edges_above_and_its_own_label_edges():
    from extractor.readers.pdf import edges_above

    # 四、结转下年度继续办理 spans the label columns the part above parted at 124: that edge goes, the white
    # run it leaves without an edge gets one of its own; the value edge 260 is kept
    chars = placed_chars([(62, 10, "四、结转下年度继续办理"), (200, 30, "1.其他"), (310, 30, "3")])
    assert edges_above([60, 124, 260, 535], 60, 535, [(152, 198), (240, 305)], chars) == [60, 175, 260, 535]
    # a white run among the values with no edge above: not the same table
    assert edges_above([60, 124, 260, 535], 60, 535, [(152, 198), (240, 305), (320, 400)], chars) is None


def test_rows_under_a_header_alone_at_the_foot_may_print_labels_in_its_first_column():
    # horizontal rules only: the 第二十条第（六）项 table's caption and header alone at the foot of page 1, its rows
    # (行政处罚 and its numbers) opening page 2: the header's first column is the stub, and the rows continue it
    doc = read_pdf(CORPUS / "pdf" / "reportlab_hrules" / "report_2020_county_bureau.pdf")
    table = next(b for b in doc.blocks if isinstance(b, Table)
                 and any(cell.text == "行政处罚" for row in b.grid for cell in row))
    assert table.page == 1
    assert [cell.text for cell in table.row_cells(0)][1:] == ["上一年项目数量", "本年增/减", "处理决定数量"]
    assert [cell.text for cell in table.row_cells(1)] == ["行政处罚", "159", "+25", "23"]
    assert [cell.text for cell in table.row_cells(2)] == ["行政强制", "8", "-7", "0"]


def test_text_under_a_ruled_rest_opening_the_page_is_not_that_rest():
    # horizontal rules only: the rows of 第二十条第（六）项 open page 2 under their rules, read on the columns of
    # its header at the foot of page 1; the caption under them (第二十条第（八）项) is a line of text, not a row
    # of that table, nor a table of its own
    doc = read_pdf(CORPUS / "pdf" / "reportlab_hrules" / "report_2020_county_bureau.pdf")
    captions = [b for b in doc.blocks if not isinstance(b, Table) and b.text.replace(" ", "") == "第二十条第（八）项"]
    assert [b.page for b in captions] == [2]
    assert not any(cell.text == "第二十条第（八）项" for b in doc.blocks if isinstance(b, Table)
                   for row in b.grid for cell in row)


def test_a_three_line_rest_on_rules_of_its_own_joins_the_table_read_by_alignment_above():
    # three rules: the request table's body, read by the alignment of its text (which ends where its text
    # does), runs on to page 3, where its last rows stand under rules of their own reaching the page's margins;
    # they are read on the columns above and joined to the table
    doc = read_pdf(CORPUS / "pdf" / "reportlab_three_line" / "report_2020_county_bureau.pdf")
    table = next(b for b in doc.blocks if isinstance(b, Table)
                 and any(cell.text == "四、转结下年度继续办理" for row in b.grid for cell in row))
    assert table.page == 2
    assert any(cell.text == "（一）予以公开" for row in table.grid for cell in row)
    assert [cell.text for cell in table.row_cells(table.n_rows - 2)][-1] == "0"  # （七）总计's total


def test_a_header_alone_at_the_foot_of_a_page_names_three_columns_or_more():
    from extractor.readers.alignment import header_at_foot, text_lines

    header = placed_chars([(100, 700, "行政复议"), (300, 700, "行政诉讼"),
                           (60, 712, "维持"), (120, 712, "纠正"), (180, 712, "总计"), (260, 712, "维持"),
                           (320, 712, "纠正"), (380, 712, "总计")])
    table = header_at_foot(text_lines(header), river_runs)
    assert table.label_columns == 0 and len(table.x_lines) == 7  # six columns, all of values
    # prose, or a line of two texts apart, is not a header
    assert header_at_foot(text_lines(placed_chars([(60, 700, "政务公开工作与群众期待仍有差距。下一步，"),
                                                   (60, 712, "将进一步完善制度。")])), river_runs) is None
    assert header_at_foot(text_lines(placed_chars([(60, 700, "某某县司法局"), (300, 700, "联系人：张三"),
                                                   (60, 712, "办公室")])), river_runs) is None


def test_a_page_number_on_a_line_of_table_text_in_the_margin_is_found():
    from extractor.readers.pdf import page_number_chars

    line = placed_chars([(62, 800, "第四项之和）"), (285, 800, "— 2 —"), (400, 800, "3")])
    found = "".join(ch["text"] for ch in line if id(ch) in page_number_chars(line, page_height=842))
    assert found == "— 2 —"  # the bare 3 beside it may be a cell's
    assert not page_number_chars(placed_chars([(285, 400, "— 2 —"), (62, 400, "第四项")]), page_height=842)


@pytest.mark.parametrize("stage, message", [("aligned_tables", "tables without rules not read"),
                                            ("unruled_row_rules", "rows without rules not parted")])
def test_a_failing_stage_for_unruled_tables_keeps_the_ruled_tables(monkeypatch, stage, message):
    def fail(*args):
        raise ValueError("unforeseen layout")

    monkeypatch.setattr(f"extractor.readers.pdf.{stage}", fail)
    report = extract_file(SEED_PDF)
    assert report.status == "partial" and message in report.document["error"]
    assert report.value("proactive.channel.website", "value") == 195


def test_grid_keeps_the_columns_its_table_has_when_the_last_holds_no_cell():
    """A table part read on the next page may hold cells in its first columns only; its grid is as wide as its
    columns, so joining it to the part before keeps every row as long as the others."""
    from extractor.document import build_grid

    grid = build_grid([[("（六）其他处理", 0, 1, 2)]], page=3, n_cols=3)
    assert [[(c.text, c.col, c.colspan) for c in row] for row in grid] == [
        [("（六）其他处理", 0, 2), ("（六）其他处理", 0, 2), ("", 2, 1)]]


@pytest.mark.parametrize("folder", ["reportlab_turned", "reportlab_turned_clockwise"])
def test_landscape_pages_laid_on_upright_paper_are_turned_to_be_read(folder):
    """Pages whose content is turned a quarter (no /Rotate says so) read as the same report drawn upright (the
    landscape page wraps its labels elsewhere)."""
    upright = extract_file(CORPUS / "pdf" / "reportlab" / "report_2020_county_bureau.pdf")
    turned = extract_file(CORPUS / "pdf" / folder / "report_2020_county_bureau.pdf")
    assert turned.status == "ok" and turned.document["n_observations"] == upright.document["n_observations"] > 150
    columns = ["field", "dim", "value", "raw_value"]
    assert turned.observations[columns].equals(upright.observations[columns])
    assert turned.value("proactive.channel.website", "value") == 195


@pytest.mark.parametrize("value, index", [(-3.0, 0), (4.0, 0), (5.0, 0), (6.0, 1), (10.0, 1), (20.0, 2), (25.0, 2)])
def test_index_of_the_nearest_grid_line(value, index):
    assert index_of([0.0, 10.0, 20.0], value) == index  # of two lines as near, the first


@pytest.mark.parametrize("seed, number, redraw, rules", [
    # merged cells drawn apart: 四、结转下年度… at the top of the next page is a row of its own, not the rest of
    # （七）总计 above it
    (33, 4, text_in_first_cell, "all"), (33, 7, text_in_first_cell, "all"),
    # blank rows: the rest after the break drawn as two tables, the second with its group cell down the left
    (33, 13, blank_row_every_fifth, "all"),
    # no rules: the header printed again at the top of the next page is not the rest of the row above it (a
    # number never runs on in words)
    (33, 23, as_drawn, "none"),
    # no rules: the 复议/诉讼 group headers, their widths guessed from their text, read over other columns
    (33, 11, as_drawn, "none"),
    # column rules only: two rows under a group label set on its own baseline (三、本年度办理结果 beside
    # 2.重复申请) are two rows, not one holding both
    (33, 3, as_drawn, "columns"),
    # no rules, merged cells drawn apart with their text in each: the author split the table and printed its
    # header again, its stub text a row gap above the first row; under it, rows of blanks between rows of
    # numbers, and columns no row of that part fills (read on the header's columns)
    (91, 14, text_in_every_cell, "none"),
    # the same, the table split right under （六）其他处理, whose items open the next part
    (91, 6, text_in_every_cell, "none"),
    # no rules, merged cells drawn apart with their text in the first: a label wrapped in a narrow column, its
    # numbers beside its middle line, is one row
    (91, 3, text_in_first_cell, "none"),
    # the same: on the next page, labels stand where the page before had only a blank stretch of the first
    # value column (the columns of its label area printed nothing there); read as a table of its own, not as
    # the rest of that one on its columns
    (91, 4, text_in_first_cell, "none"),
    # horizontal rules only: rows left blank (（三）不予公开, 7.属于行政执法案卷) between rows of numbers are rows
    # of the table, not headings that end it
    (91, 13, as_drawn, "horizontal"),
    # horizontal rules only: the rest of the table opening the next page leaves a column blank throughout; it
    # is read on the columns of the part before (and joined to it), not on its own white
    (33, 13, text_in_every_cell, "horizontal"),
    # no rules: the rest of a table its author split, printing no header and leaving columns blank throughout,
    # is read on the value columns of the part above it (its own label columns kept)
    (33, 13, text_in_every_cell, "none"),
    # the same, its own label columns kept (四、结转下年度继续办理 spans them; its numbers, by the middle of its
    # two lines, overlap the first: it starts a row, not the end of （七）总计 above it)
    (91, 6, text_in_first_cell, "none"),
    # no rules: a header printed again mid-page ends a row gap above a row left blank, (四)无法提供: that row is
    # not the header's stub
    (33, 4, text_in_first_cell, "none"),
    # no rules, a spacer column: the header printed again mid-page names 自然人, which no row of that part
    # fills (nor of its rest on the next page); the column is a value column, not part of the item labels
    (123, 15, spacer_column, "none"),
    # column rules only, the header printed again mid-page: a value column none of whose rows there prints a
    # number (its cell ends in the header's 自然人) is not the label column whose cells part the rows
    (123, 15, text_in_every_cell, "columns"),
    # column rules only: the 复议/诉讼 table's one row of numbers leaves every 行政复议 column blank; its cells
    # under the rest of the header are parted from the header (结果维持 over 2), those left blank hold it alone
    (200, 14, as_drawn, "columns"),
    # column rules only, the 第二十条 tables one under the other, their captions printed in every cell: a value
    # column's cell ends in a caption, not a label; its numbers on several lines part the rows
    (300, 12, text_in_every_cell, "columns"),
    # no rules: the rest of a table its author split opens on a row left blank (1.本机关不掌握相关政府信息), a
    # row gap above its first row of numbers: a row of that table, not a paragraph
    (200, 3, as_drawn, "none"),
    # the same, the group label 三、本年度办理结果 printed in that row's cell beside the item: its own column
    (300, 6, text_in_first_cell, "none"),
    # no rules: the 复议/诉讼 table's header alone at the foot of a page, its one row of numbers opening the next:
    # read on the header's columns and joined to it
    (300, 7, text_in_first_cell, "none"),
    # no rules: on the next page, 三、本年度办理结果 stands beside an item (5.要求行政机关确认或重新出具已获取信息)
    # that starts left of where the items above did: the two are cells of their own, not one
    (300, 6, as_drawn, "none"),
    # no rules: the 复议/诉讼 table's row of numbers leaves every 行政复议 column blank; the table's rows print no
    # label, so every column its header names is a value column (尚未审结 and 总计 are not one)
    (200, 14, as_drawn, "none"),
    # horizontal rules only: the header of the rest of a split table runs into the bottom margin, where the page
    # number stands on its line; the number is not one of the table's (it would close the white between columns)
    (300, 19, text_in_first_cell, "horizontal"),
    # horizontal rules only: the rest of a table opening the next page is read on the columns of the part before,
    # though 四、结转下年度继续办理 spans label columns that part kept apart
    (300, 12, blank_row_every_fifth, "horizontal"),
    # no rules, a spacer column: labels wrapped over four lines in a narrow column, the group label (五)不予处理
    # centred beside them on lines of its own; rows part at the padding of the label column nearest the values
    # (2.重复申请 is a row, not the end of 1.信访举报投诉类申请 with 3.要求… run into it)
    (500, 11, spacer_column, "none"), (500, 12, spacer_column, "three_line"),
    # the same, the group label's lines set level with the items' ((四)无法提供 beside 3.补正后申请内容仍不明确)
    (91, 7, spacer_column, "none"),
    # horizontal rules only, the author's split table printing its header again mid-page: its column names
    # are not cut from it (they print side by side, close); 四、结转下年度继续办理, left blank above the empty
    # ruled band before that header, is the last row of the table above (it had been taken for the header's)
    (33, 4, text_in_first_cell, "horizontal"),
    # horizontal rules only: the rest of a table opening the next page in two rows of numbers and a row left
    # blank (6.–8. under 三、本年度办理结果), then an empty ruled band and the header printed again: read on
    # the columns of the part before, not on its own white (which misses the columns it leaves blank)
    (123, 19, as_drawn, "horizontal"),
    # no rules: the first row of the 第二十条第（一）项 table (规章) is left blank, between the header and the row
    # of numbers (规范性文件): a row of that table, not a line of its header or a paragraph
    (777, 3, as_drawn, "none"), (777, 3, as_drawn, "three_line"),
    # no rules, a spacer column: the request table's part on the first page ends on a row left blank
    # (1.属于国家秘密) beside the first lines of its group label ((三)不予公开), which no row above prints: the
    # group label stands in a column of its own, on that page and on the next
    (777, 3, spacer_column, "none"),
    # no rules: the request table's first part ends on the header and 三、本年度办理结果 beside a row left blank
    (777, 12, text_in_first_cell, "none"),
    # no rules, an empty row every fifth: the rest of the request table on the next page ends on a row left blank
    # (四、结转下年度继续办理) set two row gaps below the last (an empty row between): a row of that table
    (500, 19, blank_row_every_fifth, "none"),
    # no rules, the header printed again mid-table over a first row that leaves 自然人 blank: the names over the
    # columns its first numbers leave blank (自然人, 法人或其他组织, 总计) are header lines, not paragraphs
    (123, 15, text_in_first_cell, "none"),
    # horizontal rules only, or three rules: the request table's rest on the next page is one row left blank
    # (1.本机关不掌握相关政府信息, its group label (四)无法提供 beside it or on a band above), then an empty band
    # and the header printed again: that row is the rest of the table on the page before, read on its columns
    # (in 91/14, 四、结转下年度继续办理 left blank above the next section's heading is the table's last row too)
    (123, 15, as_drawn, "horizontal"), (91, 14, as_drawn, "horizontal"), (123, 15, as_drawn, "three_line"),
    (300, 3, spacer_column, "horizontal"),
    # horizontal rules and a spacer column, the request table's header printed again over its rest: 自然人's edges
    # are read wide enough to take in the label column beside it, which holds no value; the column under it
    # that does is 自然人's alone, and the row labels stay labels
    (2027, 12, spacer_column, "horizontal"),
    # three rules, the last row of the statistics table alone atop the next page ((三)接受培训人员数 | 人次 | 155),
    # read on the column edges of the part above: the white between the label and the unit already holds an
    # edge from above, and the edge parting the labels is not drawn there again
    (91, 2, blank_row_every_fifth, "three_line"),
    # no rules, the request table's rest opening a page on two rows left blank (2.没有现成信息需要另行制作 and
    # 3.补正后申请内容仍不明确), set without padding and read as one: each numbered item is a row of blanks
    (8080, 15, as_drawn, "none"),
])
def test_generated_reports_redrawn(tmp_path, seed, number, redraw, rules):
    # generated reports whose tables run on to the next page, drawn otherwise than the corpus draws them
    got, truth, pages = redrawn_report_cells(tmp_path, seed, number, redraw, rules)
    assert pages >= 2
    assert got == truth


def test_rest_of_a_table_parted_by_its_own_white_over_whole_rows(tmp_path):
    # three-line rules: the rest of a table whose group labels cross the label edges of the part above is parted
    # by its own white, measured over whole rows (a label wrapped under its numbers' line is one cell, not two)
    # The page opens on the table's last row (1.本机关不掌握相关政府信息), under its own rules, then an empty
    # ruled band, then the header printed again: the empty band ends that row's table, and the row is read as
    # the rest of the table on the page before (not as one table with the header, whose names merge columns)
    got, truth, pages = redrawn_report_cells(tmp_path, 200, 13, as_drawn, "three_line")
    assert pages >= 2
    assert got[("requests.result.unable.not_held", "total")] == truth[("requests.result.unable.not_held", "total")]
    assert got == truth


@pytest.mark.parametrize("seed, number, rules", [
    # no rules: column names set at different heights in cells of different heights (商业企业 lower than 自然人,
    # beside a stub wrapped over two lines) are cells of their own, not part of the group header above them
    (33, 3, "none"),
    # no rules: the rest of the table on the next page prints a group label beside its items where the part
    # above printed none: its rows are read on the label columns that part its labels, each row whole
    (33, 19, "none"),
    # no rules: a group label (（六）其他处理) reaching just past the edge of the item column does not join two rows
    (33, 14, "none"),
    # horizontal rules only: a row left blank (3.危及“三安全一稳定”) ends the page under another row left blank
    # beside its group label; rows of labels wrapped over seven lines, taller than rows usually are, are rows
    (91, 13, "horizontal"),
])
def test_generated_reports_in_a_larger_type(tmp_path, seed, number, rules):
    got, truth, pages = redrawn_report_cells(tmp_path, seed, number, as_drawn, rules, shrink=1.3)
    assert pages >= 2
    assert got == truth


def redrawn_report_cells(tmp_path, seed: int, number: int, redraw, rules: str, shrink: float = 1.0,
                         repeat_header: int = 0):
    """(cells read, truth cells, pages) of generated report `number` of `seed`, redrawn, as a PDF with `rules`
    (its tables' type `shrink` times the usual size, the first `repeat_header` rows of a table running on to the
    next page printed again atop it)."""
    from render_pdf import write_pdf

    _, report = next(itertools.islice(generated_reports(seed), number, None))
    path = tmp_path / "r.pdf"
    write_pdf(redrawn(report.spec, redraw), path, rules=rules, shrink=shrink, repeat_header=repeat_header)
    extracted = extract_file(path)
    got = {(o.field, o.dim): (None if o.value != o.value else o.value) for o in extracted.observations.itertuples()}
    return got, {(field, dim): value for field, dim, value in report.truth}, extracted.document["pages"]


@pytest.mark.parametrize("seed, number, redraw, rules, repeat", [
    # the request table's first two header rows printed again atop the next page (Word's repeated header rows):
    # without rules, passed over by the rest of the table, read on the columns of the part above (its own white
    # merges the columns of full-width digits); with horizontal rules only, the names they group (申请人情况)
    # may cross the columns above; with column rules, the rows below them keep the whole header above
    (33, 5, as_drawn, "none", 2), (33, 5, as_drawn, "horizontal", 2), (33, 5, as_drawn, "columns", 2),
    # the first header row alone printed again
    (33, 12, as_drawn, "horizontal", 1), (33, 4, as_drawn, "none", 1),
    # the same, 申请人情况 set over 自然人, which the rows on that page leave blank: the header's line, not a row's
    (123, 19, as_drawn, "horizontal", 1), (33, 3, as_drawn, "horizontal", 1),
    # the header's text printed in every cell it spans: 申请人情况法人或其他组织 over five columns comes close
    # to 其他组织 in each; the repeat names surely only 自然人 and 总计, and the whole header above is kept
    # (its other_org had been read from the 商业企业 column)
    (91, 3, text_in_every_cell, "none", 2),
    # horizontal rules and a spacer column: the repeat's 法人或 | 其他组织, cut at a column's edge, is the name
    # of the group, not 其他组织 (other_org had been read from the research column of the rows below it); and
    # the rest of the table under a repeat of its own, narrower by the spacer, keeps the columns above
    (91, 5, spacer_column, "horizontal", 2), (91, 12, spacer_column, "horizontal", 2),
    # column rules only, the 复议/诉讼 table's header alone at the foot of a page (its three rows read as one) and
    # its first row printed again over the values on the next: only the first lines of the header's cells, not
    # the rest of a row the break cut
    (91, 13, text_in_first_cell, "columns", 1),
    # three rules, the same: a rule under the repeated row, so the rest is three ruled bands, the header's other
    # two rows in one; the rivers between the columns must keep clear of its line naming most columns, not of
    # 未经复议直接起诉 across five
    (91, 19, as_drawn, "three_line", 1),
    # three rules, the request table's first header row printed again over a rest its author ended after one row
    # (1.本机关不掌握相关政府信息) and went on with under rules of its own: that row is read on the columns above,
    # though the table above, read by the alignment of its text, ends short of the rules' ends
    (33, 13, as_drawn, "three_line", 1),
    # three rules, the 复议/诉讼 table's header alone at the foot of a page, read as one row, and its first line
    # (行政复议 | 行政诉讼) printed again over the values on the next, a table of its own: that line is no row of
    # blanks under 行政复议 (its blanks had been kept over the values below)
    (91, 13, text_in_first_cell, "three_line", 1),
    # horizontal rules and a spacer column, the 第二十条 tables one table whose first row, the title 第二十条第（一）项,
    # is printed again atop the page over the rest of 第二十条第（五）项's rows: a title printed before, not the
    # rest of 行政许可's row cut by the break
    (33, 11, spacer_column, "horizontal", 1),
    # no rules, the 复议/诉讼 table's header alone at the foot of a page, its first line printed again on the next
    # (行政复 | 行政诉, then 议 | 讼, one character a piece): lines of the header's pieces, passed over to the
    # row of numbers, which is read on the header's columns
    (91, 13, text_in_first_cell, "none", 1),
])
def test_generated_reports_with_header_rows_repeated(tmp_path, seed, number, redraw, rules, repeat):
    got, truth, pages = redrawn_report_cells(tmp_path, seed, number, redraw, rules, repeat_header=repeat)
    assert pages >= 2
    assert got == truth


def test_a_table_after_one_read_turned_is_not_read_under_the_upright_reading_header(tmp_path):
    # horizontal rules only, every table turned: the request table, read turned, runs on as a second table
    # without a header (applicants down). Read under the header the upright reading of the first found, its
    # rows 其他 and 总计 were taken for the fields of those names (requests.result.other.other total 5, the
    # truth 1); a headerless table after one whose upright reading explains too little of it is left unread
    # instead, whichever reading of that one is kept
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 5, turned, "horizontal")
    assert truth[("requests.result.other.other", "total")] == 1
    assert ("requests.result.other.other", "total") not in got
    assert ("requests.result.total", "total") not in got
    assert {key: value for key, value in got.items() if truth.get(key, "absent") != value} == {}


def test_rows_opening_a_rest_that_print_the_first_rows_above_in_other_cells_are_rows(tmp_path):
    # column rules only, every table turned: the 复议/诉讼 table's rest on the next page opens on 复议后起诉's
    # 结果维持 2 and 结果纠正 0, the texts of the first two rows above (行政复议's), where 结果维持 spans the
    # column no subgroup fills. Printed in other cells, they are rows of the table, not its header repeated
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 3, turned, "columns")
    assert got[("review_litigation.litigation_after_review", "upheld")] == 2
    assert got == truth


def test_a_turned_table_read_upright_in_part_is_read_turned(tmp_path):
    # no rules, every table turned: read upright, the request table maps two numbers (its applicant rows 其他
    # and 总计 taken for the fields of those names, under 其他组织) of the 91 it prints, the 复议/诉讼 table 3 of
    # 15; read turned, every number. The reading that maps more numbers is kept
    got, truth, _ = redrawn_report_cells(tmp_path, 33, 5, turned, "none")
    assert got[("requests.result.total", "other_org")] == truth[("requests.result.total", "other_org")] == 6
    assert got == truth


@pytest.mark.parametrize("rules", ["none", "horizontal"])
def test_value_lines_overlapping_down_the_page_are_one_row(tmp_path, rules):
    # every table turned, without column rules: in the request table's narrow columns a "——" wraps over two
    # lines and each applicant's numbers, centred in their cells, stand between them. The three lines overlap:
    # read as three rows, 商业企业's numbers lost their label and its dashes were read for them (24 new
    # requests read blank, 28 such cells wrong)
    got, truth, _ = redrawn_report_cells(tmp_path, 33, 15, turned, rules)
    assert got[("requests.received_new", "commercial")] == truth[("requests.received_new", "commercial")] == 24
    assert got[("requests.result.total", "public_interest")] == truth[("requests.result.total", "public_interest")]
    assert {key: value for key, value in got.items() if truth.get(key, "absent") != value} == {}
    assert len(got) >= len(truth) - 7


def test_a_label_wrapped_over_four_lines_keeps_its_numbers(tmp_path):
    # no rules, tables in 10.5 pt, merged cells drawn apart with the text in the first: 一、本年新收到政府信息公开
    # 申请数量 wraps over four lines in the narrow first column, its numbers set by its middle, below its second
    # line. Its first two lines were read as a row of blanks, the numbers as a row of an unknown label (22 and
    # 14 other cells read blank)
    got, truth, _ = redrawn_report_cells(tmp_path, 33, 3, text_in_first_cell, "none", shrink=10.5 / 8)
    assert got[("requests.received_new", "natural_person")] == truth[("requests.received_new", "natural_person")] == 22
    assert got == truth


def test_a_cell_group_holding_two_lines_of_values_is_two_rows(tmp_path):
    # column rules only, a spacer column, tables in 10.5 pt: 4.保护第三方合法权益 and 5.属于三类内部事务信息 wrap a
    # character pair a line, each row's numbers by its middle, and the row under one starts as close under it
    # as its own lines are set. Read as one row, the numbers of both were one cell each (０ over ３) and the
    # second row's were read blank
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 5, spacer_column, "columns", shrink=10.5 / 8)
    assert got[("requests.result.withheld.third_party_rights", "commercial")] == \
        truth[("requests.result.withheld.third_party_rights", "commercial")] == 3
    assert got[("requests.result.withheld.internal_affairs", "total")] == 0
    assert got == truth


@pytest.mark.parametrize("number, key, value", [
    (0, ("review_legacy.total", "value"), None), (11, ("capacity.staff.full_time", "value"), 4)])
def test_the_rest_of_a_table_runs_on_past_a_blank_row_and_a_label_over_its_values(tmp_path, number, key, value):
    # no rules, tables in 10.5 pt, a blank row after every fifth: the 2016 table's rest on the next page, its
    # labels centred (one longer than any the page before, 1.专职人员数（不包括…）, over the line of its values)
    # runs on past a blank row. The rest had ended at the blank row (the rows after it read as a table without
    # the group labels above), and the long label had been taken for a row left blank, its 4 lost
    got, truth, _ = redrawn_report_cells(tmp_path, 33, number, blank_row_every_fifth, "none", shrink=10.5 / 8)
    assert key in got and got[key] == truth[key] == value
    assert got == truth


def test_a_column_name_wrapped_over_two_header_rows_names_its_column(tmp_path):
    # no rules, tables in 12 pt: 自然人 and 法律服务机构 wrap (自然 over 人), their first lines in a header row
    # whose words match no column name, read as rows under the header of the table before. The header found
    # under them had named neither column, and 55 cells of the request table were missed
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 6, as_drawn, "none", shrink=12 / 8)
    assert got[("requests.result.disclosed", "natural_person")] == truth[("requests.result.disclosed", "natural_person")] == 7
    assert ("requests.result.disclosed", "legal_services") in got
    assert got == truth


def test_a_group_row_alone_at_the_foot_of_a_page_joins_the_header_under_it():
    # the 复议/诉讼 table turned on its page, full rules: its group row (行政复议 | 行政诉讼) alone at the foot of
    # page 3, the rest of its header and its numbers atop page 4, whose first columns print no number. The
    # group row has no line where the numbers start, and an interim version refused to join it on that account
    report = extract_file(CORPUS / "pdf" / "reportlab_turned" / "report_2020_county_bureau.pdf")
    direct = report.observations.query("field == 'review_litigation.litigation_direct' and dim == 'upheld'")
    assert direct["raw_label"].tolist() == ["行政诉讼 / 未经复议直接起诉 / 结果维持"]


def test_a_mark_wrapped_over_two_lines_is_one_value():
    # LibreOffice's PDFs wrap —— in the 复议/诉讼 table's narrow columns, a dash a line: one cell, not two rows
    from extractor.readers.pdf import values_on_lines

    assert values_on_lines("—\n—") == 0 and values_on_lines("14\n——") == 2 and values_on_lines("14") == 1
    report = extract_file(CORPUS / "pdf" / "libreoffice" / "report_00_2023.pdf")
    upheld = report.observations.query("field == 'review_litigation.review' and dim == 'upheld'")
    assert upheld["raw_value"].tolist() == ["—\n—"] and upheld["row"].tolist() == [3]


def test_a_group_name_across_columns_does_not_narrow_the_white_between_them(tmp_path):
    # three rules, tables in 10.5 pt, a spacer column: the request table split by its author, its second header
    # read between rules. 申请人情况, centred over seven columns, starts and ends inside the white between two of
    # them; taken for a name reaching into that white, it moved their edges, and 10 values went under other
    # columns. A name across a river spans columns: it narrows none
    got, truth, _ = redrawn_report_cells(tmp_path, 33, 4, spacer_column, "three_line", shrink=10.5 / 8)
    assert got[("requests.result.not_processed.petition", "commercial")] is None
    assert {key: value for key, value in got.items() if truth.get(key, "absent") != value} == {}


def test_a_numbered_item_opening_the_next_page_is_a_row_though_a_group_label_runs_on_beside_it(tmp_path):
    # full rules, tables in 10.5 pt: page 1 ends on 1.属于国家秘密 (3 by 自然人), its group label （三）不予 cut
    # by the break; page 2 opens on 公开 beside 2.其他法律行政法规禁止公开, which prints no number. Taken for
    # the rest of the row above, the item's label joined 1.属于国家秘密's, and its 3s were read as 2.'s
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 13, blank_row_every_fifth, "all", shrink=10.5 / 8)
    assert got[("requests.result.withheld.state_secret", "natural_person")] == 3
    assert got[("requests.result.withheld.prohibited_by_law", "natural_person")] is None
    assert got == truth


@pytest.mark.parametrize("seed, number, redraw, budget", [(33, 1, text_in_first_cell, 16.8), (91, 19, spacer_column, 13.5)])
def test_a_wider_value_in_the_last_column_keeps_the_rest_of_a_table(tmp_path, seed, number, redraw, budget):
    # no rules, tables in 10.5 pt: the 2016 table's rest on the next page prints 16.8 (万元), wider than any value
    # the part before printed in its last column (0, 1, 4). Past the table's right edge, it had ended the rest
    # after the label line above it, and the budget was read blank. So had its unit (万元) in a column the part
    # before read as a value column (a spacer column before it)
    got, truth, _ = redrawn_report_cells(tmp_path, seed, number, redraw, "none", shrink=10.5 / 8)
    assert got[("capacity.budget", "value")] == truth[("capacity.budget", "value")] == budget
    assert got == truth


@pytest.mark.parametrize("seed, number, redraw, rules, size, bottom", [
    # No rules, 12 pt, a spacer column: the request table's header alone at the foot of page 2, its lowest names
    # (企业 机构 | 组织 机构) under the rest, was read as a table printing no value, those names its labels: its
    # columns ran 自然人 and 商业企业 together, and the rows on page 3 lost the request table (161 cells).
    (33, 11, spacer_column, "none", 12, None),
    # No rules, 12 pt: page 1 ends on (二)部分公开… (no number), 三、本年度 beside it set higher, by the middle of
    # the rows it spans; the gap measured from that line's top was under a row's, and the row was left out.
    (33, 13, as_drawn, "none", 12, None),
    # No rules, 12 pt, a merged cell's text in each cell it spans: 法人或其他组织 over 其他 in one header cell was
    # read as the group's name alone, and the 其他组织 column was dropped (23 cells).
    (33, 12, text_in_every_cell, "none", 12, None),
    # Three rules, 12 pt, merged cells' text in the first only: the request table split by its author, its second
    # header over (四)无法提供 (no number) and 1.本机关不掌握…, whose first line is set over its numbers. Only that
    # line was taken above the first row; the row left blank above it cut the header off (72 missed, 2 wrong).
    (33, 4, text_in_first_cell, "three_line", 12, None),
    # No rules, 12 pt: the request table's header cut by the break, 申请人情况 over 自然人, 法人或其他组织 and 总计
    # at the foot of page 1, the names under the group atop page 2. The part above had its edges somewhere in
    # the white between its names, 总计 wider than the numbers under it, and a section heading over it (13):
    # it was not joined, and 自然人 and 总计 were missed in every row.
    (33, 6, text_in_first_cell, "none", 12, None), (33, 13, text_in_first_cell, "none", 12, None),
    (33, 14, text_in_first_cell, "none", 12, None),
    # No rules or three, 10.5 pt: page 1 ends on the request table's first row, its label alone in the label
    # area, the edge between labels and values halfway across the white before 自然人. The rest prints items
    # (1.属于国家秘密) in a third label column reaching past that edge: it was cut there and read anew on coarser
    # columns of its own (147 cells).
    (91, 13, text_in_first_cell, "none", 10.5, None), (91, 13, text_in_first_cell, "three_line", 10.5, None),
    # No rules, 12 pt: (二)部分公开（区分处理的，只计这一情形，不计其他情形） spans the item column too, over six
    # lines, its numbers by its middle. Parted from the row above halfway between the rows of numbers, its first
    # line went to (一)予以公开, and its own label no longer named it.
    (33, 3, text_in_first_cell, "none", 12, None),
    # No rules, 12 pt: the fees table's 本年收费金额（单位：万元） wraps, 位：万元） wider than 239.84 under it;
    # the request table's second part leaves 自然人 blank, and 织 of 法人或其他组织 starts a little left of the
    # 商业企业 numbers. Each was cut from its header (the fee and 77 request cells).
    (91, 14, text_in_first_cell, "none", 12, None),
    # No rules, 10.5 pt, a wider bottom margin: page 1 ends on (二)部分公开… (3, 3), 1.属于国家秘密 left blank and
    # 2.其他法律… (1, 1). (二)'s last line spans the group label and item columns and hid the edge between them:
    # 1.属于国家秘密 joined (二)'s row and took its numbers (2 wrong).
    (123, 15, as_drawn, "none", 10.5, 90.0),
    # Three rules, 9 pt, a narrower bottom margin: the request table's rest opens page 3 between two rules,
    # (七)总计 and its numbers, then 四、结转下年度继续办理 left blank: read from the rules as one row.
    (2027, 4, text_in_first_cell, "three_line", 9, 50.0),
    # Column rules only, 12 pt: the rest opens page 4 in one ruled row, (七)总计's numbers on one line and
    # 四、结转下年度继续办理's —— on the next; the marks were not counted as values, and the row was read as one.
    (91, 7, text_in_first_cell, "columns", 12, None),
    # Horizontal rules only, 12 pt like the text: 四、政府信息公开行政复议、行政诉讼情况 between the two tables'
    # rules was taken for a row left blank, and the two tables were read as one (6 wrong); set right over the
    # 复议/诉讼 table's first rule, its white all above it, the same (98 missed).
    (33, 4, text_in_first_cell, "horizontal", 12, None), (777, 3, text_in_first_cell, "horizontal", 12, None),
    # Horizontal rules only: the request table's part on one page prints labels in two columns, the rest on the
    # next in three, reaching further; the edge between labels and values, found in the white, lies further
    # right there, and the parts were not joined.
    (2027, 4, text_in_first_cell, "horizontal", 9, 50.0), (300, 12, text_in_first_cell, "horizontal", 11, None),
    # 12 pt: the request table's last row on page 2 runs into the bottom margin, its cells reaching round the
    # page number "— 2 —", read into them (1 as "1 — 2").
    (777, 7, text_in_first_cell, "all", 12, None), (777, 7, text_in_first_cell, "columns", 12, None),
    (777, 7, text_in_first_cell, "horizontal", 12, None),
    # Horizontal rules only, 12 pt: the header cut by the break, its part above read by alignment (too few
    # rules) and ending where 总计 does, 12 pt short of the rules round the rows below: not joined (55 cells).
    (91, 5, text_in_first_cell, "horizontal", 12, None),
    # Horizontal rules only, 10.5 pt: 自然人 wider than the numbers under it, where the edge found in the white
    # between the numbers cuts the name (19, the header alone above); 自然 over 人 under 申请人情况, the edge
    # cutting 申请人 and putting 人 in the next column (5, 11).
    (33, 19, text_in_first_cell, "horizontal", 10.5, None), (33, 5, text_in_first_cell, "horizontal", 10.5, None),
    (33, 11, text_in_first_cell, "horizontal", 10.5, None),
    # Horizontal rules only: the header alone at the foot of a page, its columns found in the white of its row
    # naming the most columns (商业企业 … 其他; 自然人 and 总计 in the row above), its first column running from
    # the labels over 自然人 to 商业企业. Joined, 商业企业 named the 自然人 column (7 and 15 wrong); not joined,
    # the rows under no header lost their first rows (123/19). It is parted by its names of one column each.
    (91, 7, text_in_first_cell, "horizontal", 10.5, None), (91, 15, text_in_first_cell, "horizontal", 12, None),
    (123, 19, text_in_first_cell, "horizontal", 10.5, None),
    # Column rules only, 12 pt, the 第二十条 titles printed in every cell: a ruled row whose first lines print a
    # unit and no value (项, the rest of a title) before its header and first row; the header is looked for above
    # the first line of values (the first line holding a unit alone had raised, and no row was parted).
    (33, 3, text_in_every_cell, "columns", 12, None),
])
def test_generated_reports_in_other_type_sizes(tmp_path, monkeypatch, seed, number, redraw, rules, size, bottom):
    # generated reports drawn with their tables in another type size (and, some, another bottom margin), read
    # cell for cell as their truth; each case a layout an earlier version misread or missed
    import render_pdf

    if bottom is not None:
        monkeypatch.setattr(render_pdf, "MARGIN_BOTTOM", bottom)
    got, truth, _ = redrawn_report_cells(tmp_path, seed, number, redraw, rules, shrink=size / 8)
    assert got == truth


def test_a_number_wrapped_in_a_narrow_column_without_rules_is_one_number(tmp_path):
    # horizontal rules only, every table turned: 14 and 16, in full-width digits, wrap a digit a line in the
    # request table's narrow columns, the row's other numbers on one line centred beside them
    got, truth, _ = redrawn_report_cells(tmp_path, 91, 5, turned, "horizontal")
    assert got[("requests.received_new", "natural_person")] == truth[("requests.received_new", "natural_person")] == 14
    assert got[("requests.received_new", "commercial")] == truth[("requests.received_new", "commercial")] == 16
    assert {key: value for key, value in got.items() if truth.get(key, "absent") != value} == {}


def test_a_header_alone_is_not_read_turned(tmp_path):
    # horizontal rules only, merged cells drawn apart: the 复议/诉讼 table's header alone at the foot of page 2,
    # its row of numbers opening page 3. Read turned, the header would give blank values for the outcomes,
    # and the row of numbers would lose the header it goes on under
    got, truth, _ = redrawn_report_cells(tmp_path, 300, 4, text_in_every_cell, "horizontal")
    assert got[("review_litigation.litigation_direct", "total")] == truth[("review_litigation.litigation_direct", "total")] == 3
    assert {key: value for key, value in got.items() if key[0].startswith("review_litigation.")} == \
        {key: value for key, value in truth.items() if key[0].startswith("review_litigation.")}


def band(top: float, *texts: tuple[float, str]) -> Band:
    """The characters between two rules: each text printed from its x, 8 pt a character, on one line."""
    return Band([{"text": ch, "x0": x + 8 * i, "x1": x + 8 * (i + 1), "top": top, "bottom": top + 8, "height": 8,
                  "width": 8, "size": 8} for x, text in texts for i, ch in enumerate(text)])


@pytest.mark.parametrize("below, blank", [
    ([(60, "2.重复申请"), (300, "3"), (500, "3")], True),  # between two rows of numbers: a row left blank
    ([(60, "信息内容"), (300, "本年新制作数量"), (420, "对外公开总数量")], False),  # over header cells: a caption
    ([(60, "三、本年度办理结果"), (200, "3.危及安全稳定")], True),  # a blank row beside its group label
])
def test_one_run_of_text_between_rules_is_a_blank_row_or_a_caption(below, blank):
    bands = [band(100, (60, "1.属于国家秘密"), (300, "2"), (500, "2")), band(120, (60, "（三）不予公开")),
             band(140, *below), band(160, (60, "规章"), (300, "0"), (500, "0"))]
    assert is_blank_row(bands, 1) is blank


HEADER_AGAIN = [band(200, (60, "申请人情况")), band(220, (60, "（本列数据的勾稽关系）"), (300, "自然人"), (480, "总计"))]


@pytest.mark.parametrize("opening, rows", [
    ([band(100, (130, "1.本机关不掌握相关政府信息"))], 1),  # a row left blank
    ([band(100, (60, "（四）无法提供")), band(120, (130, "1.本机关不掌握相关政府信息"))], 2),  # its group label above
    ([band(100, (60, "（四）无法提供"), (130, "1.本机关不掌握"))], 1),  # beside it
    ([band(100, (60, "本机关不掌握相关政府信息"))], 0),  # no numbered item: a caption, not a row
    ([band(100, (200, "1.本机关不掌握相关政府信息公开申请"))], 0),  # reaching over the values: not a row's label
])
def test_rows_left_blank_opening_a_page_before_the_header_printed_again(opening, rows):
    assert rest_left_blank([*opening, Band([], 20.0), *HEADER_AGAIN]) == rows


def test_rows_left_blank_need_an_empty_band_before_the_header():
    # without the white between them, the row is the first row of the header's table (its stub's first line)
    assert rest_left_blank([band(100, (130, "1.本机关不掌握相关政府信息")), *HEADER_AGAIN]) == 0
