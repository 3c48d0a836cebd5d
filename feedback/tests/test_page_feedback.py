"""'Was this page useful?': the box, the answer without JavaScript or with it, and bad input."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from wagtail.models import PageViewRestriction

from feedback.models import COMMENT_MAX_LENGTH, FeedbackSettings, PageFeedback
from home.tests.factories import StandardPageFactory
from portal.contacts.models import Touchpoint, TouchpointKind
from stories.models import DataStoryPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_story_pages_show_the_box_and_other_pages_do_not(client, story, home_page):
    html = client.get(story.url).content.decode()
    assert 'id="page-feedback"' in html
    assert "Was this page useful?" in html
    assert f'action="/en/page-feedback/{story.pk}/"' in html
    assert 'name="website"' in html  # the honeypot
    assert 'id="page-feedback"' not in client.get(StandardPageFactory().url).content.decode()
    assert 'id="page-feedback"' not in client.get("/en/").content.decode()


def test_the_box_has_no_per_visitor_token_so_story_pages_stay_cacheable(client, story):
    response = client.get(story.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies


def test_editors_word_the_box(client, story):
    settings = FeedbackSettings.load()
    settings.question = "Did this story help you?"
    settings.save()
    assert "Did this story help you?" in client.get(story.url).content.decode()


def test_an_anonymous_yes_is_stored_and_the_reader_is_thanked_on_the_page(client, story, send_feedback):
    response = send_feedback(story, useful="yes")
    assert response.status_code == 302
    assert response["Location"] == story.url
    feedback = PageFeedback.objects.get()
    assert feedback.useful is True
    assert feedback.page_id == story.pk
    assert feedback.page_title == story.title
    assert feedback.content_type == ContentType.objects.get_for_model(DataStoryPage)
    assert feedback.comment == ""
    assert "Thank you for your feedback" in client.get(story.url).content.decode()
    assert not Touchpoint.objects.filter(kind=TouchpointKind.FEEDBACK).exists()


def test_a_no_with_a_type_and_a_comment(story, send_feedback):
    send_feedback(story, useful="no", feedback_type="missing_data", comment="  I need it by district.  ")
    feedback = PageFeedback.objects.get()
    assert (feedback.useful, feedback.feedback_type, feedback.comment) == (
        False,
        "missing_data",
        "I need it by district.",
    )


def test_with_javascript_the_answer_comes_back_as_json(story, send_feedback, client):
    response = client.post(
        f"/en/page-feedback/{story.pk}/",
        {"useful": "no"},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert json.loads(response.content) == {"message": FeedbackSettings.load().thank_you}
    assert PageFeedback.objects.count() == 1


def test_signed_in_readers_are_recorded_in_the_user_database(client, story, send_feedback):
    client.force_login(UserFactory(email="reader@example.org"))
    send_feedback(story, useful="yes")
    touchpoint = Touchpoint.objects.get(kind=TouchpointKind.FEEDBACK)
    assert touchpoint.contact.email == "reader@example.org"
    assert touchpoint.detail == f"Useful: {story.title}"
    assert not hasattr(PageFeedback, "user")  # the answer itself stays anonymous


def test_without_an_answer_the_form_comes_back_with_what_was_typed(story, send_feedback):
    response = send_feedback(story, useful="", comment="Half-written thought")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose yes or no." in html
    assert "Half-written thought" in html
    assert not PageFeedback.objects.exists()


def test_each_error_is_tied_to_its_field_and_linked_from_the_summary(story, send_feedback):
    response = send_feedback(
        story, useful="", feedback_type="<script>", comment="x" * (COMMENT_MAX_LENGTH + 1)
    )
    page = BeautifulSoup(response.content, "html.parser")
    summary_links = [a["href"] for a in page.select(".error-summary a")]
    assert summary_links == ["#id_useful_0", "#id_feedback_type", "#id_comment"]
    answer = page.find("fieldset", attrs={"aria-describedby": True})
    assert page.find(id=answer["aria-describedby"].split()[-1]).get_text(strip=True).startswith("Error:")
    for name in ("feedback_type", "comment"):
        field = page.find(attrs={"name": name, "aria-invalid": "true"})
        described = field["aria-describedby"].split()
        assert f"id_{name}_error" in described, name
        assert "Error:" in page.find(id=f"id_{name}_error").get_text()
    assert "id_comment_helptext" in page.find(attrs={"name": "comment"})["aria-describedby"]
    assert page.find("details", open=True), "the details open to show their errors"


def test_a_huge_comment_is_refused_with_its_length(story, send_feedback):
    response = send_feedback(story, comment="x" * (COMMENT_MAX_LENGTH + 1))
    assert response.status_code == 400
    assert (
        f"Keep this to {COMMENT_MAX_LENGTH:,} characters or fewer (you wrote {COMMENT_MAX_LENGTH + 1})"
        in (response.content.decode())
    )
    assert not PageFeedback.objects.exists()


def test_a_comment_at_the_limit_is_kept_whole(story, send_feedback):
    send_feedback(story, comment="y" * COMMENT_MAX_LENGTH)
    assert len(PageFeedback.objects.get().comment) == COMMENT_MAX_LENGTH


def test_an_unknown_type_is_refused(story, send_feedback):
    response = send_feedback(story, feedback_type="<script>")
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_script_in_a_comment_is_kept_as_plain_text_and_shown_escaped(story, send_feedback, superuser_client):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    send_feedback(story, useful="no", comment=hostile + "\x1b\x07")
    feedback = PageFeedback.objects.get()
    assert feedback.comment == hostile  # text, exactly as written, minus control characters
    for url in ("/admin/feedback/pagefeedback/", f"/admin/feedback/pagefeedback/inspect/{feedback.pk}/"):
        html = superuser_client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html or "&lt;script&gt;alert" in html


def test_robots_filling_the_honeypot_are_thanked_and_nothing_is_stored(story, send_feedback):
    response = send_feedback(story, website="http://spam.example")
    assert response.status_code == 302
    assert not PageFeedback.objects.exists()


def test_flooding_is_stopped_by_the_rate_limit(story, send_feedback):
    statuses = [send_feedback(story).status_code for _ in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert PageFeedback.objects.count() == 10


@pytest.mark.parametrize("origin", ["https://evil.example", "http://testserver.evil.example", None])
def test_posts_from_other_sites_or_without_an_origin_are_refused(story, send_feedback, origin):
    assert send_feedback(story, origin=origin).status_code == 403
    assert not PageFeedback.objects.exists()


def test_a_referer_from_this_site_is_enough_for_old_browsers(client, story):
    response = client.post(
        f"/en/page-feedback/{story.pk}/", {"useful": "yes"}, HTTP_REFERER=f"http://testserver{story.url}"
    )
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 1


def test_pages_that_do_not_ask_for_feedback_refuse_it(send_feedback, client, home_page):
    about = StandardPageFactory()
    assert send_feedback(about).status_code == 404
    assert client.get(f"/en/page-feedback/{about.pk}/").status_code == 404
    assert not PageFeedback.objects.exists()


def test_unpublished_and_private_pages_refuse_feedback(story, send_feedback):
    DataStoryPage.objects.filter(pk=story.pk).update(live=False)
    assert send_feedback(story).status_code == 404
    DataStoryPage.objects.filter(pk=story.pk).update(live=True)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert send_feedback(story).status_code == 404
    assert not PageFeedback.objects.exists()


def test_the_form_on_its_own_page_works_without_the_story(client, story):
    response = client.get(f"/en/page-feedback/{story.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Feedback on “{story.title}”" in html
    assert response["X-Robots-Tag"] == "noindex"


def test_previews_do_not_show_the_box(story):
    response = story.make_preview_request()
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert 'id="page-feedback"' not in response.content.decode()
