"""Models and dictionaries kept as pickles in the cache dir (``Settings.caches``): built once, read back fast."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any


def read_pickle(path: Path) -> Any | None:
    """The object pickled at ``path``; None when it is missing, cut short or written by another version."""
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except Exception:
        return None


def write_pickle(path: Path, value: Any) -> None:
    """Pickle ``value`` at ``path`` atomically; a read-only data dir only costs the next start the build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(f".{os.getpid()}.tmp")
        with temp.open("wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass
