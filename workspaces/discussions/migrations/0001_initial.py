import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import workspaces.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='DiscussionTagName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                ('slug', models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name='slug')),
            ],
            options={
                'verbose_name': 'discussion tag',
                'verbose_name_plural': 'discussion tags',
            },
        ),
        migrations.CreateModel(
            name='DiscussionPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('hidden', models.BooleanField(default=False, editable=False, verbose_name='hidden')),
                ('hidden_reason', models.TextField(blank=True, editable=False, verbose_name='reason for hiding')),
                ('hidden_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='hidden at')),
                ('kind', models.CharField(choices=[('discussion', 'Discussion'), ('concern', 'Concern')], default='discussion', max_length=12, verbose_name='kind')),
                ('body', models.TextField(max_length=20000, verbose_name='text')),
                ('focal_point_invited', models.BooleanField(default=False, help_text="The group's focal point in the envoy's office may reply.", verbose_name='focal point invited')),
                ('edited_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='edited')),
                ('reply_count', models.PositiveIntegerField(default=0, editable=False, verbose_name='replies')),
                ('last_activity_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, editable=False, verbose_name='last activity')),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('hidden_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
            ],
            options={
                'verbose_name': 'discussion',
                'verbose_name_plural': 'discussions',
            },
            bases=(workspaces.models.WorkspaceUrlMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='TaggedDiscussion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='discussions.discussionpage')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_discussions', to='discussions.discussiontagname')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='discussionpage',
            name='tags',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='A comma-separated list of tags.', through='discussions.TaggedDiscussion', to='discussions.DiscussionTagName', verbose_name='tags'),
        ),
        migrations.CreateModel(
            name='ReadState',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('last_read_at', models.DateTimeField()),
                ('discussion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='read_states', to='discussions.discussionpage')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussion_reads', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'discussion'), name='one_read_state_per_user')],
            },
        ),
        migrations.CreateModel(
            name='Reply',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('hidden', models.BooleanField(default=False, editable=False, verbose_name='hidden')),
                ('hidden_reason', models.TextField(blank=True, editable=False, verbose_name='reason for hiding')),
                ('hidden_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='hidden at')),
                ('body', models.TextField(max_length=10000, verbose_name='text')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='posted')),
                ('edited_at', models.DateTimeField(blank=True, null=True, verbose_name='edited')),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='discussion_replies', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                ('discussion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='discussions.discussionpage', verbose_name='discussion')),
                ('hidden_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='hidden by')),
            ],
            options={
                'verbose_name': 'reply',
                'verbose_name_plural': 'replies',
                'ordering': ['created_at', 'pk'],
                'indexes': [models.Index(fields=['discussion', 'created_at'], name='discussions_discuss_13a0b5_idx')],
            },
        ),
    ]
