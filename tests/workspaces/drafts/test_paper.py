"""The public paper made from a draft: what crosses from a workspace to the public site."""

from workspaces.drafts.paper import paper_blocks, paper_html


def test_a_paper_keeps_headings_lists_and_outside_links_but_no_way_back_in():
    source = (
        "## عنوان فرعي\n\n"
        "نص **مهم** مع [رابط داخلي](/ar/workspaces/legal-constitutional/discussions/1/) "
        "و[رابط مطلق](https://cssr.example/en/workspaces/electoral/) "
        "و[مصدر](https://example.org/a)\n\n"
        "- بند أول\n- بند ثانٍ\n\n"
        "1. توصية"
    )
    assert paper_blocks(source) == [
        ("heading", "عنوان فرعي"),
        (
            "paragraph",
            '<p>نص <b>مهم</b> مع رابط داخلي ورابط مطلق و<a href="https://example.org/a">مصدر</a></p>'
            "<ul><li>بند أول</li><li>بند ثانٍ</li></ul><ol><li>توصية</li></ol>",
        ),
    ]


def test_a_paper_paragraph_holds_only_what_its_block_admits():
    html = paper_html(
        '<h2 onclick="x">t</h2><p>a <img src=x onerror="alert(1)"><script>alert(2)</script>'
        '<a href="javascript:alert(3)" onclick="x">l</a> <a href="https://example.org/">m</a>'
        "<b>b</b><i>i</i><u>u</u></p><ul><li>one</li></ul><ol><li>two</li></ol><table></table>"
    )
    assert html == (
        't<p>a <a>l</a> <a href="https://example.org/">m</a><b>b</b><i>i</i>u</p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
    )
