"""The ``check`` and ``quotas`` commands, run as a user runs them (a fresh interpreter each time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "chromadb", "gradio", "langchain", "langchain_core", "sentence_transformers", "pandas", "jieba")
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}


def assistant(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**ENV, **({"ASSISTANT_DATA_DIR": str(data_dir)} if data_dir else {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_check_json_has_exactly_profile_verdicts_timeline_and_lists() -> None:
    run = assistant("check", "我们是昆山市人民政府，已形成产业集聚", "--as-of", "2025-09-19", "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert list(result) == ["profile", "verdicts", "timeline", "listed", "lists"]
    assert result["listed"] == result["lists"] == []  # no list of recognised units is loaded
    assert list(result["verdicts"]) == ["city", "county", "park", "service_zone", "enterprise", "university",
                                        "institute"]
    for verdict in result["verdicts"].values():
        assert set(verdict) == {"status", "reason", "citations", "ask"}
        assert all({"id", "quote"} <= set(c) for c in verdict["citations"])
    assert result["verdicts"]["county"]["status"] == "eligible"
    assert result["verdicts"]["service_zone"]["status"] == "eligible"
    assert result["profile"]["place"]["adcode"] == "320583"
    deadlines = {d["key"]: d for d in result["timeline"]["deadlines"]}
    assert (deadlines["receipt"]["status"], deadlines["receipt"]["days_remaining"]) == ("open", 0)


def test_check_table_is_readable_chinese() -> None:
    run = assistant("check", "我们是一家合伙企业", "--as-of", "2025-10-25")
    assert run.returncode == 0, run.stderr
    assert "国家知识产权示范企业" in run.stdout and "不能申报" in run.stdout
    assert "合伙企业不是《公司法》规定的有限责任公司或股份有限公司" in run.stdout
    assert "收取费用" in run.stdout and "《通知》五、（四）" in run.stdout and "notice#" not in run.stdout
    assert "已过" in run.stdout


def test_check_rejects_a_bad_date() -> None:
    run = assistant("check", "我们是宁波市人民政府", "--as-of", "2025-13-01")
    assert run.returncode != 0 and "YYYY-MM-DD" in run.stderr + run.stdout


def test_rules_path_imports_no_heavy_library() -> None:
    """After ``assistant check … --json`` in a fresh interpreter, no model or store library is loaded."""
    script = (
        "import sys\n"
        "from assistant.cli import app\n"
        "try:\n"
        "    app(['check', '我们是深圳市南山区人民政府', '--json'], prog_name='assistant')\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=ENV, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert "HEAVY []" in run.stderr, run.stderr
    assert json.loads(run.stdout)["verdicts"]["county"]["status"] == "eligible"


def test_quotas_command_says_not_loaded_then_answers_from_the_import(tmp_path: Path) -> None:
    empty = assistant("quotas", "--province", "浙江省", data_dir=tmp_path)
    assert empty.returncode == 0 and "附件2（名额分配表）尚未载入" in empty.stdout
    example = ROOT / "eval" / "quotas" / "example.csv"
    loaded = assistant("quotas", "--import", str(example), "--province", "浙江省", "--project", "示范企业", "--json",
                       data_dir=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    answer = json.loads(loaded.stdout)
    assert answer["loaded"] and answer["source"] == "example.csv" and answer["rows"][0]["note"].startswith("示例")
    bad = tmp_path / "bad.csv"
    bad.write_text("省份,名额\n浙江省,1\n", encoding="utf-8")
    refused = assistant("quotas", "--import", str(bad), data_dir=tmp_path)
    assert refused.returncode == 1 and "缺少列" in refused.stderr
