"""What a chat remembers between turns: the applicant profile, the project types in focus, the turns."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class Conversation(BaseModel):
    profile: Any = None
    focus_types: list[str] = []
    turns: list[tuple[str, str]] = []  # (question, answer); an API client's earlier questions have no answer here

    def remember(self, question: str, answer: str) -> None:
        self.turns.append((question, answer))
