"""The early help API, under /api/v1/early-help/ (names in the "api" namespace)."""

from django.urls import path  # noqa: F401 (the endpoints are added with the early help episode)

urlpatterns: list = []
