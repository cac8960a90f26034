"""Parse an uploaded file in a child process capped in memory (RLIMIT_AS) and time, so no file can take the
app or the command line down with it: a bomb costs one short-lived process and comes back as a clear error.

Parent: ``parse_isolated(data, name, suffix, doc_id, limits)``. Child: ``python -m assistant.corpus.sandbox
REQUEST`` with the file's bytes on stdin; it answers one JSON object on stdout, the source text and clauses
or the error (class name and Chinese message).
"""

from __future__ import annotations

import json
import logging
import math
import re
import resource
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from assistant import errors
from assistant.corpus.limits import MB
from assistant.corpus.model import Clause
from assistant.errors import IngestError, LimitExceededError
from assistant.settings import PROJECT_ROOT, IngestLimits

log = logging.getLogger(__name__)


def parse_isolated(data: bytes, name: str, suffix: str, doc_id: str, limits: IngestLimits
                   ) -> tuple[str, list[Clause]]:
    """The source text and clauses of a file, parsed in a capped child process; its refusals are raised here."""
    request = json.dumps({"name": name, "suffix": suffix, "doc_id": doc_id, "limits": limits.model_dump()},
                         ensure_ascii=False)
    try:
        done = subprocess.run([sys.executable, "-m", "assistant.corpus.sandbox", request], input=data,
                              capture_output=True, cwd=PROJECT_ROOT, timeout=limits.max_seconds)
    except subprocess.TimeoutExpired:
        raise LimitExceededError(f"{name} 解析超过 {limits.max_seconds:g} 秒上限，未导入") from None
    if done.stderr:
        log.warning("解析 %s 的子进程输出：%s", name, done.stderr.decode("utf-8", "replace")[-3000:])
    try:
        reply = json.loads(done.stdout)
    except ValueError:
        raise LimitExceededError(f"{name} 解析时进程异常退出（可能超过 {limits.max_memory_mb:g} MB 内存或 "
                                 f"{limits.max_seconds:g} 秒上限），未导入") from None
    if "error" in reply:
        raise error_type(reply["error"])(reply["message"])
    return reply["source"], [Clause.model_validate(clause) for clause in reply["clauses"]]


def error_type(name: str) -> type[IngestError]:
    found = getattr(errors, name, None)
    return found if isinstance(found, type) and issubclass(found, IngestError) else IngestError


def cap_resources(limits: IngestLimits) -> None:
    """Cap this process's address space and CPU time (the parent also stops it after ``max_seconds``)."""
    memory = int(limits.max_memory_mb * MB)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    seconds = math.ceil(limits.max_seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def out_of_memory(error: Exception, limits: IngestLimits) -> bool:
    """A MemoryError, itself or as the cause, or any failure after this process came within 10 % of its cap
    (lxml reports a failed allocation as a syntax error)."""
    if isinstance(error, MemoryError) or isinstance(error.__cause__, MemoryError):
        return True
    peak_kb = int(re.search(r"VmPeak:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))
    return peak_kb * 1024 >= 0.9 * limits.max_memory_mb * MB


def answer(request: dict[str, Any], data: bytes) -> dict[str, Any]:
    """What the child prints: the parsed document, or the error a user should see."""
    from assistant.corpus.parsing import parse_file

    name, limits = request["name"], IngestLimits.model_validate(request["limits"])
    try:
        source, clauses = parse_file(data, name, request["suffix"], request["doc_id"], limits)
    except LimitExceededError as error:
        return {"error": type(error).__name__, "message": str(error)}
    except Exception as error:
        if out_of_memory(error, limits):
            return {"error": LimitExceededError.__name__,
                    "message": f"{name} 解析所需内存超过 {limits.max_memory_mb:g} MB 上限，未导入"}
        if isinstance(error, IngestError):
            return {"error": type(error).__name__, "message": str(error)}
        traceback.print_exc()  # whatever a parsing library raises on a malformed file: it cannot be read
        return {"error": errors.DecodeError.__name__, "message": f"{name} 无法读取（文件损坏或与扩展名不符），未导入"}
    return {"source": source, "clauses": [clause.model_dump(mode="json") for clause in clauses]}


def main() -> None:
    request = json.loads(sys.argv[1])
    cap_resources(IngestLimits.model_validate(request["limits"]))
    reply = answer(request, sys.stdin.buffer.read())
    sys.stdout.buffer.write(json.dumps(reply, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
