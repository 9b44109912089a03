from django.db import migrations

# PostgreSQL's `arabic` configuration stems Arabic words but leaves Latin ones unstemmed; ours
# copies it and stems ASCII words with the English stemmer, so one index serves both languages.
CREATE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'cssr_ar_en') THEN
        CREATE TEXT SEARCH CONFIGURATION cssr_ar_en (COPY = pg_catalog.arabic);
        ALTER TEXT SEARCH CONFIGURATION cssr_ar_en
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH english_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS cssr_ar_en;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop)]
