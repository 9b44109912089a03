"""A calendar app's request never writes the feed's secret token to a log.

The token in `/calendar/<token>.ics` is the only key to a person's calendar, and calendar apps
fetch that address every few minutes. Each way a request reaches a log is driven for real:
gunicorn's logger built from `gunicorn.conf.py`, runserver's request handler (`django.server`)
and Django's request logging (`django.request`, for error answers).
"""

import datetime
import logging
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.db import connections
from gunicorn.app.base import Application

from accounts.models import User
from workspaces.events.models import CalendarFeedToken, new_feed_token

MASKED = "/calendar/********.ics"


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def logged():
    """The lines written by Django's request loggers during the test."""
    handler = Lines()
    loggers = [logging.getLogger(name) for name in ("django.server", "django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.lines
    for logger in loggers:
        logger.removeHandler(handler)


class GunicornConfig(Application):
    """gunicorn's own configuration loading, from our configuration file, without a server."""

    def init(self, parser, opts, args):
        return None

    def load(self):
        return None

    def load_config(self):
        self.load_config_from_file(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))


def feed_request_to_gunicorn(token):
    path = f"/calendar/{token}.ics"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://example.org{path}",
        "HTTP_USER_AGENT": "Calendar/1.0",
    }
    request = SimpleNamespace(headers=[("HOST", "example.org")])
    response = SimpleNamespace(
        status="200 OK", sent=512, headers=[("Content-Type", "text/calendar")]
    )
    return request, response, environ


def test_gunicorn_logs_feed_requests_with_the_token_masked(capsys):
    token = new_feed_token()
    config = GunicornConfig().cfg
    config.set("access_log_format", config.access_log_format + ' "%({raw_uri}e)s" %(U)s')
    logger = config.logger_class(config)
    request, response, environ = feed_request_to_gunicorn(token)

    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    logger.error("Error handling request %s", environ["RAW_URI"])

    written = capsys.readouterr()
    access, errors = written.out, written.err
    assert f'"GET {MASKED} HTTP/1.1" 200 512' in access
    assert f"https://example.org{MASKED}" in access
    assert f"Error handling request {MASKED}" in errors
    assert token not in access + errors


@pytest.fixture
def feed_token(transactional_db):
    user = User.objects.create_user("subscriber", password="pw-12345-long")
    return CalendarFeedToken.for_user(user).token


def fetch_through_runserver(path):
    """One request through runserver's own server and request handler, on a free port."""
    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(WSGIHandler())

    def serve_one():
        try:
            server.handle_request()
        finally:
            connections.close_all()

    thread = threading.Thread(target=serve_one)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{path}") as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    thread.join(timeout=30)
    server.server_close()
    return status


def test_runserver_logs_feed_requests_with_the_token_masked(feed_token, logged):
    assert fetch_through_runserver(f"/calendar/{feed_token}.ics") == 200

    assert any(f'"GET {MASKED} HTTP/1.1" 200' in line for line in logged)
    assert not any(feed_token in line for line in logged)


def test_error_answers_are_logged_with_the_token_masked(client, db, logged):
    token = new_feed_token()

    assert client.get(f"/calendar/{token}.ics").status_code == 404

    assert f"Not Found: {MASKED}" in logged
    assert not any(token in line for line in logged)
