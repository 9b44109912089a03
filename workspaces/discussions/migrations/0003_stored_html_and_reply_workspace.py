import django.db.models.deletion
from django.db import migrations, models

from workspaces import markup


def fill(apps, schema_editor):
    """Render every stored post with today's profile and give each reply its workspace."""
    WorkspacePage = apps.get_model("workspaces", "WorkspacePage")
    DiscussionPage = apps.get_model("discussions", "DiscussionPage")
    Reply = apps.get_model("discussions", "Reply")
    for workspace in WorkspacePage.objects.only("path"):
        Reply.objects.filter(discussion__path__startswith=workspace.path).update(
            workspace=workspace
        )
    for model in (DiscussionPage, Reply):
        markup.rerender(model.objects.all())


class Migration(migrations.Migration):
    """Posts keep their safe HTML, and replies their workspace, so a thread page renders no
    Markdown and a workspace's latest replies come from an index."""

    dependencies = [
        ("discussions", "0002_rename_discussiontagname_discussiontag"),
        ("workspaces", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="reply", name="discussions_discuss_13a0b5_idx"),
        migrations.AddField(
            model_name="discussionpage",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="reply",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="reply",
            name="workspace",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="workspaces.workspacepage",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="reply",
            name="workspace",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="workspaces.workspacepage",
            ),
        ),
        migrations.AddIndex(
            model_name="reply",
            index=models.Index(
                fields=["discussion", "created_at", "id"], name="discussions_discuss_90d190_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="reply",
            index=models.Index(
                fields=["workspace", "created_at", "id"], name="discussions_workspa_b1964b_idx"
            ),
        ),
    ]
