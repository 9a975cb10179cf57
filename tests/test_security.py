"""Nobody let in: what the code may never do, checked by reading the code itself, and what the
server does with hostile requests.

Covered elsewhere and not repeated here: writing needs the token (test_serve_api:
test_posting_an_article_needs_the_token, test_reads_can_be_closed_with_a_read_token), bodies
over the limit get 413 (test_bad_bodies_are_refused_clearly), pages escape a hostile article
everywhere (test_serve_pages: test_hostile_article_is_text_everywhere) and send the strict CSP
(test_pages_send_a_strict_content_security_policy).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from serve_corpus import HOSTILE, corpus_store, fresh_copy  # noqa: F401 - the fixture 'store'
from sayso.serve import create_app
from sayso.store import Store

PACKAGE = Path(__file__).resolve().parents[1] / "sayso"
TOKEN = "security-token-0123456789"


def modules(folder: Path = PACKAGE) -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(folder.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


# SQL is never built from strings.

SQL_CALLS = {"text", "exec_driver_sql", "execute", "executemany", "executescript", "literal_column", "TextClause"}
SQL_WORDS = re.compile(r"^\s*(select|insert|update|delete|create|drop|alter|pragma|begin|with|replace)\b", re.IGNORECASE)


def _built(node: ast.AST) -> bool:
    """An expression that assembles a string at run time: f-string, %, +, .format(), join()."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return any(isinstance(side, (ast.Constant, ast.JoinedStr, ast.BinOp)) and not isinstance(getattr(side, "value", ""), (int, float)) for side in (node.left, node.right))
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join")


def _sql_text(node: ast.AST) -> str:
    """The literal text at the start of a built string, to tell SQL from other strings."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp):
        return _sql_text(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _sql_text(node.func.value)
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def sql_built_from_strings(tree: ast.AST) -> list[int]:
    """Lines where SQL is put together from strings: a string built at run time passed to a call
    that runs SQL, or any built string that starts like an SQL statement."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SQL_CALLS and node.args and _built(node.args[0]):
                found.append(node.lineno)
        if _built(node) and SQL_WORDS.match(_sql_text(node)):
            found.append(node.lineno)
    return sorted(set(found))


def test_the_sql_scan_finds_sql_built_from_strings() -> None:
    bad = '''
text(f"SELECT * FROM articles WHERE id = '{article_id}'")
connection.exec_driver_sql("DELETE FROM members WHERE id = " + claim)
cursor.execute("PRAGMA busy_timeout = %d" % timeout)
query = "UPDATE propositions SET verdict = '{}'".format(verdict)
session.execute(text(query))
'''
    good = '''
text("SELECT pg_advisory_xact_lock(:key)")
session.execute(select(ArticleRow).where(ArticleRow.id == article_id))
message = f"cannot store article {article_id}"
cursor.execute("PRAGMA journal_mode = WAL")
'''
    assert sql_built_from_strings(ast.parse(bad)) == [2, 3, 4, 5]
    assert sql_built_from_strings(ast.parse(good)) == []


def test_no_sql_is_built_from_strings() -> None:
    found = {str(path.relative_to(PACKAGE.parent)): lines for path, tree in modules() if (lines := sql_built_from_strings(tree))}
    assert found == {}, f"SQL built from strings (use bound parameters or SQLAlchemy expressions): {found}"


# No value from a request reaches the filesystem.

# Calls that open files, and which of their arguments is the path ("*": all of them).
FS_FUNCTIONS = {"open": 0, "Path": "*", "FilePath": "*", "PurePath": "*", "FileResponse": 0, "StaticFiles": "directory",
                "Jinja2Templates": "directory", "FileSystemLoader": 0, "load_path": 0, "read": "*", "analyze": 0,
                "analyze_many": "*", "fetch": 0, "load_url": 0}
FS_METHODS = {"read_text": "owner", "read_bytes": "owner", "write_text": "owner", "write_bytes": "owner", "open": "owner",
              "iterdir": "owner", "glob": "owner", "rglob": "owner", "unlink": "owner", "mkdir": "owner",
              "TemplateResponse": 1, "get_template": 0}
