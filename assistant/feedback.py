"""👍/👎 feedback, appended one JSON line at a time, flushed and fsynced, personal data redacted."""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.privacy import redact


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def add(self, *, question: str, answer: str, liked: bool, citations: list[dict[str, Any]],
            correction: str = "") -> dict[str, Any]:
        record = {
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "liked": liked,
            "question": redact(question),
            "answer": redact(answer),
            "citations": [c.get("id") for c in citations],
            "correction": redact(correction),
        }
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
        return record

    def all(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        records = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:  # a line torn by a kill mid-write is skipped, not fatal
                continue
        return records

    def correction_cases(self) -> list[dict[str, Any]]:
        """👎 records with a user's correction as qa-suite cases; evaluators complete the expected facts."""
        wrong = [r for r in self.all() if not r["liked"] and r.get("correction")]
        return [{"id": f"fb{number:03d}", "question": r["question"], "must_contain": [],
                 "expected_ids": r["citations"], "in_scope": True,
                 "note": f"用户更正：{r['correction']}；原回答：{r['answer'][:80]}；请补全要点与条款"}
                for number, r in enumerate(wrong, 1)]
