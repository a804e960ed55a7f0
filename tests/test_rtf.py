"""RTF read directly (extractor/readers/rtf.py): as Word and WPS write it (GBK bytes) and as LibreOffice does."""
import shutil
import subprocess

import pandas as pd
import pytest

from conftest import SEED_DOCX
from extractor import extract_file
from extractor.readers.rtf import read_rtf

CELL = ["field", "dim", "value", "raw_label", "raw_value", "table", "row", "col"]


def gbk(text: str) -> str:
    """Chinese as Word writes it in RTF: each GBK byte as \\'hh."""
    return "".join(f"\\'{byte:02x}" for byte in text.encode("gbk"))


def uni(text: str) -> str:
    """Chinese as \\uN, each with a '?' stand-in for readers without Unicode (\\uc1)."""
    return "".join(f"\\u{ord(ch)}?" for ch in text)


def row(*cells: tuple[str, str]) -> str:
    """A row: its definition (each cell's merge words and right edge), then its cells' text."""
    definition = "".join(f"{merge}\\cellx{2000 * (i + 1)}" for i, (merge, _) in enumerate(cells))
    return f"\\trowd\\trleft0{definition}\n\\pard\\intbl " + "".join(f"{text}\\cell " for _, text in cells) + "\\row\n"


WORD_STYLE = (
    "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 " + gbk("宋体") + ";}"
    "{\\f1\\fswiss\\fcharset0 Arial;}}\n"
    "{\\header\\pard " + gbk("页眉不是正文") + "\\par}\n"
    "\\pard\\f0 " + gbk("某县审计局2020年政府信息公开工作年度报告") + "\\par\n"
    "\\pard " + gbk("二、主动公开政府信息情况") + "\\par\n"
    + row(("\\clmgf", gbk("第二十条第（一）项")), ("\\clmrg", ""), ("\\clmrg", ""), ("\\clmrg", ""))
    + row(("", gbk("信息内容")), ("", uni("本年新制作数量")), ("", gbk("本年新") + "\\par " + gbk("公开数量")),
          ("", gbk("对外公开总数量")))
    # 3 with a hidden 9; 2 after a 7 deleted with changes tracked; 5 as a field's result
    + row(("\\clvmgf", gbk("规章")), ("", "3{\\v 9}"), ("", "{\\deleted 7}2"),
          ("", "{\\field{\\*\\fldinst { = 2+3 }}{\\fldrslt 5}}"))
    + row(("\\clvmrg", ""), ("", "1"), ("", "1"), ("", "1"))
    + row(("", gbk("规范性文件")), ("", "8"), ("", "\\'a1\\'aa\\'a1\\'aa"), ("", "12"))
    + "\\pard " + gbk("三、收到和处理政府信息公开申请情况") + "\\par\n}"
)


@pytest.fixture
def word_style_rtf(tmp_path):
    path = tmp_path / "report.doc"  # sites serve RTF under a .doc name: it is read as what it is
    path.write_bytes(WORD_STYLE.encode("ascii"))
    return path


def test_a_word_style_rtf_reads_its_table_with_merges(word_style_rtf):
    document = read_rtf(word_style_rtf)
    assert [p.text for p in document.paragraphs] == ["某县审计局2020年政府信息公开工作年度报告", "二、主动公开政府信息情况",
                                                     "三、收到和处理政府信息公开申请情况"]
    table, = document.tables
    assert [[cell.text for cell in line] for line in table.grid] == [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年新制作数量", "本年新\n公开数量", "对外公开总数量"],
        ["规章", "3", "2", "5"],
        ["规章", "1", "1", "1"],
        ["规范性文件", "8", "——", "12"],
    ]
    assert table.grid[0][0] is table.grid[0][3] and table.grid[2][0] is table.grid[3][0]
    assert table.grid[0][0].colspan == 4 and table.grid[2][0].rowspan == 2


def test_a_word_style_rtf_gives_its_numbers(word_style_rtf):
    report = extract_file(word_style_rtf)
    assert (report.status, report.document["format"], report.document["year"]) == ("ok", "rtf", 2020)
    assert report.value("proactive.rules", "new_made") == 3
    assert report.value("proactive.rules", "new_published") == 2
    assert report.value("proactive.rules", "total_published") == 5
    assert report.value("proactive.normative_docs", "total_published") == 12
    assert report.value("proactive.normative_docs", "new_published") is None


def test_a_libreoffice_rtf_gives_the_cells_of_its_docx(tmp_path, seed_report):
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is needed to make the RTF")
    subprocess.run([program, "--headless", "--convert-to", "rtf", "--outdir", str(tmp_path), str(SEED_DOCX)],
                   capture_output=True, timeout=120, check=True)
    report = extract_file(tmp_path / "report_2020_county_bureau.rtf")
    assert (report.status, report.document["format"]) == ("ok", "rtf")
    pd.testing.assert_frame_equal(report.observations[CELL], seed_report.observations[CELL])
    for key in ("agency", "year", "template", "n_tables", "sections"):
        assert report.document[key] == seed_report.document[key], key


def test_characters_beyond_the_basic_plane_and_out_of_range_units(tmp_path):
    """𠀀 (U+20000, in names of places) comes as a surrogate pair; a damaged \\u number is one UTF-16 unit."""
    path = tmp_path / "names.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\uc1 \\u-10176?\\u-9216?\\u21439?\\par \\u99999999?\\u-10176?\\par}")
    first, second = (p.text for p in read_rtf(path).paragraphs)
    assert first == "\U00020000县"
    assert second == chr(99999999 & 0xFFFF) + "\ufffd"


def test_a_file_that_only_looks_like_rtf_is_not_read_as_one(tmp_path):
    from extractor.readers import ReadError

    path = tmp_path / "x.rtf"
    path.write_text("not rtf", encoding="ascii")
    with pytest.raises(ReadError, match="not an RTF file"):
        read_rtf(path)
