"""`colt-tui fetch` against a miniature EDGAR on 127.0.0.1: two quarters of master.idx in EDGAR's format
and a handful of submissions (the sample filings and fixtures). A fake clock drives the rate limiter
and the backoff, and the server stamps each request with it."""

from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui.fetch import FetchRefused, fetch
from tui.fetch.edgar_index import parse_master, quarters
from tui.fetch.limiter import TokenBucket

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 12, 7)  # both 1997 quarters are closed
UA = "Jane Analyst jane@example.com"
HEADER = """Description:           Master Index of EDGAR Dissemination Feed
Last Data Received:    {last}
Comments:              webmaster@sec.gov
Anonymous FTP:         ftp://ftp.sec.gov/edgar/




CIK|Company Name|Form Type|Date Filed|Filename
--------------------------------------------------------------------------------
"""
MS_10K = "edgar/data/789019/0000891020-97-001330.txt"
COLT_6K = "edgar/data/1034258/0001034258-97-000003.txt"
APPLE_10K = "edgar/data/320193/0000320193-97-000021.txt"
MS_10Q = "edgar/data/789019/0000891020-97-001620.txt"
BULK = [f"edgar/data/99999/0000099999-97-{k:06d}.txt" for k in range(10)]


def miniature_edgar() -> dict[str, bytes]:
    """The archive: path under /Archives -> bytes."""
    q3 = [f"789019|MICROSOFT CORP|10-K|1997-09-29|{MS_10K}",
          f"2488|ADVANCED MICRO DEVICES INC|10-Q|1997-08-12|{BULK[0]}"]
    q4 = [f"1034258|COLT TELECOM GROUP PLC|6-K|1997-10-03|{COLT_6K}",
          f"320193|APPLE COMPUTER INC|10-K|1997-12-05|{APPLE_10K}",
          f"789019|MICROSOFT CORP|10-Q|1997-11-14|{MS_10Q}"]
    q4 += [f"99999|BULK FILER CO|8-K|1997-11-{k + 1:02d}|{path}" for k, path in enumerate(BULK)]
    return {
        "edgar/full-index/1997/QTR3/master.idx": (HEADER.format(last="September 30, 1997") + "\n".join(q3) + "\n")
        .encode("latin-1"),
        "edgar/full-index/1997/QTR4/master.idx": (HEADER.format(last="December 31, 1997") + "\n".join(q4) + "\n")
        .encode("latin-1"),
        MS_10K: (REPO / "tests/fixtures/extra/11_microsoft-10k-1997.txt").read_bytes(),
        COLT_6K: (REPO / "filings/000_18845e77b5f2995d.txt").read_bytes(),
        APPLE_10K: (REPO / "tests/fixtures/extra/02_apple-10q-1997q2.txt").read_bytes(),
        MS_10Q: (REPO / "filings/002_3c3cc2a74b250ec0.txt").read_bytes(),
        **{path: f"<SEC-DOCUMENT>bulk {k}\n".encode() * 50 for k, path in enumerate(BULK)},
    }


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        self.slept += max(seconds, 0.0)


