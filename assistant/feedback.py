"""👍/👎 feedback on answers the server produced, one record per answer, personal data redacted.

The server gives every answer it shows an id and remembers the answer (a bounded, in-memory record).
A client rates an answer by that id only: what is stored (question, answer, citations) comes from the
server's own record, never from what the client sends, so a made-up history cannot be stored.

Records are appended one JSON line at a time, flushed and fsynced; a correction to an answer already
rated appends a newer version of the same record, and readers keep the newest version of each.
"""

from __future__ import annotations

import html
import json
import os
import secrets
import threading
from collections import OrderedDict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.errors import InvalidInputError, UnknownAnswerError
from assistant.privacy import redact

MAX_CORRECTION_CHARS = 1000
REMEMBERED_ANSWERS = 5000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting with one as a formula


class IssuedAnswer(BaseModel):
    """An answer as the server showed it, kept so that feedback can refer to it by id."""

    question: str
    answer: str
    citations: list[str]


class FeedbackStore:
    def __init__(self, path: Path, remembered: int = REMEMBERED_ANSWERS) -> None:
        self.path = path
        self.remembered = remembered
        self._issued: OrderedDict[str, IssuedAnswer] = OrderedDict()
        self._lock = threading.Lock()

    def issue(self, *, question: str, answer: str, citations: list[str]) -> str:
        """Remember an answer about to be shown; returns the id a client rates it by."""
        answer_id = secrets.token_urlsafe(12)
        with self._lock:
            self._issued[answer_id] = IssuedAnswer(question=question, answer=answer, citations=citations)
            while len(self._issued) > self.remembered:
                self._issued.popitem(last=False)
        return answer_id

    def rate(self, answer_id: str, *, liked: bool, correction: str = "") -> dict[str, Any]:
        """Store (or update) the feedback on an issued answer; unknown ids are refused, nothing is stored."""
        correction = correction.strip()
        if len(correction) > MAX_CORRECTION_CHARS:
            raise InvalidInputError(f"更正过长（{len(correction)} 字），请精简到 {MAX_CORRECTION_CHARS} 字以内。")
        with self._lock:
            issued = self._issued.get(answer_id)
        if issued is None:
            raise UnknownAnswerError("找不到这条回答（可能已过期），请重新提问后再评价。")
        record = {
            "id": answer_id,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "liked": liked,
            "question": redact(issued.question),
            "answer": redact(issued.answer),
            "citations": issued.citations,
            "correction": redact(correction),
        }
        self._append(record)
        return record

    def _append(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a+b") as handle:
                if handle.seek(0, os.SEEK_END) > 0:
                    handle.seek(-1, os.SEEK_END)
                    if handle.read(1) != b"\n":  # the previous writer was killed mid-line
                        line = b"\n" + line
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())

    def all(self) -> list[dict[str, Any]]:
        """One record per rated answer (its newest version), in the order they were first rated."""
        if not self.path.exists():
            return []
        records: dict[str, dict[str, Any]] = {}
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines()):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # a line torn by a kill mid-write is skipped, not fatal
                continue
            records[record.get("id") or f"line-{number}"] = record  # records written before ids had none
        return list(records.values())

    def correction_cases(self) -> list[dict[str, Any]]:
        """👎 records with a user's correction as qa-suite cases for evaluators to review and complete.

        Text is escaped for markup and for spreadsheets, since evaluators may open the file in either.
        """
        wrong = [r for r in self.all() if not r["liked"] and r.get("correction")]
        return [{"id": f"fb{number:03d}", "status": "unreviewed", "question": inert(r["question"]),
                 "must_contain": [], "expected_ids": r["citations"], "in_scope": True,
                 "note": inert(f"用户更正：{r['correction']}；原回答：{r['answer'][:80]}；请补全要点与条款")}
                for number, r in enumerate(wrong, 1)]


def inert(text: str) -> str:
    """``text`` that neither a browser nor a spreadsheet will interpret: markup escaped, no leading formula."""
    text = html.escape(text, quote=False)
    return "'" + text if text.startswith(FORMULA_START) else text
