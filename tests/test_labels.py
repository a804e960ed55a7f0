"""Label normalisation and matching on the variants real reports print."""
import pytest

from extractor.mapping import HIGH_CONFIDENCE, LOW_CONFIDENCE, match_row, numbered_items, rank_fields
from extractor.mappings import load_mappings
from extractor.normalize import parse_label

MAPPINGS = load_mappings()
REQUESTS = [f for f in MAPPINGS.fields.values() if "natural_person" in f.dims]
LEGACY = [f for f in MAPPINGS.fields.values() if "value" in f.dims]


@pytest.mark.parametrize("raw, text, ordinal", [
    ("\u3000\u3000（一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）", "主动公开政府信息数", 1),
    ("三、本年度办理结果", "本年度办理结果", 3),
    ("1.属于国家秘密", "属于国家秘密", 1),
    ("1、属于国家秘密", "属于国家秘密", 1),
    ("(1)属于国家秘密", "属于国家秘密", 1),
    ("①属于国家秘密", "属于国家秘密", 1),
    ("其中：主要负责同志参加新闻发布会次数", "主要负责同志参加新闻发布会次数", None),
    ("3.危及“三安全一稳定”", "危及三安全一稳定", 3),
    ("本 年 增 / 减", "本年增减", None),
    ("１２、其他", "其他", 12),
    ("（十一）其他", "其他", 11),
    # a typo lost the numbering's closing bracket (left whole, the label had read as one note: no words) or
    # its opening one; a note that closes is a note still
    ("（一主动公开政府信息数\n（不含规范性文件数）", "主动公开政府信息数", 1),
    ("二）通过不同渠道和方式公开政府信息的情况", "通过不同渠道和方式公开政府信息的情况", 2),
    ("（一般性说明）", "", None),
    # a note wrapped over two lines that lost its opening bracket: dropped from the start of its first line
    ("（一）主动公开政府信息数\n不同渠道和方式公开相同信\n息计1条）", "主动公开政府信息数", 1),
    ("（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）", "部分公开", 2),
])
def test_parse_label(raw, text, ordinal):
    label = parse_label(raw)
    assert (label.text, label.ordinal) == (text, ordinal)


@pytest.mark.parametrize("raw, context, expected", [
    ("二、上年转结政府信息公开申请数量", [], "requests.carried_over"),
    ("二、上年结转政府信息公开申请数量", [], "requests.carried_over"),
    ("一、本年新收到政府信息公开申请数量", [], "requests.received_new"),
    ("四、转结下年度继续办理", [], "requests.carried_forward"),
    ("2.其他法律行政止公开", ["本年度办理结果", "不予公开"], "requests.result.withheld.prohibited_by_law"),
    ("4.无正当理由大量反复 申请", ["本年度办理结果", "不予处理"], "requests.result.not_processed.excessive"),
    ("（七）总计", ["本年度办理结果"], "requests.result.total"),
    ("（六）其他处理", ["本年度办理结果"], "requests.result.other"),
    ("3.其他", ["本年度办理结果", "其他处理"], "requests.result.other.other"),
    ("1.属于国家秘密", ["本年度办理结果", "不予公开"], "requests.result.withheld.state_secret"),
])
def test_request_rows(raw, context, expected):
    match = match_row(parse_label(raw), context, REQUESTS)
    assert match.spec is not None and match.spec.id == expected
    assert match.score >= LOW_CONFIDENCE


