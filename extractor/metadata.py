"""The reporting body and year, from the title, else a web page's <title>, else the file name, else the prose.
Never guessed."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .document import Document, Paragraph, Table
from .normalize import CN_DIGITS, squash

# The title sits in the first few lines; a heading or table ends the search.
TITLE_LINES = 8
MAX_AGENCY_CHARS = 40
# A year in Chinese numerals often has its zeros typed as a digit or a circle: 二0二二, 二○二二, 二O二二
CN_YEAR_ZEROS = {"0": 0, "○": 0, "O": 0, "o": 0}
YEAR = r"((?:19|20)\d{2}|[〇零○Oo0一二三四五六七八九]{4})"
# …工作年度报告, …年报
REPORT_WORDS = r"(?:年度)?(?:工作)?(?:报告|年报)"
TITLE = re.compile(YEAR + r"年度?(?:上半年|下半年)?(?:的)?(?:政府信息公开|政务公开|信息公开).{0,12}?" + REPORT_WORDS)
TITLE_NO_YEAR = re.compile(r"(?:政府信息公开|政务公开)[^，。；,;]{0,8}?" + REPORT_WORDS)
# the year first: 2021年度国家统计局政府信息公开工作年度报告
TITLE_YEAR_FIRST = re.compile("^" + YEAR + r"年度?(.{2,40}?)" + TITLE_NO_YEAR.pattern)
# How the name of a body ends (洪泽区人民政府, 教育局, 卫生健康委员会, 某某街道): a line above a title is taken for
# the body's name only then, not a site's menu item (首页, 政务公开) or a date.
ORGAN = re.compile(r"(政府|办公室|办|局|厅|委员会|委|院|署|部|中心|所|站|会|处|队|馆|行|公司|社|联|街道|镇|乡|区|县|市|省|州|"
                   r"旗|盟|园)$")
# What parts a page's title from its site's name: _ | - — (squashed, so full-width forms are ASCII)
SITE_SEPARATOR = re.compile(r"[_|\-—>]+")
# The preamble naming the body that compiled the report: 本报告由X编制 / 由X根据《条例》…编制 / ，X根据…编制本年度报告
BODY_NAME = r"([\u4e00-\u9fff()·]{2,40}?)"
# (squashed text: full-width commas and semicolons are ASCII)
PROSE_AGENCY = (
    re.compile(r"(?:报告(?:是)?|^|[。;,])由" + BODY_NAME + r"(?:根据[^。;]{0,80}?)?(?:负责|组织|统一)?编制"),
    re.compile(r"(?:^|[。;,])" + BODY_NAME + r"(?:(?:根据|依据|按照)[^。]{0,120}?)?编制(?:了)?(?:本|此)(?:年度)?报告"),
)
SELF_REFERENCE = ("我", "本", "该", "各", "全")
PREAMBLE_BLOCKS = 12
PROSE_YEAR = re.compile(r"((?:19|20)\d{2})年")
FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
AGENCY_TAIL = re.compile(r"(关于|的|发布|公布|印发)+$")
# 宁海县人民政府办公室关于印发宁海县2021年…: the report is the body's named after 关于印发, else the issuer's
ISSUING = re.compile(r"关于(?:公布|发布|印发|公开)?")
AGENCY_WORDS = re.compile(r"[\u4e00-\u9fff·()]+")  # (squashed text: full-width brackets are ASCII)
# A title longer than this is prose that mentions a report, not the report's title.
MAX_TITLE_CHARS = 60
MIN_YEAR, MAX_YEAR = 2000, 2100


def year_value(token: str) -> int | None:
    if token.isdigit():
        year = int(token)
    else:
        year = int("".join(str(CN_DIGITS.get(ch, CN_YEAR_ZEROS.get(ch))) for ch in token))
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def title_lines(document: Document) -> list[str]:
    lines = []
    for block in document.blocks:
        if isinstance(block, Table):
            break
        for line in block.text.splitlines():
            text = squash(line)
            if text:
                lines.append(text)
        if len(lines) >= TITLE_LINES:
            break
    return lines[:TITLE_LINES]


def clean_agency(text: str) -> str | None:
    """The body's name, or None for anything that is not one (a breadcrumb, a date, prose)."""
    pieces = [AGENCY_TAIL.sub("", piece) for piece in ISSUING.split(text.strip("《》“”\"' "))]
    text = next((piece for piece in reversed(pieces) if piece), "")
    if len(text) < 2 or len(text) > MAX_AGENCY_CHARS or not AGENCY_WORDS.fullmatch(text) or \
            text.startswith("(") or text.count("(") != text.count(")"):
        return None
    return text.replace("(", "（").replace(")", "）")  # as Chinese names print them


