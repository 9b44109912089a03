from django.db import migrations

# The workspace search asks `search_text LIKE '%word%'` of discussions and replies. On
# PostgreSQL a GIN index of the text's trigrams (pg_trgm) answers that without reading every
# row. pg_trgm finds the trigrams of Arabic words only when the database's LC_CTYPE is a UTF-8
# locale (C.UTF-8, en_US.UTF-8): under "C" it sees no letters outside ASCII, the index holds
# nothing for Arabic and the search reads every row again (its results stay right). Hence the
# requirement in docs/deployment.md: create the database with a UTF-8 ctype.
#
# SQLite (the embedded default) has no such index and keeps its scan; the indexes are therefore
# made here, on PostgreSQL only, and not declared in the models' Meta.
TRIGRAM_INDEXES = {
    "discussions_reply_search_trgm": "Reply",
    "discussions_discussion_search_trgm": "DiscussionPage",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # A trusted extension since PostgreSQL 13: the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    quote = schema_editor.quote_name
    for name, model_name in TRIGRAM_INDEXES.items():
        table = apps.get_model("discussions", model_name)._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    """The indexes go; the extension stays, as something else in the database may use it."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    """Workspace search reads its matches from trigram indexes on PostgreSQL, not from a scan of
    every reply of the workspace."""

    dependencies = [
        ("discussions", "0004_reply_position"),
    ]

    operations = [migrations.RunPython(create, drop)]
