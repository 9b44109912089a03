import django.db.models.deletion
import django.utils.timezone
import workspaces.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('workinggroups', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DraftPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('body', models.TextField(blank=True, verbose_name='text')),
                ('issues', models.TextField(blank=True, verbose_name='issues discussed')),
                ('agreement', models.TextField(blank=True, verbose_name='areas of agreement')),
                ('divergent_views', models.TextField(blank=True, verbose_name='divergent views')),
                ('recommendations', models.TextField(blank=True, verbose_name='recommendations')),
                ('kind', models.CharField(choices=[('text', 'Co-drafted text'), ('briefing', 'Briefing note')], default='text', max_length=10, verbose_name='kind')),
                ('paper', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='workinggroups.paperpage', verbose_name='published paper')),
            ],
            options={
                'verbose_name': 'draft',
                'verbose_name_plural': 'drafts',
            },
            bases=(workspaces.models.WorkspaceUrlMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='DraftComment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('passage', models.TextField(blank=True, help_text='The words you comment on. Select them in the text to fill this in.', max_length=1000, verbose_name='passage')),
                ('body', models.TextField(max_length=5000, verbose_name='comment')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written')),
                ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='resolved')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='draft_comments', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='drafts.draftcomment')),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='resolved by')),
                ('draft', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='drafts.draftpage')),
            ],
            options={
                'verbose_name': 'draft comment',
                'verbose_name_plural': 'draft comments',
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='DraftRevision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('body', models.TextField(blank=True, verbose_name='text')),
                ('issues', models.TextField(blank=True, verbose_name='issues discussed')),
                ('agreement', models.TextField(blank=True, verbose_name='areas of agreement')),
                ('divergent_views', models.TextField(blank=True, verbose_name='divergent views')),
                ('recommendations', models.TextField(blank=True, verbose_name='recommendations')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='saved')),
                ('origin', models.CharField(choices=[('create', 'Started'), ('edit', 'Edited'), ('merge', 'Merged with a concurrent edit'), ('restore', 'Restored an earlier revision')], default='edit', max_length=10, verbose_name='how')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='draft_revisions', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                ('draft', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='text_revisions', to='drafts.draftpage')),
                ('restored_from', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='drafts.draftrevision')),
            ],
            options={
                'verbose_name': 'draft revision',
                'verbose_name_plural': 'draft revisions',
                'ordering': ['-pk'],
            },
        ),
    ]
