"""On PostgreSQL the workspace search can read its matches from trigram indexes (migration 0005),
so a rare word is found without reading every reply of the workspace.

SQLite has no such index and keeps its scan; these tests are skipped there.
"""

import importlib

import pytest
from django.db import connection

from tests.factories import start_discussion
from workspaces.discussions.models import DiscussionPage, Reply

migration = importlib.import_module(
    "workspaces.discussions.migrations.0005_search_text_trigram_indexes"
)
REPLY_INDEX = "discussions_reply_search_trgm"
DISCUSSION_INDEX = "discussions_discussion_search_trgm"
# Four letters: the word holds trigrams of its own for the index to look up (two letters hold
# none, and then only reading every row answers).
WORD = "سلام"
REPLIES = 3000


@pytest.fixture(autouse=True)
def postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("trigram indexes are made on PostgreSQL only; SQLite searches by scanning")


def execute(query, params=()):
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall() if cursor.description else None


def test_the_trigram_indexes_exist_after_the_migrations():
    assert set(migration.TRIGRAM_INDEXES) == {REPLY_INDEX, DISCUSSION_INDEX}
    tables = {REPLY_INDEX: Reply._meta.db_table, DISCUSSION_INDEX: DiscussionPage._meta.db_table}
    for name, table in tables.items():
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, table)
        assert name in found, name
        assert found[name]["type"] == "gin" and found[name]["columns"] == ["search_text"]


def test_a_workspace_search_for_an_arabic_word_can_use_the_index(team):
    # pg_trgm takes trigrams of Arabic letters only under a UTF-8 LC_CTYPE (docs/deployment.md).
    ((trigrams,),) = execute("SELECT show_trgm(%s)", [WORD])
    if not trigrams:
        pytest.skip("the test database's LC_CTYPE is not UTF-8: pg_trgm sees no Arabic letters")
    # Enough replies that reading them all costs more than the index: rows as saving would
    # leave them but for the stored HTML, which the search never reads.
    discussion = start_discussion(team.workspace, team.member)
    Reply.objects.bulk_create(
        Reply(
            discussion=discussion,
            workspace=team.workspace,
            author=team.rapporteur,
            body=f"رد رقم {number}",
            search_text=f"رد رقم {number}",
            position=number,
        )
        for number in range(1, REPLIES + 1)
    )
    discussion.add_reply(author=team.member, body=f"دعوة إلى {WORD} دائم")
    # What autovacuum does in time: statistics, and the index's pending list of new entries
    # (which a search reads whole) merged into its tree.
    execute(f"ANALYZE {connection.ops.quote_name(Reply._meta.db_table)}")
    execute("SELECT gin_clean_pending_list(%s::regclass)", [REPLY_INDEX])

    found = Reply.objects.in_workspace(team.workspace).matching([WORD])
    assert [reply.body for reply in found] == [f"دعوة إلى {WORD} دائم"]
    # Reading the table from start to end is the other way to answer: take it away, and the
    # plan must come from the trigram index. Undone with the test's transaction.
    execute("SET LOCAL enable_seqscan = off")
    assert REPLY_INDEX in found.explain()
