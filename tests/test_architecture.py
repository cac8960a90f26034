"""The package's import graph: no cycles, lower layers never import higher ones, Gradio only in web/."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"
# What each part of the package may import from the rest of it (besides itself).
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "inputs": {"errors"},
    "language": {"errors"},
    "corpus": {"errors", "language", "settings"},
    "rules": {"errors", "language", "corpus"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def runtime_imports(tree: ast.AST) -> Iterator[str]:
    """Every imported module, at any depth, except under ``if TYPE_CHECKING:``; ``from pkg import module``
    counts as importing that module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                yield submodule if is_module(submodule) else node.module


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        imports = runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
        edges[module_name(path)] = {name for name in imports if name.startswith("assistant")}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in edges:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_the_package_has_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_lower_layers_import_nothing_above_them() -> None:
    wrong = [(module, target) for module, targets in graph().items() if part(module) in ALLOWED
             for target in targets if part(target) not in ALLOWED[part(module)] | {part(module)}]
    assert wrong == []


def test_only_web_imports_gradio() -> None:
    for path in PACKAGE.rglob("*.py"):
        names = set(runtime_imports(ast.parse(path.read_text(encoding="utf-8"))))
        if "gradio" in names:
            assert module_name(path).startswith("assistant.web"), path


def test_timetable_dates_are_written_only_in_the_parameters() -> None:
    """Every date sentence is rendered from rules/parameters/timetable.yaml; code and prompts never repeat one."""
    from assistant.language.dates import cn_date
    from assistant.rules.params import timetable

    table = timetable()
    dates = [table.issued.date, *(d.date for d in table.deadlines), *(p.start for p in table.periods)]
    wordings = {*table.wordings().values(), *map(cn_date, dates), f"每{table.round.every_years}年"}
    sources = [*PACKAGE.rglob("*.py"), *PACKAGE.parent.joinpath("prompts").rglob("*.md")]
    found = [(path.name, w) for path in sources for w in wordings if w in path.read_text(encoding="utf-8")]
    assert found == []


COLD_QUESTION = """
import sys
from assistant.answering import Assistant
from assistant.settings import Settings
Assistant(Settings(data_dir=sys.argv[1], llm_base_url="")).ask("申报要交钱吗？")
print(" ".join(sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2:]))))
"""


def test_a_cold_question_imports_no_llm_client_ui_model_framework_or_phrase_dictionary(tmp_path: Path) -> None:
    """What a cold start need not pay for: LangChain (the embedder and retrievers are plain classes), the LLM
    client when no LLM is configured, Gradio, torch, and pypinyin (its phrase dictionary: readings are read as a
    file, see assistant/language/pinyin.py)."""
    heavy = ["langchain_core", "langchain_openai", "gradio", "torch", "sentence_transformers", "pypinyin"]
    done = subprocess.run([sys.executable, "-c", COLD_QUESTION, str(tmp_path), *heavy], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "ASSISTANT_PROFILE": "test"}, check=True)
    assert done.stdout.strip() == ""
