"""The addresses below the survey page (``SatisfactionSurveyPage.subpage_urls``): each view in
satisfaction.views takes the page first."""

from django.urls import path

from . import views

survey_urls = [
    path("", views.survey_form, name="form"),
    path("sent/", views.survey_sent, name="sent"),
]
