"""What editors do in the admin: write a story, get told about bad data, go through review."""

import io
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from stories.models import DataStoryPage
from tests.factories import StaffFactory
from tests.pages import PRICES_CSV

pytestmark = pytest.mark.django_db


def story_form(data, title="Prices story", chart_type="line", action=None):
    form = nested_form_data(
        {
            "title": title,
            "slug": "prices-story",
            "format": "story",
            "standfirst": "Inflation eased.",
            "literacy_level": "basic",
            "topics": "prices",
            "source_name": "Consumer price index",
            "release_date": "2026-11-12",
            "body": streamfield(
                [
                    (
                        "chart",
                        {
                            "title": "Inflation",
                            "chart_type": chart_type,
                            "data": data,
                            "x_label": "",
                            "y_label": "",
                            "unit": "%",
                            "summary": "It fell.",
                            "source": "Consumer price index",
                            "notes": "",
                        },
                    )
                ]
            ),
            "corrections": inline_formset([]),
        }
    )
    if action:
        form[action] = "1"
    return form


def add_url(story_index):
    return f"/admin/pages/add/stories/datastorypage/{story_index.pk}/"


def test_editor_creates_a_story_with_a_chart(superuser_client, story_index):
    response = superuser_client.post(add_url(story_index), story_form(PRICES_CSV))
    assert response.status_code == 302
    story = DataStoryPage.objects.get(slug="prices-story")
    assert not story.live  # saved as a draft until published
    assert story.body[0].value["title"] == "Inflation"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Month,Rate\nJan,1\nFeb,2,3\n", "Row 3"),
        ("Month,Rate\nJan,abc\n", "abc"),
        ("Month,Rate\n=cmd|' /C calc'!A0,1\n", "formula"),
        ("Month,Rate\n<script>alert(1)</script>,1\n", "<"),
        ("Month,Rate\n" + "".join(f"m{n},{n}\n" for n in range(100_000)), "500"),
    ],
)
def test_bad_chart_data_is_refused_with_a_message_and_nothing_saved(
    superuser_client, story_index, data, message
):
    response = superuser_client.post(add_url(story_index), story_form(data))
    assert response.status_code == 200
    body = response.content.decode()
    assert "The page could not be created due to validation errors" in body
    assert message.replace("<", "&lt;") in body or message in body
    assert "<script>alert(1)</script>" not in body
    assert not DataStoryPage.objects.filter(slug="prices-story").exists()


def test_a_chart_without_data_cannot_be_published(superuser_client, story_index):
    response = superuser_client.post(add_url(story_index), story_form("", action="action-publish"))
    assert response.status_code == 200
    assert "Paste the chart&#x27;s data here, or choose a CSV file below." in response.content.decode()
    assert not DataStoryPage.objects.filter(slug="prices-story", live=True).exists()


def test_dishonest_pie_is_refused(superuser_client, story_index):
    response = superuser_client.post(
        add_url(story_index), story_form("Year,A,B\n2024,1,2\n2025,3,4\n", chart_type="pie")
    )
    assert response.status_code == 200
    assert "pie" in response.content.decode().lower()
    assert not DataStoryPage.objects.filter(slug="prices-story").exists()


def image_upload(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": 1,
        },
    )


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_infographic_image_upload_accepts_a_real_image(superuser_client):
    response = image_upload(superuser_client, "chart.png", png_bytes(800, 600))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="chart.png").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.png", b"this is not an image at all", "Upload a valid image"),
        ("script.svg", b"<svg onload='alert(1)'></svg>", "Not a supported image format"),
    ],
)
def test_non_images_are_refused(superuser_client, name, content, message):
    response = image_upload(superuser_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.filter(title=name).exists()


def test_decompression_bomb_is_refused(superuser_client, settings):
    # A small file that decodes to more pixels than the site allows.
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    response = image_upload(superuser_client, "bomb.png", png_bytes(2000, 2000))
    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert not get_image_model().objects.filter(title="bomb.png").exists()


def test_oversized_upload_is_refused(superuser_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    response = image_upload(superuser_client, "big.png", png_bytes(1500, 1500) + b"\0" * 20_000)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.filter(title="big.png").exists()


def test_reviewer_approval_publishes_and_rejection_does_not(make_story):
    author = StaffFactory(groups=["Editors"])
    reviewer = StaffFactory(groups=["Moderators"])
    workflow = Workflow.objects.get(name="Moderators approval")

    approved = make_story("Approved story", publish=False)
    rejected = make_story("Rejected story", publish=False)
    for story, action in ((approved, "approve"), (rejected, "reject")):
        assert story.get_workflow() == workflow
        state = workflow.start(story, author)
        assert not DataStoryPage.objects.get(pk=story.pk).live
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, action)

    assert DataStoryPage.objects.get(pk=approved.pk).live
    assert not DataStoryPage.objects.get(pk=rejected.pk).live


def test_editors_cannot_publish_without_review(make_story):
    author = StaffFactory(groups=["Editors"])
    story = make_story("Draft", publish=False)
    assert not story.permissions_for_user(author).can_publish()
    assert story.permissions_for_user(author).can_edit()


def make_document(name, content):
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(title=name, file=SimpleUploadedFile(name, content))


def chart_value(**fields):
    from stories.blocks import ChartBlock

    block = ChartBlock()
    value = block.to_python(
        {
            "title": "Inflation",
            "chart_type": "line",
            "summary": "It fell.",
            "source": "CPI",
            "data": "",
            **fields,
        }
    )
    return block, value


def test_uploaded_csv_fills_the_chart_data():
    document = make_document("prices.csv", PRICES_CSV.encode("utf-8-sig"))
    block, value = chart_value(data_file=document.pk)
    cleaned = block.clean(value)
    assert cleaned["data"].strip() == PRICES_CSV.strip()
    assert block.spec(cleaned).data.categories[-1] == "Oct 2026"


def test_pasted_data_wins_over_a_chosen_file():
    document = make_document("other.csv", b"Year,Value\n2024,1\n2025,2\n")
    block, value = chart_value(data=PRICES_CSV, data_file=document.pk)
    assert block.clean(value)["data"].strip() == PRICES_CSV.strip()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("prices.pdf", b"%PDF-1.4", "Choose a CSV file"),
        ("latin1.csv", "Région,Valeur\nÎle,1\n".encode("latin-1"), "not UTF-8"),
        ("huge.csv", b"Year,Value\n" + b"2024,1\n" * 400_000, "larger than 2 MB"),
        ("ragged.csv", b"Year,Value\n2024,1,9\n", "Row 2"),
    ],
)
def test_bad_csv_files_are_refused_with_a_message(name, content, message):
    from wagtail.blocks import StructBlockValidationError

    document = make_document(name, content)
    block, value = chart_value(data_file=document.pk)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    messages = " ".join(str(e) for e in error.value.block_errors.values())
    assert message in messages


def test_editor_previews_a_draft_story_with_its_chart(make_story):
    story = make_story("Draft with chart", publish=False)
    response = story.make_preview_request()
    assert response.status_code == 200
    html = response.rendered_content if hasattr(response, "rendered_content") else response.content.decode()
    assert "Draft with chart" in html and "<svg" in html


def test_scheduled_story_goes_live_at_its_time(make_story):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    story = make_story("Embargoed release", publish=False)
    story.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = story.save_revision()
    revision.publish()
    assert not DataStoryPage.objects.get(pk=story.pk).live
    call_command("publish_scheduled", stdout=io.StringIO())
    assert not DataStoryPage.objects.get(pk=story.pk).live  # not yet

    later = timezone.now() + dt.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert DataStoryPage.objects.get(pk=story.pk).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