def title_in(text: str) -> tuple[str, int | None] | None:
    """The report's title in `text`, as (where a title names the body: the text before it or, when the year
    comes first, between the year and the title words; the year). A title with its year beats one without."""
    for pattern in (TITLE, TITLE_YEAR_FIRST, TITLE_NO_YEAR):
        match = pattern.search(text)
        if match is None:
            continue
        if pattern is TITLE_YEAR_FIRST:
            named = match.group(2)
            if not ORGAN.search(named):
                continue
            return named, year_value(match.group(1))
        return text[: match.start()], year_value(match.group(1)) if pattern is TITLE else None
    return None


def from_title(lines: list[str]) -> tuple[str | None, int | None]:
    """(agency, year) from the title: '宁海县交通运输局2021年政府信息公开工作年度报告', or the body's name on the line
    above, or a title wrapped onto two lines."""
    singles = list(enumerate(lines))
    wrapped = [(i, line + lines[i + 1]) for i, line in enumerate(lines[:-1])]
    titles = [(i, found) for i, line in singles + wrapped
              if len(line) <= MAX_TITLE_CHARS and (found := title_in(line)) is not None]
    for with_year in (True, False):  # a title with its year beats a line that only names the kind of report
        for i, (named, year) in titles:
            if (year is not None) != with_year:
                continue
            agency = clean_agency(named)
            if agency is None and i > 0 and not TITLE.search(lines[i - 1]) and ORGAN.search(lines[i - 1]):
                agency = clean_agency(lines[i - 1])
            return agency, year
    return None, None


def from_declared_title(text: str) -> tuple[str | None, int | None]:
    """(agency, year) from a web page's <title>, which a site writes as the article's title and its own name
    apart ('鄞州区教育局2022年政府信息公开工作年度报告_宁波市鄞州区人民政府'): only the piece naming the report
    counts, never the site's name."""
    found = title_in(squash(text))
    if found is None:
        return None, None
    named, year = found
    return clean_agency(SITE_SEPARATOR.split(named)[-1]), year


def from_file_name(path: Path) -> tuple[str | None, int | None]:
    stem = squash(path.stem)
    found = title_in(stem)
    if found and found[1] is not None:
        return clean_agency(found[0]), found[1]
    years = FILE_YEAR.findall(stem)
    return None, (year_value(years[0]) if len(years) == 1 else None)


def from_prose(document: Document) -> int | None:
    """The year the opening prose speaks of most ('2020年我局…'), when the title and file name are silent."""
    counts: Counter[int] = Counter()
    for block in document.blocks[:40]:
        if isinstance(block, Paragraph):
            for token in PROSE_YEAR.findall(squash(block.text)):
                year = year_value(token)
                if year:
                    counts[year] += 1
    if not counts:
        return None
    top = max(counts.values())
    return max(year for year, n in counts.items() if n == top)


def agency_from_prose(document: Document) -> str | None:
    """The body the preamble says compiled the report ('本报告由宁海县交通运输局编制', '…，宁海县交通运输局根据《条例》
    …编制本年度报告'), when the title, the page's title and the file name are silent. A body that only names
    itself (我局, 本机关) is none."""
    for block in document.blocks[:PREAMBLE_BLOCKS]:
        if isinstance(block, Table):
            break
        text = squash(block.text)
        if "报告" not in text:
            continue
        for pattern in PROSE_AGENCY:
            for match in pattern.finditer(text):
                named = match.group(1)
                agency = clean_agency(named) if not named.startswith(SELF_REFERENCE) and ORGAN.search(named) else None
                if agency:
                    return agency
    return None


def find_metadata(document: Document, source_name: str | None = None) -> tuple[str | None, int | None]:
    """(agency, year) of a report, from the first of: its title, the title the file declares (a web page's
    <title>), its file name, its prose (the preamble naming the body; the year it speaks of most). None where
    the report does not say."""
    agency, year = from_title(title_lines(document))
    declared_agency, declared_year = from_declared_title(document.declared_title or "")
    file_agency, file_year = from_file_name(Path(source_name or document.source))
    agency = agency or declared_agency or file_agency or agency_from_prose(document)
    year = year or declared_year or file_year or from_prose(document)
    return agency, year
