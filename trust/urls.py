"""The addresses below the fact-check listing, each fact-check and the misuse report form
(their pages' ``subpage_urls``): each view in trust.views takes the page first."""

from django.urls import path

from . import views

# Below the listing (FactCheckIndexPage.subpage_urls).
fact_check_index_urls = [
    path("", views.fact_check_index, name="index"),
    path("feed/", views.rss_feed, name="rss_feed"),
    path("feed/atom/", views.atom_feed, name="atom_feed"),
]

# Below a fact-check (FactCheckPage.subpage_urls).
fact_check_urls = [
    path("card/", views.share_card, name="card"),
]

# Below the report form (MisuseReportPage.subpage_urls).
report_urls = [
    path("", views.report_form, name="form"),
    path("sent/", views.report_sent, name="sent"),
]
