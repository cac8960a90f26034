"""Where the UI's files live: each Gradio app keeps its uploads and downloads in its own folder under
``settings.temp_dir`` — so the public app can never serve what the staff pages produced (evaluation reports,
ingested sources) — and files older than ``limits.temp_max_age_hours`` are deleted."""

from __future__ import annotations

import os
import time
from pathlib import Path

from assistant.settings import Settings


def gradio_files_in(directory: Path) -> None:
    """Gradio reads GRADIO_TEMP_DIR when a component or an app is made: those made next keep their files here."""
    directory.mkdir(parents=True, exist_ok=True)
    os.environ["GRADIO_TEMP_DIR"] = str(directory)


def staff_only(settings: Settings) -> list[str]:
    """What the public app must never serve, should a path inside them reach it."""
    paths = [settings.temp_dir / "staff", settings.data_dir / "runs", settings.documents_dir,
             settings.quarantine_dir, settings.index_dir, settings.data_dir / "feedback.jsonl"]
    return [str(path.resolve()) for path in paths]


def cache_policy(settings: Settings) -> tuple[int, int]:
    """Gradio's ``delete_cache``: how often to look, and the age (seconds) past which its files go."""
    age = max(60, round(settings.limits.temp_max_age_hours * 3600))
    return min(3600, age), age


def sweep(directory: Path, max_age_s: float) -> int:
    """Delete the files under ``directory`` older than ``max_age_s``, then empty folders; returns how many files."""
    if not directory.is_dir():
        return 0
    cutoff, removed = time.time() - max_age_s, 0
    for path in sorted(directory.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        except OSError:  # gone meanwhile, or in use: the next sweep will see it
            continue
    return removed
