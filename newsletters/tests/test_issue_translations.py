"""An issue written in several languages: each subscriber gets the translation in their language
for emails when one is published, else the original (its headings and footer still in their
language); the send starts from the original only, and the archive lists the page's language."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from newsletters import sending as sending_module
from newsletters.content import issue_content
from newsletters.models import Delivery, Sending
from newsletters.sending import run_sending
from newsletters.tests.factories import NewsletterIssuePageFactory, SendingFactory, SubscriberFactory
from stories.tests.factories import DataStoryPageFactory
from tests.factories import StaffFactory
from tests.pages import translate_page

FOOTER = "You get this email because you signed up for it on our website."
FRENCH_SUBJECT = "Les chiffres de juin"
FRENCH_INTRO = "Bonjour les lecteurs, voici les chiffres."


class Crash(BaseException):
    """Stands for the worker process dying: nothing in the sender catches it."""


def in_language(language, text):
    with translation.override(language):
        return gettext(text)


@pytest.fixture
def issue(newsletter_index, lists):
    return NewsletterIssuePageFactory(
        lists=[lists["monthly"]], title="June figures", intro="<p>Hello readers, here are the figures.</p>"
    )


@pytest.fixture
def french(issue):
    return translate_page(
        issue, "fr", title="Numéro de juin", subject=FRENCH_SUBJECT, intro=f"<p>{FRENCH_INTRO}</p>"
    )


def subscribe(lists, language, count=1):
    with translation.override(language):
        return [
            SubscriberFactory(email=f"{language}{n}@example.org", lists=[lists["monthly"]])
            for n in range(count)
        ]


@pytest.fixture
def readers(lists):
    """Two readers in each language: French, Arabic (no Arabic translation) and English."""
    return [reader for language in ("fr", "ar", "en-gb") for reader in subscribe(lists, language, 2)]


def test_each_reader_gets_their_languages_translation_or_the_original(issue, french, readers, smtp_sink):
    report = run_sending(SendingFactory(issue=issue).pk)
    assert report.sent == 6
    [fr] = smtp_sink.sent_to("fr0@example.org")
    assert fr.subject == FRENCH_SUBJECT
    assert FRENCH_INTRO in fr.text and FRENCH_INTRO in BeautifulSoup(fr.html, "html.parser").get_text()
    assert in_language("fr", FOOTER) in fr.text and "Hello readers" not in fr.text
    [ar] = smtp_sink.sent_to("ar0@example.org")
    assert ar.subject == "June figures"  # no Arabic translation: the original...
    assert "Hello readers, here are the figures." in ar.text
    assert in_language("ar", FOOTER) in ar.text  # ...with the newsletter's own words in Arabic
    assert ar.message["Content-Language"] == "ar"
    [en] = smtp_sink.sent_to("en-gb0@example.org")
    assert en.subject == "June figures" and FOOTER in en.text and FRENCH_INTRO not in en.text


def test_an_original_in_another_language_is_marked_with_its_language(issue, french, readers, smtp_sink):
    run_sending(SendingFactory(issue=issue).pk)
    arabic = BeautifulSoup(smtp_sink.sent_to("ar0@example.org")[0].html, "html.parser")
    assert arabic.html["lang"] == "ar" and arabic.html["dir"] == "rtl"  # the newsletter's own words
    intro = arabic.select_one('[lang="en-GB"][dir="ltr"]:-soup-contains("Hello readers")')
    assert intro is not None
    assert arabic.select_one('.masthead [lang="en-GB"]').get_text() == "June figures"
    for address in ("fr0@example.org", "en-gb0@example.org"):  # in the reader's own language
        html = BeautifulSoup(smtp_sink.sent_to(address)[0].html, "html.parser")
        assert not html.body.select("[lang]")


def test_the_french_email_links_to_the_french_issue(issue, french, readers, smtp_sink, settings):
    settings.NEWSLETTER_TRACKING = False
    run_sending(SendingFactory(issue=issue).pk)
    [fr] = smtp_sink.sent_to("fr0@example.org")
    [en] = smtp_sink.sent_to("en-gb0@example.org")
    assert any(link.endswith(french.url) for link in fr.links)
    assert any(link.endswith(issue.url) for link in en.links)


def test_the_issue_is_rendered_once_per_language_not_per_reader(
    issue, french, readers, smtp_sink, monkeypatch
):
    rendered = []
    real_render = sending_module.render_issue_email

    def counting_render(page, **kwargs):
        rendered.append((page.pk, translation.get_language()))
        return real_render(page, **kwargs)

    monkeypatch.setattr(sending_module, "render_issue_email", counting_render)
    assert run_sending(SendingFactory(issue=issue).pk).sent == 6
    assert sorted(rendered) == sorted([(french.pk, "fr"), (issue.pk, "ar"), (issue.pk, "en-gb")])


def test_an_unpublished_translation_is_not_sent(issue, french, readers, smtp_sink):
    french.unpublish()
    run_sending(SendingFactory(issue=issue).pk)
    [fr] = smtp_sink.sent_to("fr0@example.org")
    assert fr.subject == "June figures" and in_language("fr", FOOTER) in fr.text


def test_a_translation_of_another_issue_is_never_sent(
    issue, french, newsletter_index, lists, readers, smtp_sink
):
    other = NewsletterIssuePageFactory(
        parent=newsletter_index, lists=[lists["monthly"]], title="July figures"
    )
    run_sending(SendingFactory(issue=other).pk)
    [fr] = smtp_sink.sent_to("fr0@example.org")
    assert fr.subject == "July figures"


def test_a_resumed_send_gives_each_reader_one_email_in_their_language(
    issue, french, readers, smtp_sink, monkeypatch, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 4
    sending = SendingFactory(issue=issue)
    real_personal_message = sending_module.personal_message
    built = []

    def crash_on_the_third(*args, **kwargs):
        built.append(args[1])
        if len(built) == 3:
            raise Crash
        return real_personal_message(*args, **kwargs)

    monkeypatch.setattr(sending_module, "personal_message", crash_on_the_third)
    with pytest.raises(Crash):
        run_sending(sending.pk)
    assert len(smtp_sink.messages) == 2
    monkeypatch.setattr(sending_module, "personal_message", real_personal_message)
    with time_machine.travel(
        timezone.now() + datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_TIMEOUT + 1)
    ):
        assert run_sending(sending.pk).status == Sending.Status.SENT
    recipients = sorted(address for message in smtp_sink.messages for address in message.rcpt_tos)
    assert recipients == sorted(reader.contact.email for reader in readers)  # each exactly once
    for reader in readers:
        [message] = smtp_sink.sent_to(reader.contact.email)
        french_reader = reader.contact.email.startswith("fr")
        assert (message.subject == FRENCH_SUBJECT) == french_reader
    assert Sending.objects.count() == 1
    assert sending.deliveries.filter(status=Delivery.Status.SENT).count() == 6


def send_url(page):
    return reverse("newsletters_send_issue", args=[page.pk])


def test_sending_a_translation_is_refused_with_a_link_to_the_original(
    superuser_client, issue, french, readers
):
    response = superuser_client.get(send_url(french))
    html = BeautifulSoup(response.content, "html.parser")
    assert "This is a translation of “June figures”" in html.get_text()
    assert html.select_one(f'a[href="{send_url(issue)}"]')
    assert not html.select("form input[name=when]")
    response = superuser_client.post(send_url(french), {"when": "now"})
    assert response.status_code == 200 and "This is a translation of" in response.content.decode()
    assert not Sending.objects.exists()


def test_the_original_says_which_languages_get_a_translation(superuser_client, issue, french):
    html = BeautifulSoup(superuser_client.get(send_url(issue)).content, "html.parser")
    assert "French" in html.select_one(".newsletter-translations").get_text()


def test_without_a_translation_the_original_says_everyone_gets_it(superuser_client, issue):
    html = BeautifulSoup(superuser_client.get(send_url(issue)).content, "html.parser")
    assert "No published translation yet" in html.select_one(".newsletter-translations").get_text()


def test_a_translation_whose_sibling_was_sent_is_not_sent_again(superuser_client, issue, french, readers):
    arabic = translate_page(issue, "ar", title="عدد يونيو")
    issue.delete()  # no original in the default language left: the French one was sent instead
    SendingFactory(issue=french, status=Sending.Status.SENT)
    response = superuser_client.post(send_url(arabic), {"when": "now"})
    assert "already been sent" in response.content.decode()
    assert list(Sending.objects.values_list("issue_id", flat=True)) == [french.pk]


def test_staff_without_the_permission_cannot_send_a_translation(client, french, readers):
    client.force_login(StaffFactory())
    assert client.get(send_url(french)).status_code in (302, 403)
    assert client.post(send_url(french), {"when": "now"}).status_code in (302, 403)
    assert not Sending.objects.exists()


def test_the_archive_lists_the_pages_own_language(issue, french, newsletter_index):
    french_index = french.get_parent().specific
    assert list(newsletter_index.issues()) == [issue]
    assert list(french_index.issues()) == [french]


def test_a_translation_stays_out_of_the_archive_until_its_original_is_sent(issue, french, newsletter_index):
    french_index = french.get_parent().specific
    sending = SendingFactory(issue=issue, status=Sending.Status.SCHEDULED)
    assert list(french_index.issues()) == [] and list(newsletter_index.issues()) == []
    Sending.objects.filter(pk=sending.pk).update(status=Sending.Status.SENT)
    assert list(french_index.issues()) == [french]


def test_the_french_issue_page_shows_the_french_issue(client, issue, french):
    response = client.get(french.url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Numéro de juin"
    assert FRENCH_INTRO in html.get_text() and "Hello readers" not in html.get_text()
    assert html.html["lang"] == "fr"


def test_the_french_archive_page_links_to_the_french_issue(client, issue, french):
    french_index = french.get_parent().specific
    SendingFactory(issue=issue, status=Sending.Status.SENT)
    response = client.get(french_index.url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    links = {
        a.get_text(strip=True): a["href"] for a in BeautifulSoup(response.content, "html.parser").select("a")
    }
    assert links.get("Numéro de juin") == french.url
    assert "June figures" not in links


@pytest.fixture
def story(newsletter_index):
    """A story and its French translation."""
    english = DataStoryPageFactory(title="Prices are rising")
    return english, translate_page(english, "fr", title="Les prix augmentent")


def test_a_translated_issue_links_the_stories_in_its_language(issue, story, readers, smtp_sink, lists):
    english_story, _french = story
    issue.featured_stories = [("story", english_story)]
    issue.save_revision().publish()
    translate_page(issue, "fr", title="Numéro de juin", subject=FRENCH_SUBJECT)
    run_sending(SendingFactory(issue=issue).pk)
    [fr] = smtp_sink.sent_to("fr0@example.org")
    assert "Les prix augmentent" in fr.text and "Prices are rising" not in fr.text
    [en] = smtp_sink.sent_to("en-gb0@example.org")
    assert "Prices are rising" in en.text and "Les prix augmentent" not in en.text


@pytest.mark.usefixtures("story")
def test_the_latest_stories_are_listed_once_in_the_issues_language(issue):
    content = issue_content(issue, "http://testserver")
    assert [item.title for item in content.stories] == ["Prices are rising"]
    french_issue = translate_page(issue, "fr", title="Numéro de juin")
    content = issue_content(french_issue, "http://testserver")
    assert [item.title for item in content.stories] == ["Les prix augmentent"]
