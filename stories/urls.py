"""The addresses below the glossary and the story index pages (their ``subpage_urls``): each
view in stories.views takes the page first. Stories serve nothing outside the page tree."""

from django.urls import path

from . import views

# Below the glossary (GlossaryPage.subpage_urls).
glossary_urls = [
    path("", views.glossary, name="index"),
    path("<slug:slug>/", views.glossary_term, name="term"),
]

# Below the story index (StoryIndexPage.subpage_urls).
story_index_urls = [
    path("", views.story_index, name="index"),
    path("topic/<slug:slug>/", views.topic, name="topic"),
    path("infographics/", views.infographics, name="infographics"),
    path("corrections/", views.corrections, name="corrections"),
    path("feed/", views.rss_feed, name="rss_feed"),
    path("feed/atom/", views.atom_feed, name="atom_feed"),
    path("topic/<slug:slug>/feed/", views.topic_rss_feed, name="topic_rss_feed"),
    path("topic/<slug:slug>/feed/atom/", views.topic_atom_feed, name="topic_atom_feed"),
]
