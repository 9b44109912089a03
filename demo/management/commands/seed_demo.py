from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from demo.chat import create_chat
from demo.discussions import create_discussions
from demo.drafts import create_drafts
from demo.events import create_events
from demo.faq import create_faq
from demo.files import create_files
from demo.home import create_home_pages
from demo.people import (
    DEMO_USERS,
    DemoUsernameTaken,
    create_users,
    taken_demo_usernames,
    users_not_created_here,
)
from demo.updates import create_updates
from demo.workinggroups import create_working_groups
from demo.workspaces import create_workspaces


class Command(BaseCommand):
    help = (
        "Create the demo world (users, bilingual public pages). Idempotent: a second run only "
        "resets the demo users' passwords. Refuses a database with users it did not create "
        "unless given --force, and never changes those users."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True, help="Password for every demo user.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off or beside users seed_demo did not create (never on real "
            "data; those users are left untouched).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has users (used by `make run`).",
        )

    def handle(self, *args, password, force, if_empty, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates users with a known password; it refuses to run with DEBUG "
                "off. Pass --force if this really is a demo instance."
            )
        if if_empty and User.objects.exists():
            self.stdout.write("The database already has users; demo content left as it is.")
            return
        if taken := taken_demo_usernames():
            raise _taken(taken)
        # `manage.py` defaults to development settings, so DEBUG being on does not prove this is
        # a demo database: users that seed_demo did not create say it may be a real one.
        others = list(users_not_created_here().order_by("username")[:6])
        if others and not force:
            names = ", ".join(user.username for user in others[:5])
            raise CommandError(
                f"The database holds users that seed_demo did not create ({names}"
                f"{', ...' if len(others) > 5 else ''}): it may be a real one. seed_demo gives its "
                "users a known password and is meant for a demo database. Pass --force to add "
                "the demo world beside these users (they are left untouched)."
            )
        try:
            with transaction.atomic():
                self._seed(password)
        except DemoUsernameTaken as taken:
            raise _taken(taken.usernames) from taken
        self.stdout.write(self.style.SUCCESS("Demo world ready. Sign in at /accounts/login/ as:"))
        for username, (display_name, title, *_rest) in DEMO_USERS.items():
            self.stdout.write(f"  {username:<18} {display_name}, {title}")
        self.stdout.write(f"All demo users have the password: {password}")

    def _seed(self, password):
        users = create_users(password)
        home = create_home_pages()
        create_faq(home)
        create_updates(home)
        create_working_groups(home)
        workspaces = create_workspaces(users)
        create_discussions(workspaces, users)
        create_files(workspaces, users)
        create_events(users, workspaces)
        create_drafts(users)
        create_chat(workspaces, users)


def _taken(usernames):
    return CommandError(
        "These users were not created by seed_demo but have demo usernames: "
        f"{', '.join(usernames)}. seed_demo never changes their password or anything else about "
        "them, even with --force, so it stopped without changing anything. (A demo database "
        "seeded before seed_demo marked its users cannot tell them apart: start from an empty "
        "one.)"
    )
