from django.db import migrations

from workspaces import markup


def rerender(apps, schema_editor):
    """Stored posts take the direction of each paragraph's dominant script, not `dir="auto"`."""
    for name in ("DiscussionPage", "Reply"):
        markup.rerender(apps.get_model("discussions", name).objects.all())


class Migration(migrations.Migration):
    dependencies = [("discussions", "0005_search_text_trigram_indexes")]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop, elidable=True)]
