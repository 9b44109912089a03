import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
import workspaces.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CodeOfConduct',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(editable=False, unique=True, verbose_name='version')),
                ('text', wagtail.fields.RichTextField(verbose_name='text')),
                ('published_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='published')),
            ],
            options={
                'verbose_name': 'code of conduct',
                'verbose_name_plural': 'codes of conduct',
                'ordering': ['-version'],
            },
        ),
        migrations.CreateModel(
            name='WorkspaceIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                'verbose_name': 'workspaces index',
            },
            bases=(workspaces.models.WorkspaceUrlMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='WorkspacePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('kind', models.CharField(choices=[('group', 'Working group'), ('shared', 'Shared space')], default='group', max_length=10, verbose_name='kind')),
                ('theme', models.CharField(max_length=255, verbose_name='theme')),
                ('description', wagtail.fields.RichTextField(blank=True, verbose_name='what the group works on')),
                ('cohort', models.PositiveSmallIntegerField(default=1, verbose_name='cohort')),
                ('term_start', models.DateField(verbose_name='term starts')),
                ('term_end', models.DateField(verbose_name='term ends')),
                ('status', models.CharField(choices=[('active', 'Active'), ('closed', 'Closed (read-only)'), ('archived', 'Archived')], default='active', max_length=10, verbose_name='status')),
                ('meeting_url', models.URLField(blank=True, help_text="The group's Zoom or Jitsi room. Shown to members only.", verbose_name='meeting room link')),
                ('silence_days', models.PositiveSmallIntegerField(default=60, help_text='Members silent for longer are warned, then blocked from this workspace.', verbose_name='silence period (days)')),
                ('admits', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='For a shared space: the working groups whose members may enter it.', related_name='admitted_to', to='workspaces.workspacepage', verbose_name='groups admitted')),
                ('collection', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.collection')),
                ('group', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='auth.group')),
            ],
            options={
                'verbose_name': 'workspace',
            },
            bases=(workspaces.models.WorkspaceUrlMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='CodeOfConductAcceptance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('accepted_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='accepted')),
                ('code', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='acceptances', to='workspaces.codeofconduct')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='code_acceptances', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('code', 'user'), name='one_acceptance_per_version')],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('member', 'Member'), ('rapporteur', 'Rapporteur'), ('officer', 'Technical officer'), ('focal_point', 'Focal point')], default='member', max_length=20, verbose_name='role')),
                ('state', models.CharField(choices=[('active', 'Active'), ('warned', 'Warned for silence'), ('blocked', 'Blocked'), ('left', 'Left')], default='active', max_length=10, verbose_name='state')),
                ('joined_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='joined')),
                ('left_at', models.DateTimeField(blank=True, null=True, verbose_name='left')),
                ('last_active_at', models.DateTimeField(blank=True, null=True, verbose_name='last active')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                ('workspace', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='workspaces.workspacepage', verbose_name='workspace')),
            ],
            options={
                'verbose_name': 'membership',
                'verbose_name_plural': 'memberships',
                'constraints': [models.UniqueConstraint(fields=('user', 'workspace'), name='one_membership_per_workspace')],
            },
        ),
    ]
