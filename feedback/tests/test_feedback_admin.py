"""Staff read page feedback, tag it by theme and mark it addressed; the reader's words stay as written."""

import pytest

from feedback.models import PageFeedback
from feedback.tests.factories import PageFeedbackFactory
from tests.factories import StaffFactory
from tests.spreadsheets import csv_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback(story):
    return PageFeedbackFactory(
        page=story,
        useful=False,
        feedback_type="missing_data",
        comment='=HYPERLINK("http://evil.example","click")',
    )


def edit_data(feedback, **changes):
    data = {"themes": [], "addressed": "", "staff_note": "", **changes}
    return {key: value for key, value in data.items() if value != ""}


def test_staff_tag_feedback_by_theme_and_mark_it_addressed(superuser_client, feedback, themes):
    url = f"/admin/feedback/pagefeedback/edit/{feedback.pk}/"
    page = superuser_client.get(url)
    assert page.status_code == 200
    response = superuser_client.post(
        url,
        edit_data(
            feedback,
            themes=[themes["Regional figures"].pk, themes["Release timing"].pk],
            addressed="on",
            staff_note="Passed to the labour market team.",
            comment="Rewritten by staff",
            useful="on",
        ),
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert set(feedback.themes.values_list("name", flat=True)) == {"Regional figures", "Release timing"}
    assert feedback.addressed is True
    assert feedback.staff_note == "Passed to the labour market team."
    assert feedback.comment.startswith("=HYPERLINK")  # read-only: what the reader wrote stays
    assert feedback.useful is False


def test_filtering_by_theme(superuser_client, feedback, themes):
    feedback.themes.add(themes["Clearer charts"])
    listed = superuser_client.get(f"/admin/feedback/pagefeedback/?theme={themes['Clearer charts'].pk}")
    assert feedback.page_title in listed.content.decode()
    other = superuser_client.get(f"/admin/feedback/pagefeedback/?theme={themes['Release timing'].pk}")
    assert feedback.page_title not in other.content.decode()


def test_feedback_cannot_be_created_or_deleted_in_the_admin(superuser_client, feedback):
    assert superuser_client.get("/admin/feedback/pagefeedback/create/").status_code in (302, 403)
    assert superuser_client.post(f"/admin/feedback/pagefeedback/delete/{feedback.pk}/").status_code in (
        302,
        403,
    )
    assert PageFeedback.objects.count() == 1
    assert PageFeedback.objects.filter(pk=feedback.pk).exists()


def test_the_export_cannot_carry_formulas(superuser_client, feedback, themes):
    feedback.themes.add(themes["Regional figures"])
    rows = csv_rows(superuser_client.get("/admin/feedback/pagefeedback/?export=csv"))
    header, *data = rows
    assert header[:4] == ["Page title", "Content type", "Answer", "Type"]
    [row] = [row for row in data if row[0] == feedback.page_title]
    assert row[header.index("Comment")] == '\'=HYPERLINK("http://evil.example","click")'
    assert row[header.index("Themes")] == "Regional figures"
    assert row[header.index("Answer")] == "Not useful"


def test_the_communications_team_reads_and_tags_feedback(client, feedback, themes):
    client.force_login(StaffFactory(groups=["Communications team"]))
    assert client.get("/admin/feedback/pagefeedback/").status_code == 200
    response = client.post(
        f"/admin/feedback/pagefeedback/edit/{feedback.pk}/",
        edit_data(feedback, themes=[themes["Clearer charts"].pk]),
    )
    assert response.status_code == 302
    assert list(feedback.themes.values_list("name", flat=True)) == ["Clearer charts"]


def test_other_staff_and_the_public_cannot_see_feedback(client, feedback):
    assert client.get("/admin/feedback/pagefeedback/").status_code == 302  # to the login page
    client.force_login(StaffFactory())
    assert client.get("/admin/feedback/pagefeedback/").status_code in (302, 403)
    assert client.get(f"/admin/feedback/pagefeedback/edit/{feedback.pk}/").status_code in (302, 403)
