import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import search.index
import updates.models
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='UpdateIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={
                'verbose_name': 'update index',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, search.index.NormalisedSearchMixin, 'wagtailcore.page'),
        ),
        migrations.CreateModel(
            name='TaggedUpdate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
            ],
            options={
                'verbose_name': 'update tag',
                'verbose_name_plural': 'update tags',
            },
        ),
        migrations.CreateModel(
            name='UpdatePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('date', models.DateField(default=django.utils.timezone.localdate, help_text='The date the update is about or was sent; lists and feeds sort by it.', verbose_name='date')),
                ('summary', models.TextField(help_text='One or two sentences shown in lists, on the home page and in feeds.', max_length=400, verbose_name='summary')),
                ('body', wagtail.fields.StreamField([('paragraph', 0), ('heading', 1), ('quote', 4), ('image', 8)], blank=True, block_lookup={0: ('updates.blocks.ParagraphBlock', (), {}), 1: ('updates.blocks.HeadingBlock', (), {}), 2: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said or wrote it.', 'label': 'Attribution', 'required': False}), 4: ('wagtail.blocks.StructBlock', [[('text', 2), ('attribution', 3)]], {}), 5: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows, for people who cannot see it.', 'label': 'Text alternative', 'required': False, 'search_index': False}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('image', 5), ('alt', 6), ('caption', 7)]], {})}, verbose_name='body')),
                ('image', models.ForeignKey(blank=True, help_text='Shown at the top of the update.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image')),
                ('tags', updates.models.TranslatableTags(blank=True, help_text='A comma-separated list of tags.', through='updates.TaggedUpdate', to='taggit.Tag', verbose_name='tags')),
            ],
            options={
                'verbose_name': 'update',
                'verbose_name_plural': 'updates',
            },
            bases=(search.index.NormalisedSearchMixin, 'wagtailcore.page'),
        ),
        migrations.AddField(
            model_name='taggedupdate',
            name='content_object',
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='updates.updatepage'),
        ),
    ]
