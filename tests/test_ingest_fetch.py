"""http(s) inputs, against a server the test runs on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sayso.errors import IngestError
from sayso.ingest import read
from sayso.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
# Over 100,000 bytes, with an article under sayso's limit of 100,000 characters (the styles are not text).
BIG = (b"<html><head><style>" + b"p { margin: 0 } " * 1500 + b"</style></head><body><article><p>"
       + b"The harbour board met again. " * 3000 + b"</p></article></body></html>")
RELEASE = threading.Event()  # lets the slow handler finish when the tests are done
SEEN_AGENTS: list[str] = []


class Newsroom(BaseHTTPRequestHandler):
    routes = {
        "/story": (200, "text/html; charset=utf-8", (FIXTURES / "harbour.html").read_bytes()),
        "/feed.xml": (200, "application/rss+xml", (FIXTURES / "ledger.rss").read_bytes()),
        "/plain": (200, "text/plain", (FIXTURES / "harbour.txt").read_bytes()),
        "/missing": (404, "text/html", b"<html><body>Not here</body></html>"),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
        "/empty": (200, "text/plain", b""),
        "/big": (200, "text/html", BIG),
    }

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/old":
            self._redirect("/story")
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/slow":
            RELEASE.wait(5)
            self._send(200, "text/plain", b"Too late.")
        elif self.path == "/big-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the body ends when the connection closes
            for start in range(0, len(BIG), 8192):
                self.wfile.write(BIG[start : start + 8192])
        else:
            self._send(*self.routes[self.path])

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


class QuietServer(ThreadingHTTPServer):
    """The client hanging up mid-body is what the size-limit tests provoke: not an error here."""

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), Newsroom)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    RELEASE.set()
    server.shutdown()
    server.server_close()


def only(items: Iterator[Article | IngestError]) -> Article | IngestError:
    (item,) = items
    return item


def test_page_is_fetched_and_extracted(site: str) -> None:
    article = only(read(f"{site}/story"))
    assert isinstance(article, Article)
    assert article.title == "Millbrook harbour board raises mooring fees for third year"
    assert article.source == f"{site}/story"
    assert article.url == "https://ledger.example/news/2023/04/harbour-fees"  # the page's canonical link
    assert SEEN_AGENTS[-1] == "sayso/0.1"


def test_redirect_is_followed(site: str) -> None:
    article = only(read(f"{site}/old"))
    assert isinstance(article, Article)
    assert article.source == f"{site}/old"
    assert article.outlet == "The Millbrook Ledger"


def test_feed_and_plain_text_urls(site: str) -> None:
    assert [a.title for a in read(f"{site}/feed.xml") if isinstance(a, Article)] == [
        "Ferry timetable cut as diesel costs climb",
        "Library extends weekend hours",
    ]
    plain = only(read(f"{site}/plain"))
    assert (plain.byline, plain.url) == ("Priya Okonkwo-Hale", f"{site}/plain")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/loop", "too many redirects (more than 5)"),
        ("/logo.png", "unsupported content type image/png"),
        ("/empty", "empty response"),
        ("/big", "response larger than 100,000 bytes"),
        ("/big-stream", "response larger than 100,000 bytes"),
        ("/slow", "timed out after 0.3 s"),
    ],
)
def test_download_failures_are_one_line_errors(site: str, path: str, reason: str) -> None:
    error = only(read(f"{site}{path}", timeout=0.3, max_bytes=100_000))
    assert isinstance(error, IngestError)
    assert str(error) == f"{site}{path}: {reason}"


def test_big_page_within_the_limit_is_read(site: str) -> None:
    article = only(read(f"{site}/big-stream", max_bytes=len(BIG)))
    assert isinstance(article, Article)
    assert article.text.startswith("The harbour board met again.")


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = only(read(f"http://127.0.0.1:{port}/story"))
    assert isinstance(error, IngestError)
    assert error.reason.startswith("could not connect (")
    assert "refused" in error.reason.lower()
