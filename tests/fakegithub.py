"""A fake GitHub REST v3 API for the pull-request bot's tests.

Serves the few endpoints ``iacfix pr`` uses from in-memory state, on 127.0.0.1
and a free port, and records every request so tests can assert on them:

    GET   /repos/{o}/{r}/pulls?head={o}:{branch}&state=open
    POST  /repos/{o}/{r}/pulls
    PATCH /repos/{o}/{r}/pulls/{n}
    POST  /repos/{o}/{r}/issues/{n}/labels

``fail(method, path, status, payload, headers)`` makes the next matching
request fail the way GitHub does (``times`` requests, default 1).
``branch_exists`` (optional) lets it refuse a pull request whose head branch
was not pushed, as GitHub answers 422.

It enforces GitHub's limits on a pull request as the real API answers them (422
Validation Failed, ``title is too long (maximum is 256 characters)``, ``body is too
long (maximum is 65536 characters)``; both counted in characters, i.e. code points),
on creation and on edit, so a bot that passes here does not fail after its push.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional
from urllib.parse import parse_qs, urlsplit

MAX_TITLE = 256  # characters, as GitHub's "title is too long (maximum is 256 characters)"
MAX_BODY = 65536  # characters, as GitHub's "body is too long (maximum is 65536 characters)"


def _too_long(body: dict):
    """GitHub's 422 for a title or body over its limit, else None."""
    errors = []
    for name, limit in (("title", MAX_TITLE), ("body", MAX_BODY)):
        value = body.get(name)
        if isinstance(value, str) and len(value) > limit:
            errors.append({"resource": "Issue", "code": "custom", "field": name,
                           "message": f"{name} is too long (maximum is {limit} characters)"})
    if errors:
        return 422, {"message": "Validation Failed", "errors": errors}, {}
    return None


@dataclass
class Request:
    method: str
    path: str
    query: Dict[str, str]
    body: Optional[dict]
    headers: Dict[str, str]


@dataclass
class _Failure:
    method: str
    path: str
    status: int
    payload: dict
    headers: Dict[str, str]
    times: int


@dataclass
class FakeGitHub:
    token: str = "test-token"
    branch_exists: Optional[Callable[[str], bool]] = None
    pulls: Dict[int, dict] = field(default_factory=dict)
    requests: List[Request] = field(default_factory=list)
    _failures: List[_Failure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> "FakeGitHub":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _handle(self):
                fake._serve(self)

            do_GET = do_POST = do_PATCH = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def fail(self, method: str, path: str, status: int, payload: dict, headers: Optional[dict] = None,
             times: int = 1) -> None:
        self._failures.append(_Failure(method, path, status, payload, dict(headers or {}), times))

    def calls(self, method: Optional[str] = None) -> List[Request]:
        return [r for r in self.requests if method is None or r.method == method]

    def open_pulls(self) -> List[dict]:
        return [p for p in self.pulls.values() if p["state"] == "open"]

    # -- serving -----------------------------------------------------------------------

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        with self._lock:
            self.requests.append(Request(h.command, parts.path, query, body, dict(h.headers)))
            status, payload, headers = self._answer(h.command, parts.path, query, body, h.headers)
        data = json.dumps(payload).encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", "application/json; charset=utf-8")
        h.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)

    def _answer(self, method, path, query, body, headers):
        for f in self._failures:
            if f.times > 0 and f.method == method and f.path == path:
                f.times -= 1
                return f.status, f.payload, f.headers
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 401, {"message": "Bad credentials"}, {}
        m = re.fullmatch(r"/repos/([^/]+)/([^/]+)/(pulls|pulls/(\d+)|issues/(\d+)/labels)", path)
        if m is None:
            return 404, {"message": "Not Found"}, {}
        owner, repo, what, pull_no, issue_no = m.groups()
        if what == "pulls" and method == "GET":
            head = query.get("head", "")
            state = query.get("state", "open")
            found = [p for p in self.pulls.values()
                     if (not head or f"{owner}:{p['head']['ref']}" == head) and (state == "all" or p["state"] == state)]
            return 200, sorted(found, key=lambda p: -p["number"]), {}  # newest first, as GitHub sorts
        if what == "pulls" and method == "POST":
            return self._create(owner, repo, body or {})
        if pull_no and method == "PATCH":
            pull = self.pulls.get(int(pull_no))
            if pull is None:
                return 404, {"message": "Not Found"}, {}
            refused = _too_long(body or {})
            if refused:
                return refused
            for k in ("title", "body", "state", "base"):
                if k in (body or {}):
                    pull[k] = body[k]
            return 200, pull, {}
        if issue_no and method == "POST":
            pull = self.pulls.get(int(issue_no))
            if pull is None:
                return 404, {"message": "Not Found"}, {}
            for name in (body or {}).get("labels", []):
                if name not in [x["name"] for x in pull["labels"]]:
                    pull["labels"].append({"name": name})
            return 200, pull["labels"], {}
        return 404, {"message": "Not Found"}, {}

    def _create(self, owner, repo, body):
        missing = [k for k in ("title", "head", "base") if not body.get(k)]
        if missing:
            return 422, {"message": "Validation Failed",
                         "errors": [{"resource": "PullRequest", "code": "missing_field", "field": k} for k in missing]}, {}
        refused = _too_long(body)
        if refused:
            return refused
        head = body["head"]
        if any(p["head"]["ref"] == head and p["state"] == "open" for p in self.pulls.values()):
            return 422, {"message": "Validation Failed",
                         "errors": [{"message": f"A pull request already exists for {owner}:{head}."}]}, {}
        if self.branch_exists is not None and not self.branch_exists(head):
            return 422, {"message": "Validation Failed",
                         "errors": [{"resource": "PullRequest", "field": "head", "code": "invalid"}]}, {}
        number = len(self.pulls) + 1
        pull = {
            "number": number,
            "html_url": f"https://github.example/{owner}/{repo}/pull/{number}",
            "state": "open",
            "title": body["title"],
            "body": body.get("body", ""),
            "draft": bool(body.get("draft")),
            "head": {"ref": head},
            "base": {"ref": body["base"]},
            "labels": [],
            "merged_at": None,
        }
        self.pulls[number] = pull
        return 201, pull, {}
