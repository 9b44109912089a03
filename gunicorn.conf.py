"""gunicorn for production: `gunicorn cssr.wsgi` picks this file up from the working directory."""

import multiprocessing
import os

from gunicorn import glogging

from core.logs import MaskFeedTokens

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Slow connections are the norm for our users; let the proxy buffer them, but do not let one
# stuck request hold a worker for ever.
timeout = 30
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

_MASK_FEED_TOKENS = MaskFeedTokens()


class Logger(glogging.Logger):
    """gunicorn's logger, with the calendar feed's secret token masked in every line it writes:
    the access log and the error log (which names the address of a request that failed)."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            # One filter instance: a reload runs setup again and must not stack copies.
            log.addFilter(_MASK_FEED_TOKENS)


logger_class = Logger
