"""Characters of a PDF page into lines and text, as a reader sees them: shared by ruled and unruled tables."""
from __future__ import annotations

import unicodedata

# Characters whose tops differ by less than this fraction of their height are on one line.
LINE_TOLERANCE = 0.5
# A gap wider than this fraction of a character's width between two Latin letters or digits is a space.
WORD_GAP = 0.3


# Some fonts (Chromium's CJK fonts among them) map glyphs to radical code points instead of the ideographs
# they print: Kangxi radicals (⼀⼯⼈, which NFKC unifies) and CJK radical supplements (⺠⻚⻓, which it
# does not). Read as printed, 北仑区⺠政局 would not be 北仑区民政局.
RADICAL_SUPPLEMENTS = ("⺊卜⺌小⺗心⺟母⺠民⺤爫⺧牛⺪疋⺮竹⺳网⺹老⺼肉⺾艸⻄西⻆角⻈讠⻉贝⻋车⻑長⻓长⻔门⻗雨⻘青⻚页⻛风"
                       "⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟")
AS_IDEOGRAPHS = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)} | {
    ord(RADICAL_SUPPLEMENTS[i]): RADICAL_SUPPLEMENTS[i + 1] for i in range(0, len(RADICAL_SUPPLEMENTS), 2)}


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines, top to bottom (each line in the order the characters were sorted)."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines and abs(ch["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE * max(ch["height"], 1):
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return lines


def is_latin(text: str) -> bool:
    """Whether `text` is a Latin letter or digit, half-width or full-width (１２, set apart, are two numbers)."""
    return len(text) == 1 and unicodedata.normalize("NFKC", text).isascii() and text.isalnum()


def text_of(chars: list[dict]) -> str:
    """Characters in reading order: lines top to bottom, no spaces between CJK characters."""
    out = []
    for line in group_lines(chars):
        line.sort(key=lambda c: c["x0"])
        text = ""
        previous = None
        for ch in line:
            if previous is not None and text and is_latin(text[-1]) and is_latin(ch["text"]) \
                    and ch["x0"] - previous["x1"] > WORD_GAP * max(ch["width"], 1):
                text += " "
            text += ch["text"]
            previous = ch
        out.append(text.strip().translate(AS_IDEOGRAPHS))
    return "\n".join(line for line in out if line)
