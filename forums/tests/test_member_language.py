# ruff: noqa: RUF001 (French typography writes the apostrophe as a curly quote)
"""Each member gets forum emails in their own language; each post records the language it was
written in."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from forums import services
from forums.emails import send_rejection
from forums.models import Post, Subscription

pytestmark = pytest.mark.django_db


def new_post_subject(language, title):
    with translation.override(language):
        return gettext("New post in “%(topic)s”") % {"topic": title}


def test_a_post_records_the_language_it_was_written_in(topic, member):
    with translation.override("fr"):
        french = services.reply(topic, member, "Bonjour à tous.")
    with translation.override("ar"):
        arabic = services.reply(topic, member, "مرحبا")
    english = services.reply(topic, member, "Hello.")
    assert [Post.objects.get(pk=post.pk).language for post in (french, arabic, english)] == [
        "fr",
        "ar",
        "en-gb",
    ]


def test_an_unknown_active_language_is_recorded_as_the_default(topic, member):
    with translation.override("de"):
        post = services.reply(topic, member, "Hallo.")
    assert Post.objects.get(pk=post.pk).language == "en-gb"


def test_each_subscriber_gets_the_new_post_in_their_language(
    index, topic, forum, make_member, django_capture_on_commit_callbacks
):
    readers = {}
    for language in ("fr", "ar", "en-gb"):
        with translation.override(language):
            readers[language] = make_member(accepted=forum)
        Subscription.objects.create(user=readers[language], topic=topic)
    writer = make_member(accepted=forum)
    with translation.override("ar"), django_capture_on_commit_callbacks(execute=True):
        services.reply(topic, writer, "A new reply.")
    by_reader = {message.to[0]: message for message in mail.outbox}
    for language, user in readers.items():
        message = by_reader[user.email]
        assert message.subject == new_post_subject(language, topic.title)
        assert message.extra_headers["Content-Language"] == language
    assert by_reader[readers["fr"].email].subject == f"Nouveau message dans « {topic.title} »"
    assert by_reader[readers["en-gb"].email].subject == f"New post in “{topic.title}”"


def test_the_rejection_goes_in_the_authors_language_whatever_the_moderators(index, topic, forum, make_member):
    with translation.override("fr"):
        author = make_member(accepted=forum)
    post = services.reply(topic, author, "Hors sujet")
    with translation.override("en-gb"):  # the moderator's admin is in English
        send_rejection.enqueue(post.pk, "Off topic")
    [message] = mail.outbox
    assert message.subject == f"Votre message dans « {topic.title} » n’a pas été publié"
    assert "Un modérateur a décidé de ne pas publier votre message" in message.body
    assert message.extra_headers["Content-Language"] == "fr"


def test_posts_admin_shows_and_filters_the_language(superuser_client, topic, member):
    with translation.override("ar"):
        services.reply(topic, member, "Arabic reply text")
    services.reply(topic, member, "English reply text")
    listing = superuser_client.get("/admin/forums/post/", {"language": "ar"}).content.decode()
    assert "Arabic reply text" in listing and "English reply text" not in listing
    assert "العربية" in listing
