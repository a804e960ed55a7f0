"""Reading printed cells into numbers (SCHEMA.md, Values)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.normalize import money_factor, parse_label, parse_value


@pytest.mark.parametrize("raw, value, unit", [
    ("+8", 8.0, None), ("-7", -7.0, None), ("182.32万元", 182.32, "万元"), ("1823200元", 1823200.0, "元"),
    ("１２３", 123.0, None), ("1,234", 1234.0, None), (" 5 ", 5.0, None), ("0件", 0.0, None), ("12条", 12.0, None),
    ("－3", -3.0, None),
    # a change written out (本年增/减)
    ("增加2", 2.0, None), ("减少1", -1.0, None), ("新增5", 5.0, None), ("减 3", -3.0, None), ("增加2个", 2.0, None),
    # zero as a Chinese numeral
    ("〇", 0.0, None), ("零", 0.0, None), ("零件", 0.0, None),
    # units of two characters, and units in brackets
    ("5人次", 5.0, None), ("12件次", 12.0, None), ("12（件）", 12.0, None), ("3(件数)", 3.0, None),
    ("3.5（万元）", 3.5, "万元"),
])
def test_numbers(raw, value, unit):
    parsed = parse_value(raw)
    assert parsed.ok and parsed.value == value and parsed.unit == unit


@pytest.mark.parametrize("raw", ["", "——", "—", "/", "-", "无", "\u3000", "--"])
def test_blanks_are_null(raw):
    parsed = parse_value(raw)
    assert parsed.ok and parsed.value is None


# "14\n13": two rows run into one cell; never read as 1413
@pytest.mark.parametrize("raw", ["见附件", "12.5%", "约10", "1.2.3", "14\n13", "2 3", "减少", "减-2", "3（见附件）",
                                 "12（1）"])
def test_non_numbers_are_flagged(raw):
    parsed = parse_value(raw)
    assert not parsed.ok and parsed.value is None


def test_money_factor():
    assert money_factor("元") == pytest.approx(1e-4)
    assert money_factor("本年收费金额（单位：万元）") == 1.0
    assert money_factor("件") is None


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_integers_round_trip_in_every_print_style(n):
    for text in (str(n), f"{n:,}", f"{n:+d}", str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))):
        assert parse_value(text).value == n


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
def test_money_in_yuan(amount):
    parsed = parse_value(f"{amount}元")
    assert parsed.unit == "元" and parsed.value == pytest.approx(float(amount))


@given(st.text(max_size=30))
def test_parse_never_raises(text):
    parse_value(text)
    parse_label(text)


@given(st.text(alphabet="属于国家秘密其他处理（）()一二三1234.、：其中\u3000 \n\t", max_size=25))
def test_label_normalisation_ignores_spaces_and_width(text):
    # line breaks are kept apart: a note in brackets may begin on a line of its own
    label = parse_label(text)
    assert not any(ch.isspace() for ch in label.text)
    squeezed = "".join(ch for ch in text if not ch.isspace() or ch == "\n")
    assert parse_label(squeezed) == label
    assert parse_label(text.replace("(", "（").replace(")", "）")) == label
