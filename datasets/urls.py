"""Public addresses of the data layer, under /data/ (each part of the app adds its own)."""

from django.urls import path

from portal.core.caching.pagecache import cacheable_for_anonymous

from .views import catalogue, corrections, embeds, finder, previews, releases

app_name = "datasets"

urlpatterns = [
    path("", cacheable_for_anonymous(finder.data_finder), name="finder"),
    # Fixed prefixes before the dataset slugs.
    path("releases/", releases.release_calendar, name="releases"),
    path("releases/calendar.ics", releases.release_ics, name="releases_ics"),
    path("releases/feed/atom/", releases.PublishedReleasesFeed(), name="releases_atom"),
    path("releases/<int:pk>/", releases.release_detail, name="release"),
    path("releases/<int:pk>/preview/<str:token>/", previews.release_preview, name="release_preview"),
    path("corrections/", corrections.corrections, name="corrections"),
    path("corrections/feed/atom/", corrections.CorrectionsFeed(), name="corrections_atom"),
    path("corrections/<int:pk>/", corrections.correction_detail, name="correction"),
    path("embed/chart/<int:page_id>/<uuid:block_id>/", embeds.chart, name="embed_chart"),
    path("<slug:slug>/", catalogue.dataset_detail, name="dataset"),
]
