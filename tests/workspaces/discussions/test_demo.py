from demo.discussions import create_discussions
from demo.workspaces import create_workspaces
from workspaces.discussions.models import DiscussionPage, Reply


def test_the_demo_fills_each_workspace_once(demo_users):
    workspaces = create_workspaces(demo_users)
    create_discussions(workspaces, demo_users)
    counts = (DiscussionPage.objects.count(), Reply.objects.count())

    for slug in ("legal-constitutional", "electoral", "women-advisory-board-shared"):
        discussions = DiscussionPage.objects.in_workspace(workspaces[slug]).live()
        assert discussions.count() >= 2
        assert discussions.filter(kind=DiscussionPage.Kind.CONCERN).exists()
        for discussion in discussions:
            assert discussion.reply_count == discussion.replies.count() >= 1
            access = workspaces[slug].access_for(discussion.owner)
            assert access.can_post
    legal = DiscussionPage.objects.in_workspace(workspaces["legal-constitutional"])
    invited = legal.get(focal_point_invited=True)
    assert invited.replies.filter(author__username="focal_legal").exists()
    shared = Reply.objects.filter(
        discussion__in=DiscussionPage.objects.in_workspace(
            workspaces["women-advisory-board-shared"]
        )
    )
    assert {"wab_member", "member_legal"} <= set(shared.values_list("author__username", flat=True))

    create_discussions(create_workspaces(demo_users), demo_users)
    assert (DiscussionPage.objects.count(), Reply.objects.count()) == counts


def test_demo_members_read_their_discussions(demo_users, client):
    workspaces = create_workspaces(demo_users)
    create_discussions(workspaces, demo_users)
    client.force_login(demo_users["member_electoral"])
    discussion = DiscussionPage.objects.in_workspace(workspaces["electoral"]).first()
    assert client.get(discussion.url).status_code == 200
    legal = DiscussionPage.objects.in_workspace(workspaces["legal-constitutional"]).first()
    assert client.get(legal.url).status_code == 404