class Edgar:
    """The server: serves the archive, records (fake time, path, user agent), follows a script per path."""

    def __init__(self, clock: FakeClock) -> None:
        self.files = miniature_edgar()
        self.clock = clock
        self.log: list[tuple[float, str, str]] = []
        self.script: dict[str, list[str]] = {}  # path -> actions for its next requests: 429, 403, threshold, drop
        edgar = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.removeprefix("/Archives/")
                edgar.log.append((edgar.clock.time(), path, self.headers.get("User-Agent", "")))
                actions = edgar.script.get(path)
                action = actions.pop(0) if actions else None
                body = edgar.files.get(path)
                if action in ("429", "403"):
                    self._reply(int(action), b"no")
                elif action == "threshold":
                    self._reply(200, b"<html><body><h1>Your Request Rate Threshold Exceeded</h1></body></html>")
                elif body is None:
                    self._reply(404, b"not found")
                elif action == "drop":
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                else:
                    self._reply(200, body)

            def _reply(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def filing_requests(self) -> list[str]:
        return [path for _, path, _ in self.log if not path.startswith("edgar/full-index/")]


@pytest.fixture()
def edgar():
    clock = FakeClock()
    server = Edgar(clock)
    yield server
    server.server.shutdown()
    server.server.server_close()


def run(edgar: Edgar, tmp_path: Path, **criteria):
    clock = edgar.clock
    options: dict[str, object] = dict(start=date(1997, 7, 1), end=date(1997, 12, 31), user_agent=UA, base_url=edgar.url,
                   cache_dir=tmp_path / "cache", limiter=TokenBucket(8, clock=clock.time, sleep=clock.sleep),
                   sleep=clock.sleep, today=TODAY)
    options.update(criteria)
    return fetch(tmp_path / "dest", **options)  # type: ignore[arg-type]  # each option has the type fetch wants



def test_the_index_format_and_the_quarters_a_range_needs():
    entries = parse_master(miniature_edgar()["edgar/full-index/1997/QTR3/master.idx"].decode("latin-1"))
    assert [(e.cik, e.company, e.form, e.filed.isoformat()) for e in entries] == [
        ("789019", "MICROSOFT CORP", "10-K", "1997-09-29"), ("2488", "ADVANCED MICRO DEVICES INC", "10-Q", "1997-08-12")]
    assert entries[0].saved_name == "789019_0000891020-97-001330.txt"
    assert quarters(date(1996, 12, 31), date(1997, 4, 1)) == [(1996, 4), (1997, 1), (1997, 2)]


def test_the_right_filings_by_cik_company_form_and_dates_byte_for_byte(edgar, tmp_path):
    report = run(edgar, tmp_path, ciks=["789019"], forms=["10-K"])
    assert report.fetched == ["789019_0000891020-97-001330.txt"] and not report.failed and not report.blocked
    assert (tmp_path / "dest" / report.fetched[0]).read_bytes() == edgar.files[MS_10K]
    assert all(agent == UA for _, _, agent in edgar.log)
    by_company = run(edgar, tmp_path, company="colt telecom", dry_run=True)
    assert [e.saved_name for e in by_company.selected] == ["1034258_0001034258-97-000003.txt"]
    in_range = run(edgar, tmp_path, start=date(1997, 11, 1), end=date(1997, 11, 30), forms=["10-q"], dry_run=True)
    assert [e.filename for e in in_range.selected] == [MS_10Q]
    assert sorted(p.name for p in (tmp_path / "dest").iterdir()) == ["789019_0000891020-97-001330.txt"]


def test_the_rate_limit_holds_and_a_rerun_with_everything_present_requests_no_filing(edgar, tmp_path):
    report = run(edgar, tmp_path)
    assert len(report.fetched) == 15 and report.requests == 17  # 2 indexes, 15 submissions
    times = sorted(stamp for stamp, _, _ in edgar.log)
    assert max(sum(1 for t in times if start <= t < start + 1.0) for start in times) <= 8
    for entry in report.selected:
        assert (tmp_path / "dest" / entry.saved_name).read_bytes() == edgar.files[entry.filename]
    before = len(edgar.log)
    again = run(edgar, tmp_path)
    assert len(again.present) == 15 and not again.fetched and len(edgar.log) == before  # closed quarters: cached


def test_a_429_is_retried_after_a_backoff(edgar, tmp_path):
    edgar.script[MS_10K] = ["429"]
    report = run(edgar, tmp_path, ciks=["789019"], forms=["10-K"])
    assert report.fetched == ["789019_0000891020-97-001330.txt"] and edgar.filing_requests() == [MS_10K, MS_10K]
    retried = [stamp for stamp, path, _ in edgar.log if path == MS_10K]
    assert retried[1] - retried[0] >= 1.0  # a backoff of a second before the retry (on the fake clock)


@pytest.mark.parametrize("action", ["403", "threshold", "429 for good"])
def test_a_block_stops_the_run_with_the_message(edgar, tmp_path, action):
    edgar.script[COLT_6K] = ["429"] * 10 if action == "429 for good" else [action]
    report = run(edgar, tmp_path)
    assert report.blocked and "wait 10 minutes" in report.blocked
    attempts = 5 if action == "429 for good" else 1  # four retries, then it is a block
    assert edgar.filing_requests() == [MS_10K, BULK[0]] + [COLT_6K] * attempts  # nothing after the block
    assert not (tmp_path / "dest" / "1034258_0001034258-97-000003.txt").exists()


def test_a_dropped_connection_leaves_no_file_and_a_rerun_completes_it(edgar, tmp_path):
    edgar.script[MS_10K] = ["drop"] * 5  # every attempt
    report = run(edgar, tmp_path, ciks=["789019"], forms=["10-K"])
    assert report.failed == [("789019_0000891020-97-001330.txt", "connection dropped mid-file (after 4 retries)")]
    assert list((tmp_path / "dest").iterdir()) == []  # neither the final name nor a partial file
    again = run(edgar, tmp_path, ciks=["789019"], forms=["10-K"])
    assert again.fetched == ["789019_0000891020-97-001330.txt"]
    assert (tmp_path / "dest" / again.fetched[0]).read_bytes() == edgar.files[MS_10K]


def test_no_user_agent_refuses_to_start(edgar, tmp_path, capsys):
    with pytest.raises(FetchRefused, match="User-Agent"):
        run(edgar, tmp_path, user_agent=None)
    assert edgar.log == []
    from tui.cli import main

    code = main(["fetch", str(tmp_path / "dest"), "--base-url", edgar.url, "--cik", "789019"])
    error = capsys.readouterr().err
    assert code == 2 and "User-Agent" in error and error.count("\n") == 1 and edgar.log == []


def test_the_command_line_fetches_and_summarises(edgar, tmp_path, capsys, monkeypatch):
    from tui.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    code = main(["fetch", str(tmp_path / "dest"), "--base-url", edgar.url, "--cik", "789019", "--form", "10-K",
                 "--from", "1997-07-01", "--to", "1997-12-31", "--user-agent", UA])
    out = capsys.readouterr().out
    assert code == 0 and "fetched 1" in out and "already there 0" in out
    assert (tmp_path / "dest" / "789019_0000891020-97-001330.txt").read_bytes() == edgar.files[MS_10K]
    assert (tmp_path / "xdg" / "colt-tui" / "edgar-index").is_dir()  # the user cache folder, not DEST


def test_a_fetched_folder_opens_and_a_gzipped_filing_reads_like_a_plain_one(tmp_path):
    import gzip

    from parser import load_filing

    plain = REPO / "filings" / "001_e47b350a37731711.txt"
    packed = tmp_path / "001.txt.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = load_filing(plain), load_filing(packed)
    assert b.error is None and [t.title for t in a.tables] == [t.title for t in b.tables]
    assert a.tables[5].rows == b.tables[5].rows
    from tui.index import open_index

    index = open_index(tmp_path, ":memory:")  # the browser's and the commands' index lists it like a .txt
    assert [Path(p).name for p in index.ordered_paths] == ["001.txt.gz"]
    assert index.summaries[str(packed)].n_tables == len(a.tables) and not index.summaries[str(packed)].error
    index.close()


def test_dry_run_lists_and_dest_inside_the_cache_or_package_is_refused(edgar, tmp_path, capsys, monkeypatch):
    from tui.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    code = main(["fetch", str(tmp_path / "dest"), "--base-url", edgar.url, "--company", "microsoft",
                 "--from", "1997-07-01", "--to", "1997-12-31", "--user-agent", UA, "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0 and "789019_0000891020-97-001330.txt" in out and "789019_0000891020-97-001620.txt" in out
    assert "2 filings would be fetched" in out and not (tmp_path / "dest").exists()
    assert edgar.filing_requests() == []
    with pytest.raises(FetchRefused, match="inside the index cache"):
        fetch(tmp_path / "cache" / "inside", user_agent=UA, base_url=edgar.url, cache_dir=tmp_path / "cache")
    with pytest.raises(FetchRefused, match="inside the colt-tui package"):
        fetch(REPO / "tui" / "filings", user_agent=UA, base_url=edgar.url, cache_dir=tmp_path / "cache")
    assert not (REPO / "tui" / "filings").exists()


def test_the_user_agent_may_come_from_the_environment_or_the_config(edgar, tmp_path, capsys, monkeypatch):
    from tui.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    arguments = ["fetch", str(tmp_path / "dest"), "--base-url", edgar.url, "--cik", "1034258",
                 "--from", "1997-07-01", "--to", "1997-12-31"]
    monkeypatch.setenv("COLT_TUI_USER_AGENT", "Env Person env@example.com")
    assert main(arguments) == 0
    monkeypatch.delenv("COLT_TUI_USER_AGENT")
    config = tmp_path / "config.toml"
    config.write_text('user_agent = "Config Person config@example.com"\n', encoding="utf-8")
    monkeypatch.setenv("COLT_TUI_CONFIG", str(config))
    assert main(arguments + ["--cik", "789019", "--form", "10-K", "--form", "6-K"]) == 0
    assert "fetched 1" in capsys.readouterr().out.splitlines()[-1]  # the 10-K; the 6-K is already there
    agents = [agent for _, _, agent in edgar.log]
    assert agents[0] == "Env Person env@example.com" and agents[-1] == "Config Person config@example.com"


def test_every_fetch_in_a_process_shares_one_bucket():
    from tui.fetch.limiter import SEC_RATE, process_bucket

    assert process_bucket() is process_bucket() and process_bucket().rate == SEC_RATE == 8.0


def test_a_refused_dest_is_named_escaped(tmp_path):
    from tui.fetch.run import FetchRefused, _check_dest

    cache = tmp_path / "cache\x1b[31m"
    cache.mkdir()
    try:
        _check_dest((cache / "sub").resolve(), cache.resolve())
    except FetchRefused as error:
        assert "refusing to write inside the index cache" in str(error) and "\x1b" not in str(error)
    else:
        raise AssertionError("a DEST inside the index cache was accepted")
