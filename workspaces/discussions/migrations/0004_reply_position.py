from collections import defaultdict

from django.db import migrations, models
from django.db.models import F, Window
from django.db.models.functions import RowNumber

BATCH_SIZE = 1000


def number_replies(apps, schema_editor):
    """Give every reply its place in its thread: 1, 2, ... in the order they were posted.

    The places come from one window query (ROW_NUMBER, in SQLite and PostgreSQL alike). They are
    written one place at a time, `UPDATE ... SET position = n WHERE id IN (...)` for the replies
    at place n of their threads: as many statements as the longest thread has replies, where a
    `bulk_update` (a CASE of a term per reply) took 33 s for 100,000 replies. `UPDATE ... FROM`
    would be one statement, but SQLite has it only since 3.33, and Django 5.2 runs on 3.31.
    """
    Reply = apps.get_model("discussions", "Reply")
    numbered = Reply.objects.annotate(
        number=Window(
            RowNumber(),
            partition_by=[F("discussion_id")],
            order_by=[F("created_at").asc(), F("id").asc()],
        )
    ).values_list("pk", "number")
    at = defaultdict(list)
    for pk, number in numbered:
        at[number].append(pk)
    for number, pks in at.items():
        for start in range(0, len(pks), BATCH_SIZE):
            Reply.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).update(position=number)


class Migration(migrations.Migration):
    """Replies keep their place in the thread, so a page of a long thread is a range of places
    read from an index, not an OFFSET over every earlier reply, and the page of a reply follows
    from its place without counting."""

    dependencies = [
        ("discussions", "0003_stored_html_and_reply_workspace"),
    ]

    operations = [
        migrations.AddField(
            model_name="reply",
            name="position",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_replies, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="reply",
            name="position",
            field=models.PositiveIntegerField(editable=False),
        ),
        migrations.AddConstraint(
            model_name="reply",
            constraint=models.UniqueConstraint(
                fields=("discussion", "position"), name="one_reply_per_place"
            ),
        ),
    ]
