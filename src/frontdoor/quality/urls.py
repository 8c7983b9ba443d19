from django.urls import path

from frontdoor.quality import views

app_name = "quality"
urlpatterns = [
    path("", views.index, name="index"),
    path("templates/", views.templates, name="templates"),
    path("templates/<int:template_id>/", views.template, name="template"),
    path("programmes/<int:programme_id>/", views.programme, name="programme"),
    path("audits/<int:audit_id>/", views.audit, name="audit"),
    path("audits/<int:audit_id>/moderate/", views.moderate, name="moderate"),
    path("audits/<int:audit_id>/actions/", views.add_action, name="add-action"),
    path("audits/<int:audit_id>/respond/", views.respond, name="respond"),
    path("actions/<int:action_id>/done/", views.complete_action, name="complete-action"),
    path("report/", views.report, name="report"),
]
