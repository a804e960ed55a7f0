"""Finding the report's sections from its headings, by meaning rather than number."""
from __future__ import annotations

import re

from .document import Document, Paragraph
from .mappings import Mappings
from .normalize import LEVEL_CN, LEVEL_DIGIT, parse_label, squash

# A heading is a short line; a long one is prose that happens to start with a number.
MAX_HEADING_CHARS = 40
TOP_LEVEL_DIGIT = re.compile(r"^\d{1,2}、")
# Top-level headings numbered otherwise: 第一部分 总体情况, 第二章 …, and 一 总体情况 (a space for the 、)
OTHER_TOP_LEVEL = re.compile(r"^(?:第[一二三四五六七八九十]+(?:部分|章)[、.:：\s]*|[一二三四五六七八九十]{1,2}[ \t\u3000]+(?=\S))")


def heading_section(text: str, mappings: Mappings) -> str | None:
    """The section id a top-level heading names (一、…, 6、…, 第一部分 …), or None for anything else."""
    squashed = squash(text)
    if not squashed or len(squashed) > MAX_HEADING_CHARS:
        return None
    stripped = text.strip()
    numbered = OTHER_TOP_LEVEL.match(stripped)
    if numbered:
        return section_of(parse_label(stripped[numbered.end():]).text, mappings) or "other"
    label = parse_label(text)
    top_level = label.level == LEVEL_CN or (label.level == LEVEL_DIGIT and TOP_LEVEL_DIGIT.match(squashed))
    if not top_level:
        return None
    return section_of(label.text, mappings) or "other"


def section_of(words: str, mappings: Mappings) -> str | None:
    for section, keywords in mappings.sections:
        if any(k and k in words for k in keywords):
            return section
    return None


def find_sections(document: Document, mappings: Mappings) -> list[str | None]:
    """For each block, the section it sits in (None before the first heading, 'other' under an unknown one)."""
    current: str | None = None
    placed = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            for line in block.text.splitlines() or [""]:
                section = heading_section(line, mappings)
                if section:
                    current = section
        placed.append(current)
    return placed
