from demo.files import create_files
from workspaces.files.models import WorkspaceFile


def test_demo_files_are_a_pdf_and_an_image_in_every_workspace(
    world, stored_files, start_discussion
):
    legal = world["workspaces"]["legal-constitutional"]
    discussion = start_discussion(legal)
    create_files(world["workspaces"], world["users"])
    for workspace in world["workspaces"].values():
        files = WorkspaceFile.objects.in_workspace(workspace).in_library()
        assert sorted(files.values_list("kind", flat=True)) == ["document", "image"]
        paper = files.get(kind="document").current_version
        assert paper.content_type == "application/pdf"
        assert "مذكرة احاطة" in paper.text  # the Arabic text is extractable, normalised
    assert {f.attached_to_id for f in WorkspaceFile.objects.in_workspace(legal)} == {discussion.pk}
    # Seeding again adds nothing.
    count, stored = WorkspaceFile.objects.count(), stored_files()
    create_files(world["workspaces"], world["users"])
    assert WorkspaceFile.objects.count() == count and stored_files() == stored
