"""`make bench-workspaces`: workspace pages at scale, for a member and for platform staff.

Run through the Makefile, which prepares a database under production settings with the demo
world (`seed_demo`) and the generated one on top (`seed_bulk`, `demo/bulk.py`). Three measures:

1. SQL queries per workspace page, in this process with Django's test client, for
   `member_legal` and for `staff`, each page read twice first (a returning reader: the thread
   is marked read, caches are warm). Pages over the budget of issue 12 are flagged.
2. Requests per second and latency under gunicorn (`demo.bench`), signed in as the member by a
   session cookie, beside `/healthz`, a bare Django view, in the same run: on a shared machine
   the ratio is the figure that carries from one run to the next.
3. The resident memory of each gunicorn worker after start-up and after about 1,000 requests
   spread over the workspace pages.
4. Milliseconds per request in this process, Django's test client signed in as the member (the
   median of five runs of twenty requests after five warm-ups): without gunicorn, the network
   and the load generator on the same cores, the steadier figure from one run to the next.

Only 127.0.0.1 is contacted; every loop is bounded.
"""

import argparse
import math
import os
import re
import statistics
import time
from collections import Counter
from urllib.parse import quote

import django

from demo.bench import HOST, load, start_gunicorn, wait_until_up

WORKSPACE = "legal-constitutional"
MEMBER = "member_legal"
STAFF = "staff"
QUERY_BUDGET = 12
# A word the generated posts use often, so the search has a full page of results.
SEARCH_WORD = "الدستور"
WARM_UPS = 2
MEMORY_REQUESTS = 1000


def workspace_pages():
    """(label, path) of each page measured, in Arabic, the long thread's last page included."""
    from django.urls import reverse
    from django.utils import translation

    from workspaces.discussions.models import REPLIES_PER_PAGE, DiscussionPage
    from workspaces.models import WorkspacePage

    with translation.override("ar"):
        workspace = WorkspacePage.objects.get(slug=WORKSPACE)
        thread = (
            DiscussionPage.objects.in_workspace(workspace).order_by("-reply_count", "pk").first()
        )
        # The thread shows every reply, hidden ones as placeholders.
        last = max(1, math.ceil(thread.replies.count() / REPLIES_PER_PAGE))

        def feature(name):
            return reverse(f"workspaces:{name}:list", args=[WORKSPACE])

        return [
            ("workspace home", reverse("workspaces:workspace", args=[WORKSPACE])),
            ("discussion list", feature("discussions")),
            ("long thread, first page", thread.url),
            (f"long thread, last page ({last})", f"{thread.url}?page={last}"),
            ("library", feature("files")),
            ("calendar", feature("events")),
            ("drafts", feature("drafts")),
            (f"search «{SEARCH_WORD}»", f"{feature('search')}?q={quote(SEARCH_WORD)}"),
        ]


def signed_in_client(username):
    from django.test import Client

    from accounts.models import User

    # Production settings allow only the bench's host name.
    client = Client(HTTP_HOST=HOST)
    client.force_login(User.objects.get(username=username))
    return client


def count_queries(username, pages):
    """{label: captured queries} of each page's third request by `username`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in_client(username)
    captured = {}
    for label, path in pages:
        for _ in range(WARM_UPS):
            status = client.get(path).status_code
            if status != 200:
                raise SystemExit(f"{username} got {status} for {path}")
        with CaptureQueriesContext(connection) as context:
            client.get(path)
        captured[label] = context.captured_queries
    return captured


def time_in_process(pages, runs=5, requests=20):
    """{label: median milliseconds per request} of the member's pages and of `/healthz`."""
    client = signed_in_client(MEMBER)
    timings = {}
    for label, path in [*pages, ("/healthz (bare Django view)", "/healthz")]:
        for _ in range(5):
            client.get(path)
        medians = []
        for _ in range(runs):
            started = time.perf_counter()
            for _ in range(requests):
                client.get(path)
            medians.append((time.perf_counter() - started) / requests * 1000)
        timings[label] = statistics.median(medians)
    return timings


_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
_LISTS = re.compile(r"\((?:\?, )+\?\)")
# A long column list says nothing about where the time goes; the tables and conditions do.
_COLUMNS = re.compile(r"^SELECT (DISTINCT )?(?:(?!\bFROM\b).){60,}? FROM ")


def grouped_sql(queries, width=170):
    """(times run, total ms, statement) for each distinct statement (literals as ?), slowest first."""
    shapes, spent = Counter(), Counter()
    for query in queries:
        shape = _LISTS.sub("(…)", _LITERALS.sub("?", query["sql"]))
        shape = _COLUMNS.sub(lambda match: f"SELECT {match[1] or ''}… FROM ", shape)
        shapes[shape] += 1
        spent[shape] += float(query["time"]) * 1000
    return [(shapes[shape], ms, shape[:width]) for shape, ms in spent.most_common()]


