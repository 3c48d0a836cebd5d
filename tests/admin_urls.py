"""The admin's URLs of records, for tests: every ModelAdmin's patterns (custom views included),
and a record of each model made by its app's factory."""

import pytest
from django.urls import URLResolver, reverse
from wagtail_modeladmin.options import ModelAdmin

from ambassadors.tests.factories import ApplicationFactory
from api.tests.factories import ApiKeyFactory
from areas.tests.factories import AreaLevelFactory, AreaTranslationFactory
from consultations.tests.factories import ConsultationResponseFactory
from datasets.tests.factories import (
    CodeFactory,
    CodeListFactory,
    DatasetFactory,
    DatasetTranslationFactory,
    IndicatorFactory,
    IndicatorTranslationFactory,
    PreviewAccessFactory,
    PreviewGrantFactory,
    ReleaseFactory,
    VersionPublicationFactory,
)
from feedback.tests.factories import DataRequestFactory, FeedbackThemeFactory, PageFeedbackFactory
from forums.tests.factories import (
    ForumFactory,
    MemberFactory,
    ModerationActionFactory,
    PostFactory,
    ReportFactory,
    TopicFactory,
)
from literacy.competitions.tests.factories import EntryFactory
from literacy.games.tests.factories import BlockedWordFactory, LeaderboardEntryFactory
from literacy.modules.tests.factories import CertificateFactory
from literacy.training.tests.factories import RegistrationFactory, SessionFeedbackFactory
from newsletters.tests.factories import (
    DeliveryFactory,
    NewsletterIndexPageFactory,
    NewsletterListFactory,
    SendingFactory,
    SubscriberFactory,
)
from portal.contacts.tests.factories import ConsentFactory, ContactFactory, TouchpointFactory
from portal.engagement.tests.factories import KpiTargetFactory
from satisfaction.tests.factories import SurveyResponseFactory
from stories.tests.factories import ContactPersonFactory, GlossaryTermFactory
from tests.pages import site_root
from trust.tests.factories import MisuseReportFactory


def in_newsletter_section(factory_class):
    """Issues hang under the site's one newsletter page."""

    def make():
        NewsletterIndexPageFactory()
        return factory_class()

    return make


FACTORIES = {
    "ambassadors.application": ApplicationFactory,
    "contacts.contact": ContactFactory,
    "contacts.touchpoint": TouchpointFactory,
    "contacts.consent": ConsentFactory,
    "feedback.pagefeedback": lambda: PageFeedbackFactory(page=site_root()),
    "feedback.datarequest": DataRequestFactory,
    "feedback.feedbacktheme": FeedbackThemeFactory,
    "forums.post": PostFactory,
    "forums.report": ReportFactory,
    "forums.topic": TopicFactory,
    "forums.member": MemberFactory,
    "forums.moderationaction": ModerationActionFactory,
    "training.registration": RegistrationFactory,
    "training.sessionfeedback": SessionFeedbackFactory,
    "modules.certificate": CertificateFactory,
    "competitions.entry": EntryFactory,
    "newsletters.sending": in_newsletter_section(SendingFactory),
    "newsletters.subscriber": SubscriberFactory,
    "newsletters.delivery": in_newsletter_section(DeliveryFactory),
    "engagement.kpitarget": KpiTargetFactory,
    "satisfaction.surveyresponse": SurveyResponseFactory,
    "datasets.dataset": DatasetFactory,
    "datasets.indicator": IndicatorFactory,
    "datasets.datasettranslation": DatasetTranslationFactory,
    "datasets.indicatortranslation": IndicatorTranslationFactory,
    "datasets.codelist": CodeListFactory,
    "datasets.code": CodeFactory,
    "datasets.previewgrant": PreviewGrantFactory,
    "datasets.previewaccess": PreviewAccessFactory,
    "datasets.release": ReleaseFactory,
    "datasets.versionpublication": VersionPublicationFactory,
    "trust.misusereport": MisuseReportFactory,
    "areas.arealevel": AreaLevelFactory,
    "areas.areatranslation": AreaTranslationFactory,
    "consultations.consultationresponse": ConsultationResponseFactory,
    "api.apikey": ApiKeyFactory,
    # snippets
    "forums.forum": ForumFactory,
    "newsletters.newsletterlist": NewsletterListFactory,
    "games.blockedword": BlockedWordFactory,
    "games.leaderboardentry": LeaderboardEntryFactory,
    "stories.contactperson": ContactPersonFactory,
    "stories.glossaryterm": GlossaryTermFactory,
}

# Admin screens that show no record of one model (figures across models, actions on pages):
# each checks its own permission, tested in its app.
PROJECT_PACKAGES = {
    "portal",
    "home",
    "stories",
    "literacy",
    "forums",
    "newsletters",
    "feedback",
    "datasets",
    "trust",
    "areas",
    "consultations",
    "api",
}
NOT_RECORD_VIEWS = {
    "engagement_dashboard",
    "engagement_dashboard_export",
    "literacy_module_statistics",
    "newsletters_send_issue",
    "newsletters_send_test",
}


def _walk(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns)
        else:
            yield entry


def _unwrapped(callback):
    """The view under the admin's decorators, and the ModelAdmin it belongs to (or None)."""
    while True:
        owner = getattr(callback, "__self__", None) or getattr(callback, "record_admin", None)
        if isinstance(owner, ModelAdmin):
            return callback, owner
        if not hasattr(callback, "__wrapped__"):
            return callback, None
        callback = callback.__wrapped__


def admin_urls():
    """Every URL pattern under the admin: (pattern, the view, the ModelAdmin it belongs to)."""
    from wagtail.admin import urls

    return [(url, *_unwrapped(url.callback)) for url in _walk(urls.urlpatterns)]


def registered_model_admins():
    found = []
    for _, _, model_admin in admin_urls():
        if model_admin is not None and model_admin not in found:
            found.append(model_admin)
    return found


def label(model_admin):
    return model_admin.model._meta.label_lower


def record_urls():
    return {url.name: (url, model_admin) for url, _, model_admin in admin_urls() if model_admin}


def admin_url_cases():
    return [
        pytest.param(label(model_admin), name, id=name)
        for name, (_, model_admin) in sorted(record_urls().items())
    ]


def url_for(url_name, record):
    """The URL with every part taken by the record's key (and a moderator action's name)."""
    pattern, _ = record_urls()[url_name]
    kwargs = {name: "approve" if name == "slug" else record.pk for name in pattern.pattern.regex.groupindex}
    return reverse(url_name, kwargs=kwargs)
