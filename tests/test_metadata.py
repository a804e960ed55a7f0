"""Agency and year from the title, the file name or the prose; never guessed."""
from pathlib import Path

import pytest

from extractor.document import Document, Paragraph
from extractor.metadata import find_metadata
from extractor.pipeline import extract_file


def doc(*lines):
    return Document(Path("x.docx"), "docx", [Paragraph(line) for line in lines])


@pytest.mark.parametrize("lines, agency, year", [
    (["宁海县交通运输局2021年政府信息公开工作年度报告", "一、总体情况"], "宁海县交通运输局", 2021),
    (["洪泽区人民政府", "2023 年政府信息公开工作年度报告", "本报告由淮安市洪泽区人民政府办公室…"], "洪泽区人民政府", 2023),
    (["象山县教育局关于2020年度政府信息公开工作年度报告"], "象山县教育局", 2020),
    (["政府信息公开工作年度报告", "一、总体情况", "2020年我局严格按照…2020年…2019年"], None, 2020),
    (["二〇二二年政府信息公开工作年度报告"], None, 2022),
    (["慈溪市卫生健康局2018年政府信息公开工作年度报告"], "慈溪市卫生健康局", 2018),
    # a notice issuing the report: the body the report is of, after 关于印发; else the issuer
    (["宁海县人民政府办公室文件", "宁政办发〔2022〕5号", "宁海县人民政府办公室关于印发宁海县2021年政府信息公开工作年度报告的通知"],
     "宁海县", 2021),
    (["宁海县人民政府办公室关于印发2021年政府信息公开工作年度报告的通知"], "宁海县人民政府办公室", 2021),
    (["2021年度国家统计局政府信息公开工作年度报告"], "国家统计局", 2021),
    (["2021年度本机关政府信息公开工作年度报告"], None, 2021),  # not a body's name
    # a year in Chinese numerals whose zeros were typed as a digit or a circle
    (["宁海县交通运输局二0二二年政府信息公开工作年度报告"], "宁海县交通运输局", 2022),
    (["宁海县交通运输局二○二一年度政府信息公开工作年度报告"], "宁海县交通运输局", 2021),
    # 年报 for 年度报告
    (["宁海县交通运输局2022年政府信息公开年报"], "宁海县交通运输局", 2022),
    (["宁海县交通运输局政府信息公开年报（2022年）"], "宁海县交通运输局", 2022),
    (["中共宁波市委宣传部（宁波市新闻出版局）2022年政府信息公开工作年度报告"], "中共宁波市委宣传部（宁波市新闻出版局）", 2022),
    # menu items above a title are not the body's name
    (["首页", "政务公开", "2022年政府信息公开工作年度报告"], None, 2022),
])
def test_title_forms(lines, agency, year):
    assert find_metadata(doc(*lines), "report.docx") == (agency, year)


def test_file_name_when_title_is_silent():
    assert find_metadata(doc("政府信息公开工作年度报告"), "北仑区民政局2019年政府信息公开工作年度报告.docx") == ("北仑区民政局", 2019)
    assert find_metadata(doc("政府信息公开工作年度报告"), "report_2020_county_bureau.docx") == (None, 2020)


def test_nothing_known_stays_null():
    assert find_metadata(doc("关于印发某某办法的通知"), "scan.docx") == (None, None)


@pytest.mark.parametrize("title, agency, year", [
    ("鄞州区教育局2022年政府信息公开工作年度报告_宁波市鄞州区人民政府", "鄞州区教育局", 2022),
    ("宁波市人民政府 - 鄞州区教育局2022年政府信息公开工作年度报告", "鄞州区教育局", 2022),
    # the site's name is never taken for the body that reports
    ("宁波市人民政府 | 2022年政府信息公开工作年度报告", None, 2022),
    ("关于公布宁海县2021年度政府信息公开工作年度报告的通知", "宁海县", 2021),
    ("新闻中心_宁波市人民政府", None, None),
])
def test_declared_title(title, agency, year):
    document = doc("首页", "政务公开", "年度报告")
    document.declared_title = title
    assert find_metadata(document, "art_1229_5873.html") == (agency, year)


def test_web_page_title_when_menus_push_the_text_title_down(tmp_path):
    """A page saved whole opens with its site's menus: the report's own title comes too late to be read as
    one, and the page's <title> names the body and year."""
    menus = "".join(f"<li><a href='#'>栏目{i}</a></li>" for i in range(20))
    page = tmp_path / "art_1229_5873.html"
    page.write_text(
        "<html><head><title>慈溪市卫生健康局2018年政府信息公开工作年度报告_慈溪市人民政府门户网站</title></head>"
        f"<body><ul>{menus}</ul><div class='title'>慈溪市卫生健康局2018年政府信息公开工作年度报告</div>"
        "<p>一、总体情况</p><p>本年度我局持续推进政务公开。</p></body></html>", encoding="utf-8")
    report = extract_file(page)
    assert (report.document["agency"], report.document["year"]) == ("慈溪市卫生健康局", 2018)


@pytest.mark.parametrize("preamble, agency", [
    ("本报告由宁海县交通运输局根据《中华人民共和国政府信息公开条例》要求编制。", "宁海县交通运输局"),
    ("本年度报告根据《条例》要求，由宁海县人民政府办公室编制。", "宁海县人民政府办公室"),
    ("为贯彻落实《条例》，宁海县交通运输局根据《条例》规定，编制本年度报告。", "宁海县交通运输局"),
    # a body that only names itself is not named
    ("本报告由我局编制。", None),
    ("本报告由本机关根据《条例》编制。", None),
])
def test_agency_from_the_preamble_when_title_and_file_name_are_silent(preamble, agency):
    assert find_metadata(doc("2022年政府信息公开工作年度报告", preamble), "附件1.docx") == (agency, 2022)


def test_title_beats_the_preamble():
    document = doc("洪泽区人民政府", "2023年政府信息公开工作年度报告", "本报告由淮安市洪泽区人民政府办公室编制。")
    assert find_metadata(document, "report.pdf") == ("洪泽区人民政府", 2023)