OS_FUNCTIONS = {"open", "remove", "unlink", "listdir", "scandir", "stat", "rename", "replace", "makedirs", "mkdir", "rmdir", "walk"}


def _path_arguments(node: ast.Call) -> list[ast.expr]:
    """The arguments of a call that name a file, or [] when it opens none."""
    func = node.func
    where: int | str | None = None
    if isinstance(func, ast.Name):
        where = FS_FUNCTIONS.get(func.id)
    elif isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id in ("os", "shutil") and (func.attr in OS_FUNCTIONS or owner.id == "shutil"):
            where = "*"
        elif isinstance(owner, ast.Attribute) and isinstance(owner.value, ast.Name) and owner.value.id == "os" and owner.attr == "path":
            where = "*"
        else:
            where = FS_METHODS.get(func.attr)
            if where == "owner":
                return [owner]
    if where is None:
        return []
    if where == "*":
        return [*node.args, *(k.value for k in node.keywords)]
    if isinstance(where, str):
        return [k.value for k in node.keywords if k.arg == where]
    return node.args[where : where + 1]


def _names(nodes: list[ast.expr]) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name)}


def paths_from_variables(tree: ast.Module) -> list[tuple[str, int, set[str]]]:
    """(function, line, names) for each filesystem call inside a function whose arguments use
    the function's own parameters or local values; module-level constants are fine."""
    imported = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        local = {a.arg for a in [*function.args.args, *function.args.kwonlyargs, *function.args.posonlyargs]}
        local |= {t.id for node in ast.walk(function) if isinstance(node, (ast.Assign, ast.AnnAssign, ast.For, ast.With, ast.NamedExpr))
                  for t in ast.walk(node) if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)}
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and (arguments := _path_arguments(node)):
                used = (_names(arguments) & local) - imported
                if used:
                    found.append((function.name, node.lineno, used))
    return found


def callers_pass_constants(trees: list[ast.Module], function: str, parameters: set[str]) -> list[int]:
    """Lines where ``function`` is called with something other than a literal for one of ``parameters``."""
    bad = []
    for tree in trees:
        definition = next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function), None)
        order = [a.arg for a in definition.args.args] if definition else None
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == function:
                given = {k.arg: k.value for k in node.keywords}
                if order:
                    given |= dict(zip(order, node.args))
                else:
                    given |= {f"#{i}": a for i, a in enumerate(node.args)}
                for name, value in given.items():
                    if (name in parameters or name.startswith("#")) and not isinstance(value, ast.Constant):
                        if name in parameters:
                            bad.append(node.lineno)
    return bad


def test_no_request_value_reaches_the_filesystem() -> None:
    serve = [tree for _, tree in modules(PACKAGE / "serve")]
    for tree in serve:
        for function, line, names in paths_from_variables(tree):
            # A helper may take a path-like argument only when every caller passes a literal.
            path_parameters = names & {a.arg for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == function for a in n.args.args}
            assert path_parameters == names, f"{function} (line {line}) reaches the filesystem with {names}"
            assert callers_pass_constants(serve, function, path_parameters) == [], f"{function}: a caller passes a variable as {names}"


def test_the_filesystem_scan_finds_a_request_value() -> None:
    bad = ast.parse('''
def page(request, name):
    return FileResponse(HERE / name)
def render(request, template):
    return engine.TemplateResponse(request, template, {})
def caller(request, which):
    return render(request, which)
''')
    assert [(f, names) for f, _, names in paths_from_variables(bad)] == [("page", {"name"}), ("render", {"template"})]
    assert callers_pass_constants([bad], "render", {"template"}) == [7]


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store=store, token=TOKEN, read_token=""), raise_server_exceptions=False)


