from django.urls import path

from frontdoor.casework import assessment_views, referral_views

app_name = "casework"
urlpatterns = [
    path("referrals/<int:referral_id>/", referral_views.referral, name="referral"),
    path("referrals/<int:referral_id>/allocate/", referral_views.allocate, name="allocate"),
    path("referrals/<int:referral_id>/need/", referral_views.primary_need, name="primary-need"),
    path("referrals/<int:referral_id>/close/", referral_views.close, name="close"),
    path("referrals/<int:referral_id>/assessments/start/", assessment_views.start, name="start-assessment"),
    path("referrals/<int:referral_id>/cin-plans/start/", referral_views.start_cin_plan, name="start-cin-plan"),
    path("cin-plans/<int:plan_id>/review/", referral_views.review_cin_plan, name="review-cin-plan"),
    path("cin-plans/<int:plan_id>/end/", referral_views.end_cin_plan, name="end-cin-plan"),
    path("assessments/mine/", assessment_views.mine, name="my-assessments"),
    path("assessments/overdue/", assessment_views.overdue, name="overdue"),
    path("assessments/authorisations/", assessment_views.authorisations, name="authorisations"),
    path("assessments/<int:assessment_id>/", assessment_views.detail, name="assessment"),
    path("assessments/<int:assessment_id>/edit/", assessment_views.edit, name="edit-assessment"),
    path("assessments/<int:assessment_id>/autosave/", assessment_views.autosave, name="autosave-assessment"),
    path("assessments/<int:assessment_id>/submit/", assessment_views.submit, name="submit-assessment"),
    path("assessments/<int:assessment_id>/authorise/", assessment_views.authorise, name="authorise-assessment"),
    path("assessments/<int:assessment_id>/amend/", assessment_views.amend, name="amend-assessment"),
]
