"""`make bench-chat`: live chat under load, across two server processes sharing Redis.

Members of one workspace (`--members`, 40 by default) keep a WebSocket open on its room, half
on each of two Daphne processes. Messages are sent from this process at steady rates; each
arrives through Redis at every open page after the access rule is asked again. Reported, per
rate: delivery latency from the send to each page (p50, p95, p99) and messages lost; and the
memory one open connection costs a server process.

Run through the Makefile, which prepares the demo world under production settings. Needs
`CHANNEL_REDIS_URL` (or `REDIS_URL`). Only 127.0.0.1 is contacted; every loop is bounded.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import threading
import time

HOST = "127.0.0.1"
PORTS = (8101, 8102)
SLUG = "legal-constitutional"


def setup_people(count):
    """`count` members of the workspace who accepted the code of conduct, each with a signed-in
    session: [(user, session cookie)], and the room."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User
    from workspaces.chat.models import Conversation
    from workspaces.conduct import CodeOfConduct, CodeOfConductAcceptance
    from workspaces.models import Membership, Role, WorkspacePage

    workspace = WorkspacePage.objects.get(slug=SLUG)
    code = CodeOfConduct.objects.order_by("-version").first()
    people = []
    for number in range(count):
        user, _created = User.objects.get_or_create(
            username=f"bench_chat_{number}", defaults={"display_name": f"عضو {number}"}
        )
        Membership.objects.get_or_create(user=user, workspace=workspace, role=Role.MEMBER)
        if code is not None:
            CodeOfConductAcceptance.objects.get_or_create(code=code, user=user)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        people.append((user, f"{settings.SESSION_COOKIE_NAME}={session.session_key}"))
    return people, Conversation.room_of(workspace)


def start_servers():
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", HOST, "-p", str(port), "cssr.asgi:application"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    deadline = time.monotonic() + 30
    import socket

    for port in PORTS:
        while True:
            try:
                socket.create_connection((HOST, port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("Daphne did not start in time") from None
                time.sleep(0.2)
    return servers


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Sender(threading.Thread):
    """Sends `count` messages at `rate` per second through the model and the live side, as the
    send view does, and notes when each left."""

    def __init__(self, room, author, rate, count):
        super().__init__(daemon=True)
        self.room, self.author, self.rate, self.count = room, author, rate, count
        self.sent = {}

    def run(self):
        from workspaces.chat import live

        start = time.perf_counter()
        for number in range(self.count):
            due = start + number / self.rate
            time.sleep(max(0, due - time.perf_counter()))
            left = time.perf_counter()
            message = self.room.send(self.author, f"رسالة اختبار {number}")
            live.announce(message)  # outside a transaction: published at once
            self.sent[message.pk] = left


async def listen(port, path, cookie, received, opened):
    import json

    import websockets

    headers = {"Cookie": cookie, "Origin": f"http://{HOST}:{port}"}
    async with websockets.connect(
        f"ws://{HOST}:{port}{path}", additional_headers=headers, max_queue=None
    ) as socket:
        opened.append(port)
        async for raw in socket:
            received.append((json.loads(raw)["id"], time.perf_counter()))


async def measure(people, room, rates, seconds, servers):
    path = f"/ws/workspaces/{SLUG}/chat/{room.pk}/"
    before = [rss_kb(server.pid) for server in servers]
    inboxes, opened = [[] for _person in people], []
    listeners = [
        asyncio.create_task(listen(PORTS[index % 2], path, cookie, inboxes[index], opened))
        for index, (_user, cookie) in enumerate(people)
    ]
    for _wait in range(300):
        if len(opened) == len(people):
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(1)
    after = [rss_kb(server.pid) for server in servers]
    per_connection = (sum(after) - sum(before)) / len(people)
    print(f"{len(opened)} of {len(people)} pages connected, {len(people) // 2} per process")
    print(f"memory per open connection: {per_connection:.0f} KB (RSS of both processes)")

    author = people[0][0]
    results = []
    for rate in rates:
        for inbox in inboxes:
            inbox.clear()
        sender = Sender(room, author, rate, int(rate * seconds))
        sender.start()
        while sender.is_alive():
            await asyncio.sleep(0.1)
        await asyncio.sleep(2)  # the last messages on their way
        latencies, lost = [], 0
        for inbox in inboxes:
            arrived = dict(inbox)
            for message_id, left in sender.sent.items():
                if message_id in arrived:
                    latencies.append((arrived[message_id] - left) * 1000)
                else:
                    lost += 1
        row = (
            rate,
            len(sender.sent) * len(inboxes),
            lost,
            statistics.median(latencies) if latencies else float("nan"),
            percentile(latencies, 0.95) if latencies else float("nan"),
            percentile(latencies, 0.99) if latencies else float("nan"),
        )
        results.append(row)
        print(
            f"{rate:>4} msg/s: {row[1]} deliveries, {lost} lost, "
            f"p50 {row[3]:.0f} ms, p95 {row[4]:.0f} ms, p99 {row[5]:.0f} ms"
        )
        if lost or row[4] > 1000:
            break
    for listener in listeners:
        listener.cancel()
    return per_connection, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rates", default="1,5,10,20,40,80")
    options = parser.parse_args()
    redis = os.environ.get("CHANNEL_REDIS_URL") or os.environ.get("REDIS_URL")
    if not redis:
        raise SystemExit(
            "bench-chat needs CHANNEL_REDIS_URL (or REDIS_URL): two processes meet there"
        )
    os.environ["CHANNEL_REDIS_URL"] = redis

    import django

    django.setup()
    people, room = setup_people(options.members)
    servers = start_servers()
    try:
        rates = [int(rate) for rate in options.rates.split(",")]
        per_connection, results = asyncio.run(
            measure(people, room, rates, options.seconds, servers)
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    held = [row[0] for row in results if not row[2] and row[4] <= 200]
    print(
        f"largest rate with nothing lost and p95 under 200 ms: {max(held) if held else 'none'} msg/s"
    )


if __name__ == "__main__":
    main()