def session_cookie(username):
    """A session of `username` in the database, as a Cookie header gunicorn's workers accept."""
    from django.conf import settings

    client = signed_in_client(username)
    name = settings.SESSION_COOKIE_NAME
    return {"Cookie": f"{name}={client.cookies[name].value}"}


def worker_rss(master_pid):
    """{pid: resident MB} of each child of the gunicorn master, read from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            if parent != master_pid:
                continue
            with open(f"/proc/{entry}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        found[int(entry)] = int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            continue  # the process ended while being read
    return found


def dataset():
    from workspaces.discussions.models import DiscussionPage, Reply
    from workspaces.models import WorkspacePage

    longest = DiscussionPage.objects.order_by("-reply_count").values_list("reply_count", flat=True)
    return {
        "workspaces": WorkspacePage.objects.count(),
        "discussions": DiscussionPage.objects.count(),
        "replies": Reply.objects.count(),
        "longest thread (visible replies)": longest.first() or 0,
    }


def measure_server(args, pages):
    headers = session_cookie(MEMBER)
    server = start_gunicorn(args.port, args.workers)
    try:
        wait_until_up(args.port)
        memory = {"after start-up": worker_rss(server.pid)}
        paths = [path for _label, path in pages]
        per_page = args.concurrency * math.ceil(MEMORY_REQUESTS / len(paths) / args.concurrency)
        for path in paths:
            load(args.port, path, per_page, args.concurrency, headers)
        memory[f"after {per_page * len(paths)} requests"] = worker_rss(server.pid)

        by_label = dict(pages)
        thread_last = next(label for label in by_label if label.startswith("long thread, last"))
        targets = [
            ("/healthz (bare Django view)", "/healthz"),
            ("long thread, first page", by_label["long thread, first page"]),
            (thread_last, by_label[thread_last]),
            ("workspace home", by_label["workspace home"]),
        ]
        rows = []
        for label, path in targets:
            load(args.port, path, args.concurrency * 5, args.concurrency, headers)  # warm up
            rows.append((label, load(args.port, path, args.requests, args.concurrency, headers)))
        memory["at the end"] = worker_rss(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows, memory


def print_queries(pages, counts):
    print(f"\nSQL queries per page (third request of each user; budget {QUERY_BUDGET})\n")
    print(f"| page | {MEMBER} | {STAFF} |")
    print("|---|---:|---:|")
    for label, _path in pages:
        cells = []
        for username in (MEMBER, STAFF):
            number = len(counts[username][label])
            cells.append(f"**{number}** ⚠" if number > QUERY_BUDGET else str(number))
        print(f"| {label} | {' | '.join(cells)} |")


def print_server(args, rows, memory):
    print(
        f"\n{args.requests} requests per URL as {MEMBER}, {args.concurrency} concurrent "
        f"keep-alive connections, gunicorn with {args.workers} workers, production settings\n"
    )
    reference = rows[0][1]["rps"]
    print("| page | requests/s | p50 ms | p99 ms | vs /healthz |")
    print("|---|---:|---:|---:|---:|")
    for label, result in rows:
        print(
            f"| {label} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} "
            f"| {result['rps'] / reference:.2f} |"
        )
    print("\n| gunicorn workers | resident memory (MB) |")
    print("|---|---|")
    for moment, workers in memory.items():
        figures = ", ".join(f"{mb:.0f}" for _pid, mb in sorted(workers.items()))
        print(f"| {moment} | {figures} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--sql",
        action="append",
        default=[],
        metavar="LABEL",
        help="Print the member's queries of the pages whose label starts with LABEL, grouped.",
    )
    parser.add_argument("--queries-only", action="store_true", help="Skip gunicorn.")
    parser.add_argument(
        "--in-process", action="store_true", help="Also time each page in this process."
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cssr.settings.production")
    django.setup()
    pages = workspace_pages()
    counts = {username: count_queries(username, pages) for username in (MEMBER, STAFF)}
    sizes = ", ".join(f"{what} {number:,}" for what, number in dataset().items())
    print(f"Dataset: {sizes}")
    print_queries(pages, counts)
    for wanted in args.sql:
        for label, _path in pages:
            if label.startswith(wanted):
                print(f"\n{MEMBER}, {label}:")
                for number, ms, shape in grouped_sql(counts[MEMBER][label]):
                    print(f"  {number:>2} × {ms:6.1f} ms  {shape}")
    if args.in_process:
        print(f"\nIn this process, {MEMBER}, median of 5 runs of 20 requests\n")
        print("| page | ms per request |\n|---|---:|")
        for label, ms in time_in_process(pages).items():
            print(f"| {label} | {ms:.1f} |")
    if args.queries_only:
        return
    rows, memory = measure_server(args, pages)
    print_server(args, rows, memory)


if __name__ == "__main__":
    main()
