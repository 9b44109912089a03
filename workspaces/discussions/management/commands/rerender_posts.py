from django.core.management.base import BaseCommand

from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.markup import rerender


class Command(BaseCommand):
    help = (
        "Render every discussion and reply again with the posts' Markdown profile. Run it after "
        "changing workspaces.markup.POSTS (what the sanitiser lets through); safe to run again."
    )

    def handle(self, *args, **options):
        for model in (DiscussionPage, Reply):
            changed = rerender(model.objects.all())
            self.stdout.write(f"{model.__name__}: {changed} re-rendered")
