"""The ``assistant`` command line. Thin: every command calls into the package and prints.

Heavy libraries (torch, chromadb, gradio) are imported inside the commands that need them.
"""

from __future__ import annotations

import json
from typing import Any

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="知识产权强国建设示范创建政策助手")


@app.callback()
def main() -> None:
    """知识产权强国建设示范创建政策助手 (国知发运字〔2025〕28号)."""


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@app.command()
def docs(as_json: bool = typer.Option(False, "--json", help="machine-readable output")) -> None:
    """List the registered documents and whether their text is available."""
    from assistant.corpus.library import Library
    from assistant.settings import get_settings

    settings = get_settings()
    library = Library(settings.corpus_dir, settings.documents_dir)
    rows = [{"id": d.info.id, "title": d.info.title, "kind": d.info.kind, "available": d.info.available,
             "clauses": len(d.clauses)} for d in library.documents.values()]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        status = f"{row['clauses']} 条" if row["available"] else "未载入"
        typer.echo(f"{row['id']:<10} {row['kind']:<18} {status:<8} {row['title']}")
