import io

from django.core.management import call_command

from home.models import SiteSettings
from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, NewsletterList, Sending, Subscriber


def test_demo_has_three_lists_two_sent_issues_and_one_scheduled(demo_site):
    assert NewsletterList.objects.count() == 3
    assert NewsletterList.objects.filter(offered_in_footer=True).count() == 1
    statuses = sorted(Sending.objects.values_list("status", flat=True))
    assert statuses == ["scheduled", "sent", "sent"]
    assert NewsletterIssuePage.objects.live().count() == 3
    assert Subscriber.objects.count() >= 5
    index = NewsletterIndexPage.objects.get()
    assert index.slug == "newsletter"
    assert SiteSettings.load().newsletter_page_id == index.pk


def test_demo_loader_is_idempotent(demo_site):
    counts = (NewsletterList.objects.count(), Sending.objects.count(), Subscriber.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert (NewsletterList.objects.count(), Sending.objects.count(), Subscriber.objects.count()) == counts