@pytest.mark.parametrize("raw, context, expected", [
    # 被依法纠错数 is the same words under 行政复议 and under 行政诉讼: the nearest group above decides
    ("（二）被依法纠错数", ["四、行政复议数量", "（一）维持具体行政行为数"], "review_legacy.corrected"),
    ("（二）被依法纠错数", ["四、行政复议数量", "（二）被依法纠错数", "五、行政诉讼数量"], "litigation_legacy.corrected"),
    ("被依法纠错数", ["行政复议数量", "维持具体行政行为数", "行政诉讼数量", "维持具体行政行为或者驳回原告诉讼请求数"],
     "litigation_legacy.corrected"),
    # the two 其中：主要负责同志… rows, abbreviated the same way, told apart by the row above
    ("其中：主要负责同志参加次数", ["参加或举办新闻发布会总次数"], "response.press_conferences.by_head"),
    ("其中：主要负责同志参加次数", ["政府网站在线访谈次数"], "response.online_interviews.by_head"),
    ("其中：主要负责同志参加新闻发布会次数", [], "response.press_conferences.by_head"),
    ("维持具体行政行为数", ["六、举报投诉数量"], "complaints_legacy.upheld"),
])
def test_look_alike_rows_use_context(raw, context, expected):
    context = [parse_label(c).text for c in context]
    match = match_row(parse_label(raw), context, LEGACY)
    assert match.spec is not None and match.spec.id == expected


def test_abbreviated_look_alikes_without_context_are_not_guessed():
    match = match_row(parse_label("其中：主要负责同志参加次数"), [], LEGACY)
    assert match.spec is None and match.ambiguous_with is not None


@pytest.mark.parametrize("raw", ["指标名称", "2017年度", "合同签订数", "网站访问量"])
def test_unrelated_labels_are_not_mapped(raw):
    match = match_row(parse_label(raw), [], LEGACY + REQUESTS)
    assert match.spec is None
    assert match.score < LOW_CONFIDENCE


def test_typo_is_mapped_with_low_confidence_or_better():
    match = match_row(parse_label("没有现成信息需要另制作"), ["无法提供"], REQUESTS)
    assert match.spec.id == "requests.result.unable.needs_creation"
    ranked = rank_fields(parse_label("没有现成信息需要另制作"), ["无法提供"], REQUESTS)
    # no other field comes close: any other still ranked is more than 20 points behind
    assert all(ranked[0].score - other.score > 20 for other in ranked[1:])


def test_other_as_column_header_vs_row():
    from extractor.mapping import best_dim

    name, score = best_dim("其他", MAPPINGS)
    assert name.dim == "other_org" and score == 100
    name, score = best_dim("其他结果", MAPPINGS)
    assert name.dim == "other" and score == 100
    match = match_row(parse_label("3.其他"), ["其他处理"], REQUESTS)
    assert match.spec.id == "requests.result.other.other"
    assert match.score >= HIGH_CONFIDENCE


@pytest.mark.parametrize("text, parts", [
    ("（三）不予公开\n1.属于国家秘密", ("（三）不予公开", "1.属于国家秘密")),
    ("（六）其他处理\n1.申请人无正当理由逾期不补正", ("（六）其他处理", "1.申请人无正当理由逾期不补正")),
    ("2.其他法律行政\n法规禁止公开", ("", "")),  # one label wrapped
    ("（一）主动公开政府信息数\n（不同渠道和方式公开相同信息计1条）", ("", "")),  # a note, not an item
    ("三、本年度办理\n结果", ("", "")),
])
def test_a_heading_and_its_first_item_in_one_cell_are_told_apart(text, parts):
    from extractor.mapping import stacked_label

    assert stacked_label(text) == parts


def test_heading_over_item_in_an_unruled_table():
    from conftest import CORPUS
    from extractor import extract_file

    report = extract_file(CORPUS / "pdf" / "reportlab_three_line" / "海曙区住房和城乡建设局2022年政府信息公开工作年度报告.pdf")
    assert report.value("requests.result.withheld.state_secret", "total") is None
    assert report.value("requests.result.other.no_correction", "total") is None


def test_numbered_items_of_one_level_in_one_label():
    assert numbered_items("2.没有现成信息\n需要另行制作\n3.补正后申请内\n容仍不明确") == (
        "2.没有现成信息\n需要另行制作", "3.补正后申请内\n容仍不明确")
    # a heading over its first item is one label of two levels (see stacked_label), not two rows
    assert numbered_items("（三）不予公开\n1.属于国家秘密") == ("（三）不予公开\n1.属于国家秘密",)
    assert numbered_items("（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）") == (
        "（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）",)
    assert numbered_items("其中：主动公开规范性文件数") == ()
