# ruff: noqa: RUF001 (French typography writes the apostrophe as a curly quote)
"""The forums' interface text in French and Arabic: forms, emails, pages and plural forms come
out of the forums' catalogues in the active language (forums/locale)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import translation

from forums import views
from forums.feeds import ForumFeed
from forums.forms import ReportForm, TopicForm
from forums.models import Post
from forums.moderation import ACTIONS
from portal.core.mail import templated_message


def page_request(path="/en/forums/search/"):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_topic_form_speaks_french_and_arabic():
    with translation.override("fr"):
        form = TopicForm(data={"title": "", "body": "Bonjour"})
        assert not form.is_valid()
        assert str(form.fields["title"].label) == "Titre"
        assert form.errors["title"] == ["Donnez un titre à votre sujet."]
    with translation.override("ar"):
        form = TopicForm(data={"title": "", "body": "مرحبا"})
        assert not form.is_valid()
        assert str(form.fields["body"].label) == "رسالتك"
        assert form.errors["title"] == ["ضع عنوانًا لموضوعك."]


def test_a_too_long_message_is_refused_in_french():
    with translation.override("fr"):
        form = TopicForm(data={"title": "Une question", "body": "x" * 20_001})
        assert not form.is_valid()
        assert form.errors["body"] == [
            "Votre message est trop long : il doit compter moins de 20\xa0000 caractères."
        ]


def test_report_reasons_and_post_statuses_are_translated():
    with translation.override("fr"):
        form = ReportForm()
        assert dict(form.fields["reason"].choices)["spam"] == "Spam ou publicité"
        assert str(Post.Status.PENDING.label) == "En attente de modération"
        assert str(ACTIONS["approve"].label) == "Approuver"
    with translation.override("ar"):
        assert str(Post.Status.PENDING.label) == "بانتظار المراجعة"
        assert str(ACTIONS["lock"].label) == "الإقفال"


def rejection_email(topic, reason):
    """The rejection email of the topic's first post, in the language active now."""
    context = {
        "post": topic.posts.get(),
        "topic": topic,
        "reason": reason,
        "index_url": "https://example.org/en/forums/",
    }
    return templated_message("forums/emails/rejected", context, "someone@example.org")


def test_the_rejection_email_is_in_the_active_language(topic):
    with translation.override("fr"):
        message = rejection_email(topic, "Hors sujet")
    assert message.subject == "Votre message dans « How is the CPI weighted? » n’a pas été publié"
    assert message.body.startswith("Bonjour,")
    assert "Un modérateur a décidé de ne pas publier votre message" in message.body
    html = message.alternatives[0].content
    assert '<html lang="fr" dir="ltr">' in html
    assert "Ce que vous avez écrit :" in html
    with translation.override("ar"):
        message = rejection_email(topic, "Hors sujet")
    assert message.subject == "لم تُنشر مشاركتك في «How is the CPI weighted?»"
    assert "السبب: Hors sujet" in message.body


def test_the_english_email_is_unchanged(topic):
    message = rejection_email(topic, "Off topic")
    assert message.subject == "Your post in “How is the CPI weighted?” was not published"
    assert message.body.startswith("Hello,\n\nA moderator has decided not to publish your post in")
    assert '<html lang="en-GB" dir="ltr">' in message.alternatives[0].content


def test_the_search_page_heading_is_translated(index):
    for language, heading in [("fr", "Rechercher dans les forums"), ("ar", "البحث في المنتديات")]:
        with translation.override(language):
            response = views.search(index, page_request())
            response.render()
        assert f"<h1>{heading}</h1>" in response.content.decode()


def test_arabic_picks_the_plural_form_for_the_count(index, forum, topic):
    feed = ForumFeed(index, forum)
    with translation.override("ar"):
        topic.reply_count = 3
        assert feed.item_description(topic) == "3 ردود"
        topic.reply_count = 11
        assert feed.item_description(topic) == "11 ردًّا"
        topic.reply_count = 2
        assert feed.item_description(topic) == "ردّان"
    with translation.override("fr"):
        topic.reply_count = 1
        assert feed.item_description(topic) == "1 réponse"
        topic.reply_count = 3
        assert feed.item_description(topic) == "3 réponses"