TRAVERSALS = [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2fetc%2fpasswd", "/outlets/..%2f..%2f..%2fetc%2fpasswd", "/outlets/../../etc/passwd",
    "/articles/..%2f..%2fetc%2fpasswd", "/propositions/..%2f..%2fetc%2fpasswd/chain.svg", "/api/articles/..%2f..%2fetc%2fpasswd",
    "/static/sayso.css/../../../pages.py", "/static/..%5c..%5capp.py", "/templates/article.html", "/static/../templates/article.html",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_paths_in_requests_never_reach_files(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (404, 422) or (response.status_code == 200 and url.startswith("/outlets/")), (url, response.status_code)
    for secret in ("root:", "def create_app", "{% block", "import "):
        assert secret not in response.text, (url, secret)
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_path_posted_as_an_article_is_only_text(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The minister said the password is swordfish, officials confirmed.", encoding="utf-8")
    store = Store(str(fresh_copy(tmp_path)))
    client = TestClient(create_app(store=store, token=TOKEN, read_token=""))
    for text in (str(secret), f"file://{secret}", str(tmp_path / "*.txt")):
        answer = client.post("/api/articles", json={"text": text, "format": "text"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code in (201, 422), answer.text
        assert "swordfish" not in answer.text
        if answer.status_code == 201:
            assert answer.json()["analysis"]["text"] == text


@pytest.mark.parametrize(
    "authorization",
    ["", "Bearer", "Bearer ", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}X", f"Token {TOKEN}",
     f"bearer  {TOKEN.upper()}", "Basic !!!", "Basic " + "x" * 5000],
)
def test_near_miss_tokens_are_refused(tmp_path: Path, authorization: str) -> None:
    store = Store(str(fresh_copy(tmp_path)))
    client = TestClient(create_app(store=store, token=TOKEN, read_token=""))
    headers = {"Authorization": authorization} if authorization else {}
    answer = client.post("/api/articles", json={"text": "The mayor said the bridge would reopen in May."}, headers=headers)
    assert answer.status_code == 401 and answer.json()["error"]["status"] == 401
    assert store.counts()["articles"] == 12


def test_tokens_are_compared_in_constant_time_only() -> None:
    """A token is never compared with == or in: only hmac.compare_digest, which takes the same time wherever they differ."""
    compared = []
    for path, tree in modules(PACKAGE / "serve"):
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in node.ops):
                names = {n.id if isinstance(n, ast.Name) else n.attr for n in ast.walk(node) if isinstance(n, (ast.Name, ast.Attribute))}
                if any("token" in name.lower() or name in ("given", "presented", "password") for name in names):
                    compared.append(f"{path.name}:{node.lineno}")
    assert compared == []
    assert "hmac.compare_digest" in (PACKAGE / "serve" / "app.py").read_text(encoding="utf-8")


def _routes(routes: list[Any], prefix: str = "") -> Iterator[Any]:
    """Every route of the app, through included routers (whose prefix their routes already carry)."""
    for route in routes:
        router = getattr(route, "original_router", None)
        if router is not None:
            yield from _routes(router.routes)
        else:
            yield route


def _sample_url(route: APIRoute) -> str:
    values = {"article": HOSTILE.id[:8], "proposition": "p<script>alert(1)</script>", "entity_id": "1", "name": "<script>alert(1)</script>"}
    return re.sub(r"\{(\w+)(?::path)?\}", lambda m: values[m.group(1)], route.path)


def test_every_route_sends_csp_and_nosniff_and_escapes_what_it_echoes(client: TestClient) -> None:
    routes = [r for r in _routes(client.app.routes) if isinstance(r, APIRoute) and "GET" in r.methods]
    assert len(routes) >= 19
    for route in routes:
        url = _sample_url(route)
        for query in ("", "?q=%3Cscript%3Ealert(1)%3C/script%3E&offset=-1&limit=9999&verdict=%3Cb%3E"):
            response = client.get(url + query)
            assert response.status_code < 500, (url + query, response.status_code)
            assert "default-src 'none'" in response.headers["content-security-policy"], url
            assert response.headers["x-content-type-options"] == "nosniff", url
            assert "<script>alert(1)" not in response.text, url + query
    for refused in (client.post("/api/articles", json={"text": "x"}), client.post("/api/articles", content=b"x" * 3_000_000)):
        assert refused.status_code in (401, 413) and refused.headers["x-content-type-options"] == "nosniff"
