import django.db.models.deletion
import django.utils.timezone
import taggit.managers
import workspaces.files.storage
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('discussions', '0001_initial'),
        ('workspaces', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='FileTag',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                ('slug', models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name='slug')),
            ],
            options={
                'verbose_name': 'file tag',
                'verbose_name_plural': 'file tags',
            },
        ),
        migrations.CreateModel(
            name='TaggedFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_files', to='files.filetag')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='WorkspaceFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('kind', models.CharField(choices=[('document', 'Document'), ('image', 'Image')], max_length=10, verbose_name='kind')),
                ('in_library', models.BooleanField(default=True, verbose_name='listed in the library')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='updated')),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('attached_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='discussions.discussionpage', verbose_name='attached to')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text='A comma-separated list of tags.', through='files.TaggedFile', to='files.FileTag', verbose_name='tags')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('workspace', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='workspaces.workspacepage', verbose_name='workspace')),
            ],
            options={
                'verbose_name': 'workspace file',
                'verbose_name_plural': 'workspace files',
            },
        ),
        migrations.AddField(
            model_name='taggedfile',
            name='content_object',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='files.workspacefile'),
        ),
        migrations.CreateModel(
            name='FileVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='version')),
                ('stored', models.FileField(max_length=255, storage=workspaces.files.storage.private_storage, upload_to=workspaces.files.storage.random_name)),
                ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                ('extension', models.CharField(max_length=10)),
                ('size', models.PositiveBigIntegerField(verbose_name='size')),
                ('content_type', models.CharField(max_length=120)),
                ('sha256', models.CharField(max_length=64)),
                ('text', models.TextField(blank=True, editable=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='uploaded')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ('file', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='files.workspacefile', verbose_name='file')),
            ],
            options={
                'verbose_name': 'file version',
                'verbose_name_plural': 'file versions',
                'ordering': ['-number'],
            },
        ),
        migrations.CreateModel(
            name='Derivative',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=20)),
                ('stored', models.FileField(max_length=255, storage=workspaces.files.storage.private_storage, upload_to=workspaces.files.storage.derivative_name)),
                ('width', models.PositiveIntegerField()),
                ('height', models.PositiveIntegerField()),
                ('content_type', models.CharField(max_length=40)),
                ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='derivatives', to='files.fileversion')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('version', 'name'), name='one_derivative_per_name')],
            },
        ),
        migrations.AddIndex(
            model_name='workspacefile',
            index=models.Index(fields=['workspace', 'in_library', 'updated_at'], name='files_works_workspa_eac718_idx'),
        ),
        migrations.AddConstraint(
            model_name='fileversion',
            constraint=models.UniqueConstraint(fields=('file', 'number'), name='one_number_per_version'),
        ),
    ]
