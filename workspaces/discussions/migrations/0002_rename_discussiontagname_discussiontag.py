from django.db import migrations


class Migration(migrations.Migration):
    """Tag models are named <Feature>Tag, like the files' FileTag."""

    dependencies = [
        ("discussions", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel(old_name="DiscussionTagName", new_name="DiscussionTag"),
    ]
