"""Public addresses of the data layer, under /data/ (each part of the app adds its own)."""

from django.urls import path

from .views import catalogue

app_name = "datasets"

urlpatterns = [
    path("<slug:slug>/", catalogue.dataset_detail, name="dataset"),
]
