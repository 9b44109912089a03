"""`make bench`: throughput and latency of public pages under gunicorn, beside a static file.

Run through the Makefile, which prepares a database with the demo world and collected static
files under production settings. Only 127.0.0.1 is contacted; every loop is bounded.
"""

import argparse
import gzip
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import quote

HOST = "127.0.0.1"


def wait_until_up(port, deadline=30):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")


def fetch(connection, path, headers=None):
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    return response, body


def load(port, path, requests, concurrency, headers=None):
    """`requests` GETs spread over `concurrency` keep-alive connections; latencies in ms.

    `headers` go with every request (a signed-in visitor's session cookie)."""
    latencies = []
    failures = []
    lock = threading.Lock()
    per_worker = requests // concurrency

    def worker():
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        mine = []
        for _ in range(per_worker):
            start = time.perf_counter()
            response, _body = fetch(connection, path, headers)
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200:
                with lock:
                    failures.append(response.status)
                return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{path} answered {failures[0]}, not 200")
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
    }


def first_visit_weight(port, path):
    """Bytes transferred for the HTML and every same-site stylesheet and script it references."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    _response, html = fetch(connection, path)
    # The HTML is compressed by the proxy in production; count it gzipped.
    total = len(gzip.compress(html, compresslevel=6))
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    for asset in assets:
        response, body = fetch(connection, asset.decode(), {"Accept-Encoding": "gzip"})
        total += len(body)
    foreign = re.findall(rb'(?:href|src)="(https?://[^"]+)"', html)
    return total, len(assets), [url.decode() for url in foreign if b"127.0.0.1" not in url]


def start_gunicorn(port, workers):
    """gunicorn serving the project on 127.0.0.1:`port` with the settings of the environment."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cssr.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        env={**os.environ, "GUNICORN_BIND": f"{HOST}:{port}"},
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    server = start_gunicorn(args.port, args.workers)
    try:
        wait_until_up(args.port)
        _response, home = fetch(http.client.HTTPConnection(HOST, args.port), "/ar/")
        static_path = (
            re.search(rb'href="(/static/css/cssr\.[0-9a-f]+\.css)"', home).group(1).decode()
        )
        targets = [
            ("home (ar)", "/ar/"),
            ("FAQ (ar)", "/ar/faq/"),
            ("search (ar)", "/ar/search/?q=" + quote("مجموعات العمل")),
            ("static CSS (whitenoise)", static_path),
        ]
        rows = []
        for label, path in targets:
            load(args.port, path, args.concurrency * 5, args.concurrency)  # warm up
            rows.append((label, path, load(args.port, path, args.requests, args.concurrency)))
        weight, assets, foreign = first_visit_weight(args.port, "/ar/faq/")
    finally:
        server.terminate()
        server.wait(timeout=30)

    static_rps = rows[-1][2]["rps"]
    print(
        f"\n{args.requests} requests per URL, {args.concurrency} concurrent keep-alive "
        f"connections, gunicorn with {args.workers} workers, production settings\n"
    )
    print("| page | requests/s | p50 ms | p99 ms | vs static |")
    print("|---|---:|---:|---:|---:|")
    for label, _path, result in rows:
        print(
            f"| {label} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} "
            f"| {result['rps'] / static_rps:.2f} |"
        )
    print(
        f"\nFirst visit of /ar/faq/: {weight / 1024:.1f} KB transferred "
        f"(HTML gzipped + {assets} CSS/JS files as whitenoise serves them gzipped); "
        f"references to other hosts: {foreign or 'none'}"
    )


if __name__ == "__main__":
    main()
