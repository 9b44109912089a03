"""A workspace world at scale for `make bench-workspaces`: many workspaces, discussions, replies.

`generate(sizes)` runs on top of `seed_demo` (the demo people and `legal-constitutional`) and
adds workspaces with invented participants, each joined by `member_legal` (so the demo member,
like staff, sees them all), discussions spread over them and `legal-constitutional`, and
replies, `sizes.long_thread` of them in one discussion of `legal-constitutional`: the thread the
benchmark reads (the one with the most replies there).

Discussions are written as rows, not through `DiscussionPage.create`, which publishes one page
at a time (tree lookups, a revision, log entries, a search-index entry: many minutes for
thousands). The rows hold what `create` and `refresh_activity` leave: tree path, depth and
url_path (and the workspace's numchild), a published revision, tags, the denormalised reply
count, last activity and search text. Left out, as no workspace page reads them: page log
entries and Wagtail's search-index entries (the workspace search reads `search_text`). Every
reply row is built by `reply_row`, numbered in its thread in the order the replies were posted.
Database only, one transaction; a seed gives the same world.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Revision

from accounts.models import User
from search.text import normalise
from workspaces.discussions.models import DiscussionPage, DiscussionTag, Reply, TaggedDiscussion
from workspaces.models import (
    CodeOfConduct,
    CodeOfConductAcceptance,
    Membership,
    Role,
    WorkspaceIndexPage,
    WorkspacePage,
)
from workspaces.roles import POSTING_ROLES

from . import bulk_text as text

WORKSPACE_SLUG_PREFIX = "bulk-"
PARTICIPANT_PREFIX = "participant_"
LONG_THREAD_WORKSPACE = "legal-constitutional"
PARTICIPANTS_PER_WORKSPACE = 20
# The demo people each generated workspace also has: the demo member and rapporteur post there,
# the officer moderates, the focal point reads.
DEMO_ROLES = {
    "member_legal": Role.MEMBER,
    "rapporteur_legal": Role.MEMBER,
    "officer_legal": Role.OFFICER,
    "focal_legal": Role.FOCAL_POINT,
}
MODERATOR = "officer_legal"
TAGS = ["دستور", "عدالة انتقالية", "مشاورات", "ورقة موجزة", "حوكمة محلية", "توثيق"]
HISTORY = datetime.timedelta(days=180)
HIDDEN_SHARE = 1 / 250
CONCERN_SHARE = 0.15
KINDS = [DiscussionPage.Kind.CONCERN, DiscussionPage.Kind.DISCUSSION]
BATCH_SIZE = 1000


@dataclass(frozen=True)
class Sizes:
    workspaces: int = 20
    discussions: int = 5000
    replies: int = 100_000
    long_thread: int = 2000
    seed: int = 12


class CannotGenerate(Exception):
    """The database lacks the demo world, or has been given a generated world already."""


@dataclass
class Plan:
    """One discussion to write, with its replies as (created_at, author, body, hidden)."""

    workspace: WorkspacePage
    author: User
    title: str
    body: str
    started: datetime.datetime
    kind: str
    tags: list
    replies: list = field(default_factory=list)
    page: DiscussionPage = None


def reply_row(discussion, author, body, created_at, position):
    """An unsaved reply as `Reply.save` stores it (`Reply.derive`: workspace, search text and
    safe HTML), at `position` in its thread; `discussion.workspace` is known, so it asks no
    query."""
    reply = Reply(
        discussion=discussion, author=author, body=body, created_at=created_at, position=position
    )
    return reply.derive()


def generate(sizes, now=None):
    """Add the world `sizes` describes; return the rows added, by kind."""
    if sizes.long_thread > sizes.replies or sizes.discussions < 1:
        raise CannotGenerate("need at least one discussion and long-thread <= replies")
    rng = random.Random(sizes.seed)
    now = now or timezone.now()
    with transaction.atomic():
        home, demo = _demo_world()
        people = _participants(rng, sizes.workspaces)
        workspaces = [_workspace(number, now) for number in range(1, sizes.workspaces + 1)]
        posters = {home.pk: _join(rng, home, people, {}) + _demo_posters(home)}
        for workspace in workspaces:
            posters[workspace.pk] = _join(rng, workspace, people, demo)
        plans = _plan(rng, sizes, [home, *workspaces], posters, now)
        _write_discussions(plans)
        hidden = _write_replies(plans, demo[MODERATOR], now)
    return {
        "participants": len(people),
        "workspaces": len(workspaces),
        "discussions": len(plans),
        "replies": sum(len(plan.replies) for plan in plans),
        "hidden replies": hidden,
        "long thread": plans[0].page.url_path,
    }


# -- People and workspaces ---------------------------------------------------------------------


def _demo_world():
    home = WorkspacePage.objects.filter(slug=LONG_THREAD_WORKSPACE).first()
    demo = {user.username: user for user in User.objects.filter(username__in=DEMO_ROLES)}
    if home is None or len(demo) < len(DEMO_ROLES):
        raise CannotGenerate("run seed_demo first: the demo people and workspaces are missing")
    generated = WorkspacePage.objects.filter(slug__startswith=WORKSPACE_SLUG_PREFIX).exists()
    if generated or User.objects.filter(username__startswith=PARTICIPANT_PREFIX).exists():
        raise CannotGenerate("a generated world is here already: start from a fresh database")
    return home, demo


def _participants(rng, workspaces):
    """Invented members, each in about three workspaces; they never sign in."""
    count = max(PARTICIPANTS_PER_WORKSPACE, (workspaces + 1) * PARTICIPANTS_PER_WORKSPACE // 3)
    people = User.objects.bulk_create(
        User(
            username=f"{PARTICIPANT_PREFIX}{number:03d}",
            display_name=text.person_name(rng),
            title=rng.choice(text.TITLES_OF_PEOPLE),
            email=f"{PARTICIPANT_PREFIX}{number:03d}@example.org",
            password=make_password(None),
            # Demo content: seed_demo never gives these its password (they are not demo users).
            is_demo=True,
        )
        for number in range(1, count + 1)
    )
    code = CodeOfConduct.current()
    if code is not None:
        CodeOfConductAcceptance.objects.bulk_create(
            CodeOfConductAcceptance(code=code, user=person) for person in people
        )
    return people


def _workspace(number, now):
    slug_part, short, theme = text.THEMES[(number - 1) % len(text.THEMES)]
    cohort = (number - 1) // len(text.THEMES) + 1
    today = timezone.localdate(now)
    workspace = WorkspacePage(
        slug=f"{WORKSPACE_SLUG_PREFIX}{number:02d}-{slug_part}",
        title=f"مجموعة عمل {short} ({cohort})",
        theme=theme,
        description=f"<p>{theme}.</p>",
        kind=WorkspacePage.Kind.GROUP,
        cohort=cohort,
        term_start=today - datetime.timedelta(days=60),
        term_end=today + datetime.timedelta(days=60),
    )
    WorkspaceIndexPage.objects.get().add_child(instance=workspace)
    workspace.save_revision().publish()
    return workspace


def _join(rng, workspace, people, demo):
    """Memberships in one statement, the derived Wagtail access once; who may post there."""
    chosen = rng.sample(people, min(PARTICIPANTS_PER_WORKSPACE, len(people)))
    rows = [Membership(user=person, workspace=workspace, role=Role.MEMBER) for person in chosen]
    rows += [
        Membership(user=demo[username], workspace=workspace, role=role)
        for username, role in DEMO_ROLES.items()
        if username in demo
    ]
    Membership.objects.bulk_create(rows)
    workspace.sync_access()
    return [row.user for row in rows if row.role in POSTING_ROLES]


def _demo_posters(workspace):
    """The demo members who post in a demo workspace: those who accepted the code."""
    return list(
        User.objects.filter(
            memberships__workspace=workspace,
            memberships__role__in=POSTING_ROLES,
            code_acceptances__isnull=False,
        ).distinct()
    )


# -- What is written where, and when -----------------------------------------------------------


def _plan(rng, sizes, workspaces, posters, now):
    """The discussions, the long thread first, with reply counts spread unevenly."""
    home = workspaces[0]
    weights = [rng.uniform(0.5, 1.5) for _ in workspaces]
    places = [home] + rng.choices(workspaces, weights, k=sizes.discussions - 1)
    others = _spread(rng, sizes.replies - sizes.long_thread, sizes.discussions - 1)
    counts = [sizes.replies] if sizes.discussions == 1 else [sizes.long_thread, *others]
    plans = []
    for number, (workspace, count) in enumerate(zip(places, counts, strict=True)):
        authors = posters[workspace.pk]
        # A few people write most of a group's posts.
        activity = [1 / (rank + 1) for rank in range(len(authors))]
        started = now - (HISTORY if number == 0 else HISTORY * rng.uniform(0.01, 1))
        plan = Plan(
            workspace=workspace,
            author=rng.choices(authors, activity)[0],
            title=text.title(rng),
            body=text.body(rng),
            started=started,
            kind=rng.choices(KINDS, [CONCERN_SHARE, 1 - CONCERN_SHARE])[0],
            tags=rng.sample(TAGS, rng.randint(0, 2)),
        )
        moments = sorted(rng.uniform(0, 1) for _ in range(count))
        span = (now - started) - datetime.timedelta(minutes=1)
        plan.replies = [
            (
                started + span * moment,
                rng.choices(authors, activity)[0],
                text.body(rng),
                rng.random() < HIDDEN_SHARE,
            )
            for moment in moments
        ]
        plans.append(plan)
    return plans


def _spread(rng, total, count):
    """`count` numbers adding up to `total` exactly, most small, a few large."""
    if count <= 0:
        return []
    weights = [rng.expovariate(1.0) for _ in range(count)]
    scale = total / sum(weights)
    counts = [int(weight * scale) for weight in weights]
    for index in rng.sample(range(count), total - sum(counts)):
        counts[index] += 1
    return counts


# -- Rows --------------------------------------------------------------------------------------


def _write_discussions(plans):
    discussion_type = ContentType.objects.get_for_model(DiscussionPage)
    page_type = ContentType.objects.get_for_model(Page)
    for workspace in {plan.workspace.pk: plan.workspace for plan in plans}.values():
        mine = [plan for plan in plans if plan.workspace.pk == workspace.pk]
        _place_in_tree(workspace, mine, discussion_type)

    # Wagtail's Page rows first (their ids come back), then the discussions' own rows: Django's
    # bulk_create refuses a model that inherits from another table, so those go through the
    # same insert it uses, for the discussion table's columns only.
    discussions = [plan.page for plan in plans]
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = [
        Page(**{field.attname: getattr(discussion, field.attname) for field in page_fields})
        for discussion in discussions
    ]
    Page.objects.bulk_create(bases, batch_size=BATCH_SIZE)
    for discussion, base in zip(discussions, bases, strict=True):
        discussion.id = discussion.page_ptr_id = base.pk
    own_fields = DiscussionPage._meta.local_concrete_fields
    for start in range(0, len(discussions), BATCH_SIZE):
        DiscussionPage._base_manager._insert(
            discussions[start : start + BATCH_SIZE], fields=own_fields
        )

    tags = {name: DiscussionTag.objects.get_or_create(name=name)[0] for name in TAGS}
    tagged = TaggedDiscussion.objects.bulk_create(
        TaggedDiscussion(tag=tags[name], content_object_id=plan.page.pk)
        for plan in plans
        for name in plan.tags
    )
    tagged_by_page = {}
    for item in tagged:
        tagged_by_page.setdefault(item.content_object_id, []).append(item)

    revisions = []
    for discussion in discussions:
        content = discussion.serializable_data()
        content["tagged_items"] = [
            {"pk": item.pk, "tag": item.tag_id, "content_object": discussion.pk}
            for item in tagged_by_page.get(discussion.pk, [])
        ]
        revisions.append(
            Revision(
                content_type=discussion_type,
                base_content_type=page_type,
                object_id=str(discussion.pk),
                created_at=discussion.first_published_at,
                user_id=discussion.owner_id,
                object_str=discussion.title,
                content=content,
            )
        )
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for base, revision in zip(bases, revisions, strict=True):
        base.latest_revision_id = base.live_revision_id = revision.pk
    Page.objects.bulk_update(bases, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)


def _place_in_tree(workspace, plans, discussion_type):
    """Unsaved discussions after the workspace's last child, as `add_child` would number them."""
    last = workspace.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    taken = set(workspace.get_children().values_list("slug", flat=True))
    for offset, plan in enumerate(plans):
        slug = _slug(plan.title, step + offset, taken)
        visible = [created_at for created_at, _author, _body, hidden in plan.replies if not hidden]
        plan.page = DiscussionPage(
            title=plan.title,
            draft_title=plan.title,
            slug=slug,
            path=Page._get_path(workspace.path, workspace.depth + 1, step + offset),
            depth=workspace.depth + 1,
            numchild=0,
            url_path=f"{workspace.url_path}{slug}/",
            content_type=discussion_type,
            locale_id=workspace.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=plan.started,
            last_published_at=plan.started,
            latest_revision_created_at=plan.started,
            owner=plan.author,
            kind=plan.kind,
            body=plan.body,
            # As `refresh_activity` counts: visible replies, latest visible one or the start.
            reply_count=len(visible),
            last_activity_at=max([plan.started, *visible]),
            search_text=normalise(f"{plan.title}\n{plan.body}"),
        )
        plan.page.render_body()
        # Known here: the replies' rows take it from the discussion without asking.
        plan.page.workspace = workspace
    Page.objects.filter(pk=workspace.pk).update(numchild=F("numchild") + len(plans))


def _slug(title, number, taken):
    """The title's slug in its own script, made unique by a number, as `free_slug` would."""
    base = slugify(title, allow_unicode=True)
    if len(base) > 40:
        base = base[:40].rsplit("-", 1)[0]
    base = base.strip("-") or "discussion"
    slug = f"{base}-{number}"
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _write_replies(plans, moderator, now):
    """Every reply through `reply_row`, in batches; returns how many were hidden.

    A plan's replies are in the order they were posted (`_plan` sorts their moments), and each
    discussion is new, so their places in the thread are 1, 2, ... in that order."""
    batch, hidden_count = [], 0
    for plan in plans:
        for position, (created_at, author, body, hidden) in enumerate(plan.replies, 1):
            row = reply_row(plan.page, author, body, created_at, position)
            if hidden:
                row.hidden = True
                row.hidden_reason = text.HIDDEN_REASON
                row.hidden_by = moderator
                row.hidden_at = min(created_at + datetime.timedelta(hours=2), now)
                hidden_count += 1
            batch.append(row)
            if len(batch) >= BATCH_SIZE:
                Reply.objects.bulk_create(batch)
                batch = []
    Reply.objects.bulk_create(batch)
    return hidden_count
