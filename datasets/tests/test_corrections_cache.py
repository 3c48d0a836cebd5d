"""A correction reaches every page that shows the figure at once: the pages quoting the dataset
are purged from the page cache when the new version becomes public (by an import or by a release
at its minute), and show the new figure and the notice; other pages stay cached; an embargoed
version purges nothing and shows nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from datasets.models import Release, RevisionNotice
from datasets.releasing import publish_due_releases
from datasets.tests.corrections_helpers import first_version, second_version
from datasets.tests.factories import ReleaseFactory
from home.tests.factories import StandardPageFactory
from tests.cache_hits import cached, fresh, hit

pytestmark = pytest.mark.usefixtures("page_cache_on")


def figure_block(indicator):
    return (
        "data_key_figure",
        {"indicator": indicator, "area": "NAT", "breakdown": "", "period": "", "label": ""},
    )


@pytest.fixture
def quoting(home_page, dataset):
    """Version 1 public, a page quoting its population figure and one quoting nothing."""
    first_version(dataset)
    pop = dataset.indicators.get(code="POP")
    page = StandardPageFactory(parent=home_page, title="Our population", body=[figure_block(pop)])
    other = StandardPageFactory(parent=home_page, title="About us")
    return page, other


def test_a_correction_purges_the_pages_quoting_it_and_they_show_the_new_figure_and_notice(
    client, quoting, dataset, committed
):
    page, other = quoting
    for url in (page.url, other.url):
        cached(client, url)
    assert "1,030" in client.get(page.url).content.decode()

    with committed():
        second_version(dataset)

    content = fresh(client, page.url)
    notice = RevisionNotice.objects.get()
    assert "1,050" in content and "1,030" not in content  # 2025 is new; 2024 was corrected to 1,045
    assert f'href="/en/data/corrections/{notice.pk}/"' in content and "see the notice" in content
    assert hit(client, other.url) == "HIT", "a page that quotes nothing of it stays cached"


def test_an_embargoed_version_purges_nothing_and_shows_nothing(client, quoting, dataset, committed):
    page, _ = quoting
    cached(client, page.url)
    with committed():
        second_version(dataset, publish=False)
    response = client.get(page.url)
    assert response["X-Cache"] == "HIT"
    assert "1,045" not in response.content.decode() and "see the notice" not in response.content.decode()
    assert not RevisionNotice.objects.exists()


def test_a_release_at_its_minute_purges_and_publishes_the_notice(client, quoting, dataset, committed):
    page, _ = quoting
    dataset.versions.update(published_at=timezone.now() - timedelta(days=30))  # version 1, last month
    version = second_version(dataset, publish=False, kind="revision", reason="Final 2024 figures.")
    ReleaseFactory(
        dataset=dataset,
        version=version,
        status=Release.Status.CONFIRMED,
        announced_at=(timezone.now() - timedelta(minutes=1)).replace(second=0, microsecond=0),
    )
    cached(client, page.url)
    with committed():
        assert len(publish_due_releases()) == 1
    content = fresh(client, page.url)
    assert "1,050" in content and "Revised on" in content
    assert RevisionNotice.objects.get().reason == "Final 2024 figures."


def test_a_new_version_with_only_new_figures_still_purges_without_a_notice(
    client, quoting, dataset, committed
):
    from datasets.importing import import_observations
    from datasets.tests.conftest import as_file
    from datasets.tests.corrections_helpers import FIRST

    page, _ = quoting
    cached(client, page.url)
    with committed():
        import_observations(dataset, as_file(FIRST + "POP,2025,NAT,1100,P\n"), publish=True)
    content = fresh(client, page.url)
    assert "1,100" in content and "see the notice" not in content


def test_a_newsletter_archive_page_shows_the_notice(client, home_page, dataset, committed):
    from newsletters.tests.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory

    first_version(dataset)
    pop = dataset.indicators.get(code="POP")
    NewsletterIndexPageFactory(parent=home_page)
    issue = NewsletterIssuePageFactory(title="December", figures=[figure_block(pop)])
    assert "see the notice" not in client.get(issue.url).content.decode()
    with committed():
        second_version(dataset)
    content = client.get(issue.url).content.decode()
    assert "1,050" in content and f'href="/en/data/corrections/{RevisionNotice.objects.get().pk}/"' in content
