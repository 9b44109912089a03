from django.core.management.base import BaseCommand

from workspaces.models import WorkspaceIndexPage


class Command(BaseCommand):
    help = (
        "Create the workspaces index once and keep editors' page and collection permissions off "
        "the root, so the admin never shows them a workspace. Safe to run again."
    )

    def handle(self, *args, **options):
        index = WorkspaceIndexPage.provision()
        self.stdout.write(f"Workspaces index ready (page {index.pk}).")
