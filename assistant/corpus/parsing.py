"""A file's bytes → its source text and clauses, every ingestion limit enforced while parsing.

Clause ids follow ``assistant.corpus.gongwen``; spreadsheet rows are ``DOC#SHEET!rN`` (N = row
number in the sheet); a repeated id (numbering restarted) gets ``~2``, ``~3`` … appended; a clause
longer than the clause limit is split into ``ID``, ``ID.part2`` ….
"""

from __future__ import annotations

from assistant.corpus.gongwen import parse, split_long
from assistant.corpus.loaders import Extracted, Record, load
from assistant.corpus.model import Clause
from assistant.corpus.recognised import is_list, read_row
from assistant.errors import EmptyDocumentError
from assistant.settings import IngestLimits

LIST_SHEET = "名单"


def parse_file(data: bytes, name: str, suffix: str, doc_id: str, limits: IngestLimits) -> tuple[str, list[Clause]]:
    """The source text of a file and its clauses, every limit enforced (run it through ``parse_isolated``)."""
    extracted = load(data, name, suffix, limits)
    return extracted.text, build_clauses(doc_id, extracted, limits.max_clause_chars)


def build_clauses(doc_id: str, extracted: Extracted, max_clause_chars: int) -> list[Clause]:
    """Records become ``DOC#SHEET!rN`` clauses (a text that is a list of recognised units, one per line, too:
    ``DOC#名单!rN``); other text goes through the 公文 parser; long clauses are split."""
    records = extracted.records or list_lines(extracted.text)
    if records:
        clauses = [Clause(id=f"{doc_id}#{r.sheet}!r{r.row}", doc=doc_id, kind="record", heading=r.sheet,
                          text=extracted.text[r.span[0]:r.span[1]], span=r.span, order=order)
                   for order, r in enumerate(records)]
    else:
        clauses = parse(extracted.text, doc_id)
    if not clauses:
        raise EmptyDocumentError("文件中没有可用的文字")
    return split_long(unique_ids(clauses), extracted.text, max_clause_chars)


def list_lines(text: str) -> list[Record]:
    """The rows of a text that is a list of recognised units (one per line); none for any other text."""
    lines = text.split("\n")
    if not is_list(lines):
        return []
    records, offset = [], 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and read_row(stripped):
            start = offset + line.index(stripped)
            records.append(Record(LIST_SHEET, number, (start, start + len(stripped))))
        offset += len(line) + 1
    return records


def unique_ids(clauses: list[Clause]) -> list[Clause]:
    """A document that restarts its numbering repeats ids: later ones become ``DOC#1~2``, ``DOC#1~3``."""
    seen: dict[str, int] = {}
    for clause in clauses:
        seen[clause.id] = seen.get(clause.id, 0) + 1
        if seen[clause.id] > 1:
            clause.id = f"{clause.id}~{seen[clause.id]}"
    return clauses
