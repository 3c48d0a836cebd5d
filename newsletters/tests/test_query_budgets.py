"""Query budget: the archive and an issue run as many queries with 1,000 issues as with 10."""

from newsletters.tests.factories import NewsletterIssuePageFactory
from tests.bulk import grow_pages
from tests.queries import assert_constant


def test_the_newsletter_archive_and_an_issue(newsletter_index, lists):
    issue = NewsletterIssuePageFactory(lists=[lists["monthly"]])
    urls = [newsletter_index.url, issue.url]
    assert_constant(urls, lambda total: grow_pages(issue, total))
