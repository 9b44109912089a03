import django.db.models.deletion
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
            name='FAQPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, help_text='Shown above the list of questions.', verbose_name='introduction')),
                ('body', wagtail.fields.StreamField([('section', 5)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave empty for questions that need no heading, such as the first ones.', 'label': 'heading', 'max_length': 255, 'required': False}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'question', 'max_length': 255}), 2: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'answer'}), 3: ('wagtail.blocks.StructBlock', [[('question', 1), ('answer', 2)]], {}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'questions', 'min_num': 1}), 5: ('wagtail.blocks.StructBlock', [[('heading', 0), ('questions', 4)]], {})}, verbose_name='questions and answers')),
            ],
            options={
                'verbose_name': 'FAQ page',
            },
            bases=('wagtailcore.page',),
        ),
    ]
