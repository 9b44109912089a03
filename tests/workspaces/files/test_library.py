"""The library: search (including the text inside PDFs, in any Arabic spelling), sort, filter."""

import pytest
from django.urls import reverse

from demo.samples import arabic_pdf
from workspaces.files.models import WorkspaceFile

PAPER_LINES = ["ورقة حول استقلال القضاء", "نناقش إصلاحَ المحكمةِ الدستوريّة وضماناتها"]


@pytest.fixture
def library(client, world, legal, make_file):
    make_file(legal, "paper.pdf", data=arabic_pdf(PAPER_LINES), title="ورقة القضاء")
    make_file(legal, "photo.jpg", title="صورة الاجتماع", description="Group photo", tags=["صور"])
    make_file(legal, "budget.pdf", data=arabic_pdf(["الميزانية المقترحة"]), title="Budget")
    client.force_login(world["users"]["member_legal"])

    def titles(**params):
        url = reverse("workspaces:files:list", args=[legal.slug])
        response = client.get(url, params)
        assert response.status_code == 200
        files = response.context["page_obj"].object_list
        return [file.title for file in files]

    return titles


@pytest.mark.parametrize(
    "query",
    [
        "اصلاح",  # the PDF has إصلاحَ: hamza below and a fatha
        "إِصْلاح",  # the query carries the marks instead
        "الدستورية",  # the PDF has a shadda on the ya
        "المحكمه",  # ha written for ta marbuta
        "المحكمة الدستورية",  # every word must match
    ],
)
def test_search_finds_arabic_words_inside_a_pdf_whatever_the_spelling(library, query):
    assert library(q=query) == ["ورقة القضاء"]


def test_search_needs_every_word(library):
    assert library(q="المحكمة ميزانية") == []
    assert library(q="الميزانية") == ["Budget"]


def test_search_covers_titles_descriptions_and_tags_in_any_case(library):
    assert library(q="GROUP") == ["صورة الاجتماع"]
    assert library(q="budget") == ["Budget"]
    assert library(q="صور") == ["صورة الاجتماع"]


def test_the_library_sorts_and_filters(library):
    assert library(sort="title") == ["Budget", "صورة الاجتماع", "ورقة القضاء"]
    assert library(sort="recent") == ["Budget", "صورة الاجتماع", "ورقة القضاء"]
    assert library(sort="oldest") == ["ورقة القضاء", "صورة الاجتماع", "Budget"]
    assert library(kind="image") == ["صورة الاجتماع"]
    assert library(tag=WorkspaceFile.objects.get(title="صورة الاجتماع").tags.get().slug) == [
        "صورة الاجتماع"
    ]


def test_the_library_shows_previews_of_images_and_pdfs(client, library, legal):
    page = client.get(reverse("workspaces:files:list", args=[legal.slug])).content.decode()
    for file in WorkspaceFile.objects.all():
        assert reverse("workspaces:files:thumbnail", args=[legal.slug, file.pk]) in page


def test_attachments_are_in_the_library_unless_pending_or_their_post_is_hidden(
    library, legal, make_file, start_discussion
):
    discussion = start_discussion(legal)
    make_file(legal, "attached.pdf", title="مرفق بالنقاش", attached_to=discussion)
    make_file(legal, "waiting.pdf", title="ينتظر الإرسال", in_library=False)
    listed = library()
    assert "مرفق بالنقاش" in listed and "ينتظر الإرسال" not in listed
    discussion.hidden = True
    discussion.save(update_fields=["hidden"])
    assert "مرفق بالنقاش" not in library()


def test_the_workspace_home_and_header_link_to_the_library(client, world, legal, make_file):
    make_file(legal, "paper.pdf", title="ورقة العمل")
    client.force_login(world["users"]["member_legal"])
    home = client.get(legal.url).content.decode()
    assert reverse("workspaces:files:list", args=[legal.slug]) in home
    assert "ورقة العمل" in home


def test_the_library_costs_the_same_queries_for_many_files(client, world, legal, make_file):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["users"]["member_legal"])
    url = reverse("workspaces:files:list", args=[legal.slug])
    make_file(legal, "photo.jpg", tags=["صور"])
    for _warm_up in range(2):  # caches filled on first use (site, settings) are not counted
        client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(4):
        make_file(legal, f"paper-{index}.pdf", tags=[f"وسم {index}"])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_post_attachments_show_pictures_and_documents_of_a_post(
    world, legal, make_file, start_discussion
):
    from django.template import Context, Template

    discussion = start_discussion(legal)
    paper = make_file(legal, "paper.pdf", title="ورقة مرفقة", attached_to=discussion)
    picture = make_file(legal, "photo.jpg", title="صورة مرفقة", attached_to=discussion)
    make_file(legal, "other.pdf", title="ليست مرفقة")
    html = Template(
        "{% load files_tags %}{% thread_attachments discussion as attached %}"
        "{% post_attachments attached discussion %}"
    ).render(Context({"discussion": discussion}))
    assert "ورقة مرفقة" in html and "ليست مرفقة" not in html
    assert reverse("workspaces:files:thumbnail", args=[legal.slug, picture.pk]) in html
    assert reverse("workspaces:files:download", args=[legal.slug, paper.pk, 1]) in html


def test_the_author_of_a_discussion_is_offered_to_attach_files(
    client, world, legal, start_discussion
):
    discussion = start_discussion(legal)
    upload_url = reverse("workspaces:files:new", args=[legal.slug])
    attach_link = f"{upload_url}?attach_to={discussion.pk}"
    client.force_login(world["users"]["member_legal"])
    assert attach_link in client.get(discussion.url).content.decode()
    form = client.get(attach_link).content.decode()
    assert f'name="attach_to" value="{discussion.pk}"' in form
    client.force_login(world["users"]["rapporteur_legal"])
    assert attach_link not in client.get(discussion.url).content.decode()


def test_file_names_are_laid_out_by_their_dominant_script(client, world, legal, make_file):
    """An Arabic title that starts with a Latin word still reads right to left (issue 13)."""
    from bs4 import BeautifulSoup

    make_file(legal, "a.pdf", title="PDF ورقة العمل الأولى للمجموعة")
    make_file(legal, "b.pdf", title="Draft of the new constitution, الفصل الأول")
    client.force_login(world["users"]["member_legal"])
    page = client.get(reverse("workspaces:files:list", args=[legal.slug])).content
    shown = {
        title.get_text(): title["dir"]
        for title in BeautifulSoup(page, "html.parser").select(".file-card__title")
    }
    assert shown == {
        "PDF ورقة العمل الأولى للمجموعة": "rtl",
        "Draft of the new constitution, الفصل الأول": "ltr",
    }


def test_the_count_of_matches_shows_the_query_in_its_own_direction(client, world, legal, make_file):
    from bs4 import BeautifulSoup

    make_file(legal, "a.pdf", title="ورقة العمل")
    client.force_login(world["users"]["member_legal"])
    client.cookies["cssr_language"] = "ar"
    url = reverse("workspaces:files:list", args=[legal.slug])
    count = BeautifulSoup(client.get(url, {"q": "ورقة"}).content, "html.parser").select_one(
        ".library-count"
    )
    assert count.get_text(strip=True) == "ملف واحد يطابق «ورقة»."
    assert count.span["dir"] == "rtl"
