import django.db.models.deletion
import django.utils.timezone
import uuid
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
            name='EventPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('start', models.DateTimeField(verbose_name='starts')),
                ('end', models.DateTimeField(verbose_name='ends')),
                ('time_zone', models.CharField(default='Asia/Damascus', max_length=64, verbose_name='time zone')),
                ('online', models.BooleanField(default=True, help_text="In the workspace's meeting room.", verbose_name='online')),
                ('location', models.CharField(blank=True, max_length=255, verbose_name='place')),
                ('cancelled', models.BooleanField(default=False, verbose_name='cancelled')),
                ('sequence', models.PositiveIntegerField(default=0, editable=False, verbose_name='revision number for calendars')),
                ('uid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
            ],
            options={
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
            },
            bases=(workspaces.models.WorkspaceUrlMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='CalendarFeedToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_feed', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'calendar subscription',
                'verbose_name_plural': 'calendar subscriptions',
            },
        ),
        migrations.CreateModel(
            name='EventAnswer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('answer', models.CharField(choices=[('going', 'Going'), ('maybe', 'Maybe'), ('not_going', 'Not going')], max_length=10, verbose_name='answer')),
                ('answered_at', models.DateTimeField(auto_now=True, verbose_name='answered')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='event_answers', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='events.eventpage', verbose_name='event')),
            ],
            options={
                'verbose_name': 'answer to an event',
                'verbose_name_plural': 'answers to events',
                'constraints': [models.UniqueConstraint(fields=('event', 'user'), name='one_answer_per_event')],
            },
        ),
    ]
