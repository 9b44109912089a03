import django.db.models.deletion
import django.utils.timezone
import search.index
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='WorkingGroupsPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'working groups page',
            },
            bases=(search.index.NormalisedSearchMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='WorkingGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(max_length=255, verbose_name='name')),
                ('theme', models.CharField(max_length=255, verbose_name='theme')),
                ('description', wagtail.fields.RichTextField(blank=True, verbose_name='what it works on')),
                ('cohort', models.PositiveSmallIntegerField(default=1, verbose_name='cohort')),
                ('term_start', models.DateField(verbose_name='term starts')),
                ('term_end', models.DateField(verbose_name='term ends')),
                ('status', models.CharField(choices=[('active', 'Working'), ('completed', 'Completed')], default='active', max_length=10, verbose_name='status')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'working group',
                'verbose_name_plural': 'working groups',
                'ordering': ['-term_start', 'name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.CreateModel(
            name='PaperPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('date', models.DateField(default=django.utils.timezone.localdate, verbose_name='date')),
                ('summary', models.TextField(blank=True, max_length=600, verbose_name='summary')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'icon': 'title', 'label': 'Heading', 'template': 'workinggroups/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Text'})}, verbose_name='body')),
                ('working_group', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='papers', to='workinggroups.workinggroup', verbose_name='working group')),
            ],
            options={
                'verbose_name': 'paper',
            },
            bases=(search.index.NormalisedSearchMixin, 'wagtailcore.page'),
        ),
    ]
