"""Tags typed with the Arabic comma (issue 13, item 5)."""

from core.tags import parse_tags
from workspaces.discussions.forms import DiscussionForm


def test_the_arabic_and_the_latin_comma_both_separate_tags():
    assert parse_tags("دستور، انتخابات, عدالة انتقالية") == ["انتخابات", "دستور", "عدالة انتقالية"]
    assert parse_tags("دستور") == ["دستور"]
    assert parse_tags("") == []


def test_a_discussion_form_takes_tags_typed_on_an_arabic_keyboard(db):
    # Through taggit's form field, which reads TAGGIT_TAGS_FROM_STRING.
    form = DiscussionForm(
        {"kind": "discussion", "title": "عنوان", "body": "نص", "tags": "دستور،انتخابات"}
    )
    assert form.is_valid(), form.errors
    assert sorted(form.cleaned_data["tags"]) == ["انتخابات", "دستور"]
