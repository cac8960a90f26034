"""What a chat remembers between turns: the applicant profile and the project types in focus."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class Conversation(BaseModel):
    profile: Any = None
    focus_types: list[str] = []
    turns: list[tuple[str, str]] = []
    things: str = ""  # what the last question that named one of the notice's things named (回执)

    def remember(self, question: str, answer: str) -> None:
        self.turns.append((question, answer))
