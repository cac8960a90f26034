"""A PDF's laid-out text read back into paragraphs and tables.

pypdf's layout mode keeps each line where it stands on the page: a paragraph's lines break at the right margin
and the next line starts at the left edge, while a new paragraph is indented; a table's cells stand in columns
with runs of spaces between them, and a cell's text may wrap onto lines of its own, under its column. Lines that
continue a paragraph are joined to it; a table becomes its rows of cells, the first row its header.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

FRAGMENT = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces: one cell of a table row
FULL_LINE = 0.85  # a line that reaches this share of the right margin broke there, not where its sentence ended
WRAPPED_LINES = 3  # how many lines must reach the right edge for it to be a margin lines break at
INDENT = 4  # a paragraph's first line is indented by about two characters; a centred or signed line by more
ASCII_END = re.compile(r"[A-Za-z0-9]$")
ASCII_START = re.compile(r"^[A-Za-z0-9]")

Fragment = tuple[int, str]  # where a run of text starts on its line, and the text
Block = str | list[list[str]]  # a paragraph, or a table's rows of cells


def fragments(line: str) -> list[Fragment]:
    return [(match.start(), match.group()) for match in FRAGMENT.finditer(line)]


def width(text: str) -> int:
    """How wide ``text`` stands on the page: a Chinese character takes two columns, a Latin one one."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


@dataclass
class Table:
    """The lines of a table as laid out, each with whether a blank line stood before it; the first is its header.

    A line with a text in every column is a row's main line. A cell whose text wraps has the rest on lines of
    their own, under its column: below the main line when cells are set to the top, above it when they are set to
    the bottom (a table whose first line under the header is not a main line is set so).
    """

    lines: list[tuple[bool, list[Fragment]]]

    @property
    def starts(self) -> list[int]:
        return [start for start, _ in self.lines[0][1]]

    def takes(self, found: list[Fragment], blank_before: bool) -> bool:
        """The line belongs to the table: cells in columns, or the wrapped rest of cells right under others."""
        if len(found) >= 2:
            return True
        if blank_before:
            return False
        (start, text), starts = found[0], self.starts
        column = self.column(start)
        return column + 1 == len(starts) or start + len(text) <= starts[column + 1] + 1

    def column(self, start: int) -> int:
        return min(range(len(self.starts)), key=lambda column: abs(self.starts[column] - start))

    def rows(self) -> tuple[list[list[str]], list[str]]:
        """The rows, and the lines after the last row's main line in a table set to the bottom: no cell's, since
        its cells wrap above (a signature set right under the table)."""
        header = [text for _, text in self.lines[0][1]]
        body = self.lines[1:]
        above = bool(body) and len(body[0][1]) < len(header)  # wrapped text stands above its row's main line
        rows, waiting = [header], []
        for blank_before, found in body:
            if len(found) >= len(header) or (blank_before and len(found) >= 2):
                rows.append(self.cells(found))
                for early in waiting:
                    rows[-1] = self.cells(early, before=rows[-1])
                waiting = []
            elif above:
                waiting.insert(0, found)
            else:
                rows[-1] = self.cells(found, after=rows[-1])
        return rows, [as_line(line) for line in reversed(waiting)]

    def cells(self, found: list[Fragment], *, before: list[str] | None = None, after: list[str] | None = None
              ) -> list[str]:
        """``found`` in its columns (in order when it fills them all), set before or after the texts of a row."""
        row = list(before or after or [""] * len(self.starts))
        placed = list(enumerate(text for _, text in found)) if len(found) == len(self.starts) and not (
            before or after) else [(self.column(start), text) for start, text in found]
        for column, text in placed:
            row[column] = joined(text, row[column]) if before else joined(row[column], text)
        return row

    def blocks(self) -> list[Block]:
        """The rows and what follows them, or a line of text when the table is one line (two phrases set apart)."""
        if len(self.lines) == 1:
            return [as_line(self.lines[0][1])]
        rows, after = self.rows()
        return [rows, *after]


def as_line(found: list[Fragment]) -> str:
    return " ".join(text for _, text in found)


def joined(before: str, after: str) -> str:
    return f"{before} {after}" if ASCII_END.search(before) and ASCII_START.search(after) else before + after


def right_margin(lines: list[str]) -> int | None:
    """Where the lines of paragraphs break: the right edge that several left-aligned lines reach, if any (lines
    drawn one by one, none of them wrapped, have none)."""
    ends = [start + width(text) for line in lines if len(found := fragments(line)) == 1
            for start, text in found if start <= INDENT]
    widest = max(ends, default=0)
    return widest if sum(end >= FULL_LINE * widest for end in ends) >= WRAPPED_LINES else None


def blocks(pages: list[str]) -> list[Block]:
    """The paragraphs and tables of the pages' laid-out text, in order."""
    lines = [line.rstrip() for page in pages for line in [*page.splitlines(), ""]]
    margin = right_margin(lines)
    found_blocks: list[Block] = []
    table: Table | None = None
    after_blank = True
    last_start, last_end = 0, 0  # where the last line of the paragraph being read starts and ends
    for line in lines:
        found = fragments(line)
        if not found:
            after_blank = True
            continue
        blank_before, after_blank = after_blank, False
        if table is not None:
            if table.takes(found, blank_before):
                table.lines.append((blank_before, found))
                continue
            found_blocks += table.blocks()
            table, last_end = None, 0
        if len(found) >= 2:
            table = Table([(blank_before, found)])
            continue
        start, text = found[0]
        if found_blocks and isinstance(found_blocks[-1], str) and not blank_before and start <= 1 \
                and margin and last_start <= INDENT and last_end >= FULL_LINE * margin:
            found_blocks[-1] = joined(found_blocks[-1], text)  # the paragraph broke at the margin
        else:
            found_blocks.append(text)
        last_start, last_end = start, start + width(text)
    if table is not None:
        found_blocks += table.blocks()
    return found_blocks
