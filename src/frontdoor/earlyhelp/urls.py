from django.urls import path  # noqa: F401 (the pages are added with the early help episode)

app_name = "earlyhelp"
urlpatterns: list = []
