"""`manage.py seed_bulk`: the workspace world at scale that `make bench-workspaces` measures.

Run after `seed_demo`; see `demo.bulk` for what it adds and how.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.models import Page

from demo.bulk import CannotGenerate, Sizes, generate


class Command(BaseCommand):
    help = (
        "Add generated workspaces, discussions and replies on top of seed_demo, for benchmarks. "
        "Refuses a database that has them already."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument("--workspaces", type=int, default=defaults.workspaces)
        parser.add_argument("--discussions", type=int, default=defaults.discussions)
        parser.add_argument("--replies", type=int, default=defaults.replies)
        parser.add_argument(
            "--long-thread",
            type=int,
            default=defaults.long_thread,
            help="Replies in one discussion of legal-constitutional (counted in --replies).",
        )
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument(
            "--force", action="store_true", help="Run with DEBUG off (never on real data)."
        )

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_bulk fills the database with invented content; it refuses to run with "
                "DEBUG off. Pass --force if this is a benchmark or demo database."
            )
        sizes = Sizes(
            workspaces=options["workspaces"],
            discussions=options["discussions"],
            replies=options["replies"],
            long_thread=options["long_thread"],
            seed=options["seed"],
        )
        started = time.monotonic()
        try:
            added = generate(sizes)
        except CannotGenerate as problem:
            raise CommandError(str(problem)) from problem
        elapsed = time.monotonic() - started
        # The tree was written row by row: prove it is one treebeard itself would have built.
        problems = Page.find_problems()
        if any(problems):
            raise CommandError(f"page tree inconsistent after generation: {problems}")
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather after a load this size: without them
            # the planner guesses, and the benchmark would measure its guesses.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        for what, count in added.items():
            self.stdout.write(f"  {what}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.1f} s; page tree checked."))
