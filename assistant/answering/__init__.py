"""Question → (rules, retrieval) → composer → one ``Answer`` for CLI, UI, API and evaluation."""

from assistant.answering.result import Answer
from assistant.answering.service import Assistant

__all__ = ["Answer", "Assistant"]
