from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "frontdoor.timescales"
    verbose_name = "Timescales"
