import re

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from portal import views as portal_views
from portal.core import routing
from portal.core.caching.pagecache import cacheable_for_anonymous, kept_until_next_publish
from portal.core.language_urls import language_patterns
from portal.core.pages import SitemapOfLivePages

urlpatterns = [
    # Staff sign in where everyone does, behind allauth's limits per address and per account;
    # Wagtail's own login form would take passwords without any.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        cacheable_for_anonymous(kept_until_next_publish(sitemap)),
        {"sitemaps": {"wagtail": SitemapOfLivePages}},
        name="sitemap",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz/", portal_views.health, name="health"),
    # The open data API and its keys: addresses for machines, the same in every language.
    path("", include("api.urls")),
]

# Everything people read, under its language's prefix: /en/, /fr/, /ar/ (docs/languages.md).
people_facing = [
    path("accounts/", include("allauth.urls")),
    path("search/", cacheable_for_anonymous(home_views.search), name="search"),
    # The apps' own addresses (outside the page tree); each app picks prefixes no page uses.
    path("data/", include("datasets.urls")),
    path("areas/", include("areas.urls")),
    path("", include("ambassadors.urls")),
    path("", include("literacy.modules.urls")),
    path("", include("literacy.training.urls")),
    path("", include("literacy.games.urls")),
    path("", include("literacy.competitions.urls")),
    path("", include("forums.urls")),
    path("", include("newsletters.urls")),
    path("", include("feedback.urls")),
    path("", include("portal.engagement.urls")),
]

# A request refused before any view (e.g. a NUL character) is a problem-details answer under /api/.
handler400 = "api.problems.bad_request"

if settings.DEBUG or settings.SERVE_MEDIA_FILES:
    from django.views.static import serve

    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Wagtail's page view, with the page found in two queries (portal/core/routing.py).
people_facing += [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]
people_facing += [re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve")]
urlpatterns += language_patterns(*people_facing)
