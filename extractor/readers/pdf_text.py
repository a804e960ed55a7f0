"""Characters of a PDF page into lines and text, as a reader sees them: shared by ruled and unruled tables."""
from __future__ import annotations

# Characters whose tops differ by less than this fraction of their height are on one line.
LINE_TOLERANCE = 0.5
# A gap wider than this fraction of a character's width between two Latin letters or digits is a space.
WORD_GAP = 0.3


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines, top to bottom (each line in the order the characters were sorted)."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines and abs(ch["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE * max(ch["height"], 1):
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return lines


def text_of(chars: list[dict]) -> str:
    """Characters in reading order: lines top to bottom, no spaces between CJK characters."""
    out = []
    for line in group_lines(chars):
        line.sort(key=lambda c: c["x0"])
        text = ""
        previous = None
        for ch in line:
            if previous is not None and text and text[-1].isascii() and text[-1].isalnum() and ch["text"].isascii() \
                    and ch["text"].isalnum() and ch["x0"] - previous["x1"] > WORD_GAP * max(ch["width"], 1):
                text += " "
            text += ch["text"]
            previous = ch
        out.append(text.strip())
    return "\n".join(line for line in out if line)
