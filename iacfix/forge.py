"""A small GitHub REST v3 client for ``iacfix pr`` (urllib only, no dependency).

Only what the bot needs: find the open pull request of a branch, open one,
edit it, close it, and label it. Every failure is a ``ForgeError`` whose text
is one line fit for ``iacfix: error: ...`` (the API's own ``message`` when it
sent one).

A rate-limited request (403 or 429) is retried as GitHub's REST documentation
asks ("Best practices for using the REST API", rate limits): after ``Retry-After``
seconds when the header is sent, else when ``X-RateLimit-Remaining`` is 0 at
``X-RateLimit-Reset``, else (a secondary rate limit without headers) after one
minute, doubling on each further try; at most ``retries`` times, and never
waiting longer than ``max_wait`` seconds at once (then it fails at once).
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import List, Optional

from iacfix import __version__
from iacfix.redact import redact

DEFAULT_API_URL = "https://api.github.com"


class ForgeError(Exception):
    """A request to the forge failed; the text is one line. ``iacfix pr`` exits with ``code``
    (2: the run failed, as a push that git rejects does; 1 is a refusal, a decision to leave
    something alone)."""

    code = 2


_sleep = time.sleep  # tests replace it


def repo_from_url(url: str) -> Optional[str]:
    """``owner/name`` from a git remote URL (https, ssh, scp-like); None for anything else.

    >>> repo_from_url("git@github.com:acme/infra.git")
    'acme/infra'
    >>> repo_from_url("https://x-access-token:t@github.example.com/acme/infra")
    'acme/infra'
    """
    url = url.strip()
    m = re.match(r"^(?:https?|ssh|git)://(?:[^@/]+@)?[^/]+/(.+)$", url)  # scheme://[user@]host[:port]/path
    if m is None:
        m = re.match(r"^[^@/:]+@[^/:]+:(.+)$", url)  # scp-like: git@host:owner/name
    if m is None:
        return None
    path = m.group(1).strip("/")
    if path.endswith(".git"):
        path = path[:-4]
    parts = path.split("/")
    if len(parts) != 2 or not all(parts):
        return None
    return path


class GitHub:
    def __init__(self, token: str, repo: str, api_url: str = DEFAULT_API_URL, timeout: float = 30,
                 retries: int = 3, max_wait: float = 300):
        self.retries = retries
        self.max_wait = max_wait
        self.token = token
        self.owner, _, self.name = repo.partition("/")
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout

    # -- the endpoints the bot uses -------------------------------------------------

    def open_pull(self, branch: str) -> Optional[dict]:
        """The open pull request whose head is ``branch`` of this repository, if any."""
        pulls = self._request("GET", self._repo_path("pulls"),
                              query={"head": f"{self.owner}:{branch}", "state": "open"})
        return pulls[0] if pulls else None

    def last_closed_pull(self, branch: str) -> Optional[dict]:
        """The most recently created closed pull request whose head is ``branch``, if any."""
        pulls = self._request("GET", self._repo_path("pulls"),
                              query={"head": f"{self.owner}:{branch}", "state": "closed"})
        return pulls[0] if pulls else None

    def create_pull(self, title: str, body: str, head: str, base: str, draft: bool = False) -> dict:
        return self._request("POST", self._repo_path("pulls"),
                             {"title": title, "body": body, "head": head, "base": base, "draft": draft})

    def update_pull(self, number: int, **fields) -> dict:
        return self._request("PATCH", self._repo_path(f"pulls/{number}"), fields)

    def close_pull(self, number: int) -> dict:
        return self.update_pull(number, state="closed")

    def add_labels(self, number: int, labels: List[str]) -> list:
        return self._request("POST", self._repo_path(f"issues/{number}/labels"), {"labels": list(labels)})

    # -- plumbing --------------------------------------------------------------------

    def _repo_path(self, rest: str) -> str:
        return f"/repos/{urllib.parse.quote(self.owner)}/{urllib.parse.quote(self.name)}/{rest}"

    def _request(self, method: str, path: str, body: Optional[dict] = None, query: Optional[dict] = None):
        attempt = 0
        while True:
            try:
                return self._request_once(method, path, body, query)
            except _RateLimited as e:
                wait = e.wait(attempt)
                if attempt >= self.retries or wait > self.max_wait:
                    raise ForgeError(e.text) from None
                _sleep(wait)
                attempt += 1

    def _request_once(self, method: str, path: str, body: Optional[dict], query: Optional[dict]):
        url = self.api_url + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = json.dumps(body).encode("utf-8") if body is not None else None
        req = urllib.request.Request(url, data=data, method=method, headers={
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self.token}",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": f"iacfix/{__version__}",
            **({"Content-Type": "application/json"} if data is not None else {}),
        })
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                raw = resp.read()
        except urllib.error.HTTPError as e:
            payload = _payload(e)
            text = redact(_http_error(method, path, e, payload), [self.token])
            if _rate_limited(e, payload):
                raise _RateLimited(text, e.headers) from None
            raise ForgeError(text) from None
        except urllib.error.URLError as e:
            raise ForgeError(redact(f"cannot reach {self.api_url}: {e.reason}", [self.token])) from None
        except (TimeoutError, OSError, ValueError) as e:  # ValueError: a URL urllib cannot use
            raise ForgeError(redact(f"cannot reach {self.api_url}: {e}", [self.token])) from None
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            raise ForgeError(f"{method} {path}: the API answered with something that is not JSON") from None


class _RateLimited(Exception):
    def __init__(self, text: str, headers):
        super().__init__(text)
        self.text = text
        self.headers = headers

    def wait(self, attempt: int) -> float:
        """Seconds to wait before try ``attempt + 1``."""
        retry = self.headers.get("Retry-After")
        if retry and retry.strip().isdigit():
            return int(retry)
        reset = self.headers.get("X-RateLimit-Reset")
        if self.headers.get("X-RateLimit-Remaining") == "0" and reset and reset.isdigit():
            return max(int(reset) - time.time(), 0) + 1
        return 60 * 2 ** attempt


def _payload(e: urllib.error.HTTPError) -> dict:
    try:
        payload = json.loads(e.read() or b"{}")
    except ValueError:
        payload = {}
    return payload if isinstance(payload, dict) else {}


def _rate_limited(e: urllib.error.HTTPError, payload: dict) -> bool:
    """A primary or secondary rate limit, not a 403 for a missing permission."""
    if e.code not in (403, 429):
        return False
    return (e.code == 429 or bool(e.headers.get("Retry-After")) or e.headers.get("X-RateLimit-Remaining") == "0"
            or "rate limit" in str(payload.get("message") or "").lower())


def _http_error(method: str, path: str, e: urllib.error.HTTPError, payload: dict) -> str:
    message = payload.get("message") if isinstance(payload, dict) else None
    details = []
    if isinstance(payload, dict):
        for err in payload.get("errors") or []:
            if isinstance(err, dict) and err.get("message"):
                details.append(err["message"])
            elif isinstance(err, str):
                details.append(err)
    text = message or e.reason or "no message"
    if details:
        text += " (" + "; ".join(details) + ")"
    if e.code in (403, 429) and e.headers.get("X-RateLimit-Remaining") == "0":
        reset = e.headers.get("X-RateLimit-Reset")
        when = ""
        if reset and reset.isdigit():
            when = " until " + time.strftime("%H:%M:%S UTC", time.gmtime(int(reset)))
        return f"GitHub API rate limit exceeded{when}: {text}"
    retry = e.headers.get("Retry-After")  # secondary rate limits
    if e.code in (403, 429) and retry and retry.isdigit():
        text += f" (retry after {retry} s)"
    return f"GitHub API {method} {path} failed with HTTP {e.code}: {text}"
