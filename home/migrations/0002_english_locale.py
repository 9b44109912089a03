from django.db import migrations


def create_locales(apps, schema_editor):
    # Wagtail's own migration creates the default locale (Arabic); English is the translation.
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("ar", "en"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
