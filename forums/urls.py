"""The forums' addresses: the Forums page's own (below its URL) and the one from emails."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path(
        "forum-emails/unsubscribe/<str:token>/",
        views.one_click_unsubscribe,
        name="forums_one_click_unsubscribe",
    ),
]

# Below the Forums page (ForumIndexPage.subpage_urls): each view takes the page first.
forum_index_urls = [
    path("", views.forum_list, name="forum_list"),
    path("search/", views.search, name="search"),
    path("post/<int:post_id>/", views.post_permalink, name="post"),
    path("post/<int:post_id>/edit/", views.edit_post, name="edit_post"),
    path("post/<int:post_id>/report/", views.report_post, name="report_post"),
    path("post/<int:post_id>/accept/", views.accept_answer, name="accept_post"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("topic/<int:topic_id>/subscribe/", views.subscribe_topic, name="subscribe_topic"),
    path("topic/<int:topic_id>/reply/", views.reply, name="reply"),
    re_path(r"^topic/(?P<topic_id>\d+)/(?:(?P<slug>[-\w]+)/)?$", views.topic_detail, name="topic"),
    path("<slug:forum_slug>/", views.forum_detail, name="forum"),
    path("<slug:forum_slug>/new/", views.new_topic, name="new_topic"),
    path("<slug:forum_slug>/rules/", views.accept_rules, name="rules"),
    path("<slug:forum_slug>/subscribe/", views.subscribe_forum, name="subscribe_forum"),
    path("<slug:forum_slug>/feed/", views.forum_feed, name="feed"),
]
