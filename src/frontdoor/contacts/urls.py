from django.urls import include, path

from frontdoor.contacts import decision_views, handover_views, threshold_views, views

app_name = "contacts"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("mine/", views.my_work, name="mine"),
    path("new/", views.record, name="new"),
    path("<int:contact_id>/", views.detail, name="detail"),
    path("<int:contact_id>/pick-up/", views.pick_up, name="pick-up"),
    path("<int:contact_id>/release/", views.release, name="release"),
    path("<int:contact_id>/referrer-told/", views.tell_referrer, name="tell-referrer"),
    path("<int:contact_id>/children/<int:child_id>/decide/", decision_views.decide, name="decide"),
    path("authorisations/", decision_views.tray, name="tray"),
    path("decisions/<int:decision_id>/review/", decision_views.review, name="review"),
    path("handover/", handover_views.handover, name="handover"),
    path("handover/acknowledge/", handover_views.acknowledge, name="acknowledge"),
    path("quality/", handover_views.quality_samples, name="quality"),
    path("quality/draw/", handover_views.draw_sample, name="draw-sample"),
    path("quality/<int:sample_id>/", handover_views.review_sample, name="review-sample"),
    path("threshold-model/", threshold_views.overview, name="thresholds"),
    path("threshold-model/levels/<int:level_id>/", threshold_views.edit_level, name="edit-level"),
    path("threshold-model/levels/<int:level_id>/criteria/add/", threshold_views.add_criterion, name="add-criterion"),
    path("threshold-model/criteria/<int:criterion_id>/", threshold_views.set_criterion_in_use, name="criterion-in-use"),
    path("threshold-model/settings/", threshold_views.policy, name="policy"),
    path("calls/", include("frontdoor.contacts.call_urls")),
]
