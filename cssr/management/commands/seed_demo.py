from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.demo import DEMO_USERS, create_users
from accounts.models import User
from faq.demo import create_faq
from home.demo import create_home_pages
from updates.demo import create_updates
from workinggroups.demo import create_working_groups
from workspaces.demo import create_workspaces
from workspaces.discussions.demo import create_discussions
from workspaces.drafts.demo import create_drafts
from workspaces.events.demo import create_events
from workspaces.files.demo import create_files


class Command(BaseCommand):
    help = (
        "Create the demo world (users, bilingual public pages). Idempotent: a second run only "
        "resets the demo users' passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True, help="Password for every demo user.")
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never on real data)."
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
        with transaction.atomic():
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
        self.stdout.write(self.style.SUCCESS("Demo world ready. Sign in at /accounts/login/ as:"))
        for username, (display_name, title, *_rest) in DEMO_USERS.items():
            self.stdout.write(f"  {username:<18} {display_name}, {title}")
        self.stdout.write(f"All demo users have the password: {password}")
