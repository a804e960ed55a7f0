"""Agency and year from the title, the file name or the prose; never guessed."""
from pathlib import Path

import pytest

from extractor.document import Document, Paragraph
from extractor.metadata import find_metadata


def doc(*lines):
    return Document(Path("x.docx"), "docx", [Paragraph(line) for line in lines])


@pytest.mark.parametrize("lines, agency, year", [
    (["宁海县交通运输局2021年政府信息公开工作年度报告", "一、总体情况"], "宁海县交通运输局", 2021),
    (["洪泽区人民政府", "2023 年政府信息公开工作年度报告", "本报告由淮安市洪泽区人民政府办公室…"], "洪泽区人民政府", 2023),
    (["象山县教育局关于2020年度政府信息公开工作年度报告"], "象山县教育局", 2020),
    (["政府信息公开工作年度报告", "一、总体情况", "2020年我局严格按照…2020年…2019年"], None, 2020),
    (["二〇二二年政府信息公开工作年度报告"], None, 2022),
    (["慈溪市卫生健康局2018年政府信息公开工作年度报告"], "慈溪市卫生健康局", 2018),
])
def test_title_forms(lines, agency, year):
    assert find_metadata(doc(*lines), "report.docx") == (agency, year)


def test_file_name_when_title_is_silent():
    assert find_metadata(doc("政府信息公开工作年度报告"), "北仑区民政局2019年政府信息公开工作年度报告.docx") == ("北仑区民政局", 2019)
    assert find_metadata(doc("政府信息公开工作年度报告"), "report_2020_county_bureau.docx") == (None, 2020)


def test_nothing_known_stays_null():
    assert find_metadata(doc("关于印发某某办法的通知"), "scan.docx") == (None, None)
