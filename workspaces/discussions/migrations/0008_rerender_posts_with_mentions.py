from django.db import migrations

from workspaces import markup


def rerender(apps, schema_editor):
    """Mentions written in stored posts ("@username") are marked, as in new ones."""
    for name in ("DiscussionPage", "Reply"):
        markup.rerender(apps.get_model("discussions", name).objects.all())


class Migration(migrations.Migration):
    dependencies = [("discussions", "0007_rerender_posts_with_links")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
