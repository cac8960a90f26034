"""Staff documents at scale: ingest speed (clauses per second on a large text; a 10-page provincial notice end to
end through the CLI) and warm answer latency with 2 000 clauses loaded.

Usage: .venv/bin/python bench/bench_documents.py
Targets (2-core machine): >= 200 clauses/s, 10-page CLI ingest < 3 s, warm ask p95 < 50 ms at 2 000 clauses.
Prints numbers next to the targets; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, percentile, questions

CN = "一二三四五六七八九十"
PROVINCES = ["河北", "山西", "辽宁", "吉林", "安徽", "福建", "江西", "山东", "河南", "湖北", "广西", "海南", "四川",
             "贵州", "云南", "陕西", "甘肃", "青海", "宁夏", "新疆"]


def notice(province: str, sections: int, items: int) -> str:
    """A provincial forwarding notice in 公文 form: sections × items clauses, ~90 characters each."""
    lines = [f"{province[0]}知发〔2025〕{len(province) * 7}号", "",
             f"{province}省知识产权局关于转发《国家知识产权局关于组织开展2025—2027年知识产权强国建设示范创建工作的通知》的通知",
             "", "各市知识产权局：", "", "现将国家知识产权局通知转发给你们，请认真组织申报。", ""]
    for s in range(sections):
        lines += [f"{CN[s % 10]}{'、' if s < 10 else '十、'}第{s + 1}部分要求", ""]
        for i in range(items):
            lines += [f"（{CN[i % 10]}）{province}第{s + 1}部分第{i + 1}项：各市要严格审核申报材料的真实性，"
                      f"确保{province}推荐的第{i + 1}类申报单位符合国家通知规定的申报条件，并于10月{10 + i % 10}日前报送。", ""]
    lines += [f"{province}省知识产权局", "2025年9月20日"]
    return "\n".join(lines)


def cli_ingest(data_dir: Path, path: Path) -> float:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "assistant", "ingest", str(path)], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    from assistant.answering import Assistant
    from assistant.ingest import ingest_file
    from assistant.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "ASSISTANT_DATA_DIR": str(data)})
        ten_pages = root / "ten-pages.txt"
        ten_pages.write_text(notice("湖南", 6, 10), encoding="utf-8")  # ~60 clauses, ~10 pages printed
        seconds = cli_ingest(data, ten_pages)
        print(f"10-page notice through the CLI: {seconds:.2f} s end to end   (target < 3 s)")

        settings = Settings(data_dir=data)
        large = root / "large.txt"
        large.write_text(notice("广东", 15, 100), encoding="utf-8")  # ~1 500 clauses
        started = time.perf_counter()
        result = ingest_file(settings, large)
        elapsed = time.perf_counter() - started
        print(f"large text: {result.clauses} clauses in {elapsed:.1f} s = {result.clauses / elapsed:.0f} clauses/s"
              "   (target >= 200)")

        for province in PROVINCES[:8]:
            path = root / f"{province}.txt"
            path.write_text(notice(province, 5, 11), encoding="utf-8")
            ingest_file(settings, path)
        assistant = Assistant(settings)
        assistant.index.warm_up()
        loaded = len(assistant.library.clauses())
        latencies = []
        for question in questions() * 2:
            started = time.perf_counter()
            assistant.ask(question)
            latencies.append((time.perf_counter() - started) * 1000)
        print(f"warm ask with {loaded} clauses: p50={statistics.median(latencies):.1f} ms "
              f"p95={percentile(latencies, 0.95):.1f} ms   (target p95 < 50 ms at 2 000 clauses)")


if __name__ == "__main__":
    main()
