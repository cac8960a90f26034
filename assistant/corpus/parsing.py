"""A file's bytes → its source text and clauses, every ingestion limit enforced while parsing.

Clause ids follow ``assistant.corpus.gongwen``; spreadsheet rows are ``DOC#SHEET!rN`` (N = row
number in the sheet); a repeated id (numbering restarted) gets ``~2``, ``~3`` … appended; a clause
longer than the clause limit is split into ``ID``, ``ID.part2`` ….
"""

from __future__ import annotations

from assistant.corpus.gongwen import parse, split_long
from assistant.corpus.loaders import Extracted, load
from assistant.corpus.model import Clause
from assistant.errors import EmptyDocumentError
from assistant.settings import IngestLimits


def parse_file(data: bytes, name: str, suffix: str, doc_id: str, limits: IngestLimits) -> tuple[str, list[Clause]]:
    """The source text of a file and its clauses, every limit enforced (run it through ``parse_isolated``)."""
    extracted = load(data, name, suffix, limits)
    return extracted.text, build_clauses(doc_id, extracted, limits.max_clause_chars)


def build_clauses(doc_id: str, extracted: Extracted, max_clause_chars: int) -> list[Clause]:
    """Records become ``DOC#SHEET!rN`` clauses; text goes through the 公文 parser; long clauses are split."""
    if extracted.records:
        clauses = [Clause(id=f"{doc_id}#{r.sheet}!r{r.row}", doc=doc_id, kind="record", heading=r.sheet,
                          text=extracted.text[r.span[0]:r.span[1]], span=r.span, order=order)
                   for order, r in enumerate(extracted.records)]
    else:
        clauses = parse(extracted.text, doc_id)
    if not clauses:
        raise EmptyDocumentError("文件中没有可用的文字")
    return split_long(unique_ids(clauses), extracted.text, max_clause_chars)


def unique_ids(clauses: list[Clause]) -> list[Clause]:
    """A document that restarts its numbering repeats ids: later ones become ``DOC#1~2``, ``DOC#1~3``."""
    seen: dict[str, int] = {}
    for clause in clauses:
        seen[clause.id] = seen.get(clause.id, 0) + 1
        if seen[clause.id] > 1:
            clause.id = f"{clause.id}~{seen[clause.id]}"
    return clauses
