"""Normalising printed labels and cell values before they are matched or stored."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Outline levels of numbering styles, outermost first: 一、 > （一） > 1. > (1) or ①
LEVEL_CN, LEVEL_PAREN_CN, LEVEL_DIGIT, LEVEL_PAREN_DIGIT, LEVEL_NONE = range(5)

# Applied to NFKC text, so full-width brackets and dots are already ASCII. A typo may lose a numbering's
# closing bracket: （一主动公开… (left whole, it read as a note; see `parse_label`)
UNCLOSED = re.compile(r"^\(([一二三四五六七八九十]+)(?=[^)、.\d])")
NUMBERING = [
    (re.compile(r"^第?([一二三四五六七八九十]+)[、.:]"), LEVEL_CN),
    (re.compile(r"^\(([一二三四五六七八九十]+)\)[、.]?"), LEVEL_PAREN_CN),
    (UNCLOSED, LEVEL_PAREN_CN),
    (re.compile(r"^([一二三四五六七八九十]+)\)"), LEVEL_PAREN_CN),  # or its opening one: 一）主动公开…
    (re.compile(r"^(\d{1,2})(?:[、.:](?!\d)|\s)"), LEVEL_DIGIT),
    (re.compile(r"^\((\d{1,2})\)[、.]?"), LEVEL_PAREN_DIGIT),
]
SUCH_AS = re.compile(r"^(其中|包括)[:、,]?")
NOT_WORD = re.compile(r"[\W_]+")
WHITESPACE = re.compile(r"\s+")


def cn_number(text: str) -> int | None:
    """Value of a small Chinese numeral (一 … 九十九), or None."""
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)


CIRCLED_AS_PAREN = {ord(ch): f"({i})" for i, ch in enumerate(CIRCLED, start=1)}


def squash(text: str) -> str:
    """NFKC with every kind of whitespace removed (CJK text has no meaningful spaces).

    Circled numbers become (n) first: NFKC would turn ① into a bare 1 that reads as part of the label.
    """
    return WHITESPACE.sub("", unicodedata.normalize("NFKC", (text or "").translate(CIRCLED_AS_PAREN)))


@dataclass(frozen=True)
class Label:
    """A printed label split into its numbering and the words that carry its meaning."""

    text: str  # normalised words: no numbering, no 其中：, no parenthetical notes, no punctuation
    ordinal: int | None = None
    level: int = LEVEL_NONE
    such_as: bool = False  # began with 其中：


VERTICAL_LINE_CHARS = 2
LINE_BREAK = "\x00"  # stands for a line break while the label is squashed, so notes can be cut line by line


OPENING, CLOSING = "([【〔", ")]】〕"


def drop_notes(text: str) -> str:
    """Remove bracketed notes, also over several lines and also when a typo lost a bracket: a note never
    closed runs to the end, and a closing bracket never opened ends a note that began at its line's start, or
    at the start of the lines without brackets above it, the first line aside (a note wrapped over two lines,
    its opening bracket lost: 主动公开政府信息数 / 不同渠道和方式公开相同信 / 息计1条）)."""
    lines: list[str] = []
    bracketed: list[bool] = []
    depth = 0
    for line in text.split(LINE_BREAK):
        kept: list[str] = []
        for ch in line:
            if ch in OPENING:
                depth += 1
            elif ch in CLOSING:
                if depth:
                    depth -= 1
                else:
                    kept = []
                    for k in range(len(lines) - 1, 0, -1):
                        if bracketed[k]:
                            break
                        lines[k] = ""
            elif not depth:
                kept.append(ch)
        lines.append("".join(kept))
        bracketed.append(any(ch in OPENING or ch in CLOSING for ch in line))
    return "".join(lines)


BRACKETS = str.maketrans("", "", OPENING + CLOSING + "（）")


def unbracketed(raw: str) -> str:
    """A label with its brackets taken away and what they held kept: 行政诉讼（复议后起诉）, whose note is what
    tells it from its twin."""
    return raw.translate(BRACKETS)


@lru_cache(maxsize=65536)
def parse_label(raw: str) -> Label:
    """Normalise a row or heading label: NFKC, whitespace, numbering prefixes, 其中：, notes in brackets."""
    text = ""
    for line in filter(None, (squash(line) for line in (raw or "").splitlines())):
        # a line of one or two characters is vertical text or a wrap's tail, never the start of a note
        text += line if not text or len(line) <= VERTICAL_LINE_CHARS else LINE_BREAK + line
    ordinal, level, such_as = None, LEVEL_NONE, False
    for _ in range(3):  # "三、（一）1." can stack
        stripped = False
        match = SUCH_AS.match(text)
        if match:
            such_as, text, stripped = True, text[match.end():], True
        for pattern, pattern_level in NUMBERING:
            match = pattern.match(text)
            # a bracket closed later is a note's (（一般…）), not a numbering's that lost its closing bracket
            if match and (pattern is not UNCLOSED or text.count("(") > text.count(")")):
                token = match.group(1)
                value = int(token) if token.isdigit() else cn_number(token)
                if level == LEVEL_NONE or pattern_level > level:
                    ordinal, level = value, pattern_level
                text, stripped = text[match.end():], True
                break
        if not stripped:
            break
    return Label(NOT_WORD.sub("", drop_notes(text)), ordinal, level, such_as)


# ---------------------------------------------------------------- values

NULL_MARKERS = {"", "-", "--", "—", "——", "―", "/", "\\", "无", "空", "null", "none", "n/a", "na", "×", "x", "…", "..."}
NUMBER = re.compile(r"^([+-]?)(\d+(?:\.\d+)?)$")
MONEY_UNITS = {"万元": 1.0, "元": 1e-4, "亿元": 1e4, "千元": 0.1}
# Digits on both sides of white space: two numbers in one cell (rows run together), never one number.
SPLIT_NUMBER = re.compile(r"\d\s+\d")
# Zero written as a Chinese numeral
CHINESE_ZEROS = {"〇", "零"}
# A change written in words (the 2019 form's 本年增/减 column): 增加2 is +2, 减少1 is -1
CHANGE_WORDS = (("增加", "+"), ("减少", "-"), ("新增", "+"), ("增", "+"), ("减", "-"))
COUNT_SUFFIXES = ("件", "条", "项", "次", "个", "人次", "件次", "人", "篇", "场", "期", "份", "家", "户", "宗")
# the longest first: 人次 is not 人 followed by 次
SUFFIXES_LONGEST_FIRST = sorted(COUNT_SUFFIXES, key=len, reverse=True)
# a unit in brackets after the number: 12（件）, 3.5（万元）
BRACKETED_UNIT = re.compile(r"^(.*\d)\(([^()]+)\)$")


@dataclass(frozen=True)
class ParsedValue:
    value: float | None
    unit: str | None = None  # a unit printed in the cell itself, e.g. 元 in "1823200元"
    ok: bool = True  # False when the text is neither a number nor a recognised blank


@lru_cache(maxsize=65536)
def parse_value(raw: str) -> ParsedValue:
    """Read a printed cell: '+8' -> 8, '182.32万元' -> 182.32 (unit 万元), '——' -> null, 'abc' -> not ok."""
    if SPLIT_NUMBER.search(raw):
        return ParsedValue(None, ok=False)
    text = squash(raw).replace(",", "").replace("，", "")
    text = text.replace("−", "-").replace("–", "-").replace("﹣", "-")
    if text.lower() in NULL_MARKERS or set(text) <= set("-—―/"):
        return ParsedValue(None)
    unit = None
    bracketed = BRACKETED_UNIT.match(text)
    if bracketed and bracketed.group(2) in UNIT_WORDS:
        number, word = bracketed.groups()
        text = number + word if word in MONEY_UNITS else number
    for money in sorted(MONEY_UNITS, key=len, reverse=True):
        if text.endswith(money):
            unit, text = money, text[: -len(money)]
            break
    else:
        for suffix in SUFFIXES_LONGEST_FIRST:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                break
    if text.endswith("%"):
        return ParsedValue(None, ok=False)
    if text in CHINESE_ZEROS:
        text = "0"
    for word, sign in CHANGE_WORDS:  # 本年增/减 written out: 增加2, 减少1
        if text.startswith(word) and text[len(word):len(word) + 1].isdigit():
            text = sign + text[len(word):]
            break
    match = NUMBER.match(text)
    if not match:
        return ParsedValue(None, unit, ok=False)
    sign, digits = match.groups()
    value = float(digits)
    return ParsedValue(-value if sign == "-" else value, unit)


UNIT_WORDS = {*COUNT_SUFFIXES, *MONEY_UNITS, "人/次", "个数", "件数", "条数", "项数"}


def is_unit_word(text: str) -> bool:
    """A cell that only names a unit (条, 件, 人次, 万元): the 单位 column of a legacy table."""
    return squash(text) in UNIT_WORDS


def format_number(value: float) -> str:
    """A number as a person writes it: 11, 182.32 (no trailing .0)."""
    value = float(value)
    return f"{value:g}" if value.is_integer() else f"{value:.6g}"


def money_factor(unit_text: str | None) -> float | None:
    """How many 万元 one printed unit is worth: 元 -> 0.0001; None when the text names no money unit."""
    if not unit_text:
        return None
    text = squash(unit_text)
    for money in sorted(MONEY_UNITS, key=len, reverse=True):
        if money in text:
            return MONEY_UNITS[money]
    return None
