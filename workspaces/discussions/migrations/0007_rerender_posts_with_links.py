from django.db import migrations

from workspaces import markup


def rerender(apps, schema_editor):
    """Web addresses written in stored posts become links, as in new ones."""
    for name in ("DiscussionPage", "Reply"):
        markup.rerender(apps.get_model("discussions", name).objects.all())


class Migration(migrations.Migration):
    dependencies = [("discussions", "0006_rerender_posts_by_dominant_direction")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
