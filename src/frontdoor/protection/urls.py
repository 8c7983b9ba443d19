from django.urls import path

from frontdoor.protection import views

app_name = "protection"
urlpatterns = [
    path("plans/", views.plans, name="plans"),
    path("section-47s/", views.awaiting_conference, name="awaiting-conference"),
    path("referrals/<int:referral_id>/strategy/", views.record_strategy, name="record-strategy"),
    path("referrals/<int:referral_id>/orders/", views.record_protective_order, name="record-order"),
    path("strategy/<int:discussion_id>/", views.strategy, name="strategy"),
    path("section-47s/<int:section_47_id>/", views.section_47, name="section-47"),
    path("section-47s/<int:section_47_id>/outcome/", views.section_47_outcome, name="section-47-outcome"),
    path("section-47s/<int:section_47_id>/conference/", views.conference, name="conference"),
    path("plans/<int:plan_id>/", views.plan, name="plan"),
    path("plans/<int:plan_id>/review/", views.record_review, name="review"),
    path("plans/<int:plan_id>/core-group/", views.record_core_group, name="core-group"),
    path("plans/<int:plan_id>/visit/", views.record_visit, name="visit"),
    path("plans/<int:plan_id>/end/", views.end, name="end"),
]
