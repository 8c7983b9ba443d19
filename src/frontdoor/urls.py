from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from frontdoor import views
from frontdoor.accounts import views as accounts_views

handler400 = "frontdoor.views.bad_request"
handler404 = "frontdoor.views.page_not_found"
handler403 = "frontdoor.views.permission_denied"
handler500 = "frontdoor.views.server_error"

urlpatterns = [
    path("", accounts_views.home, name="home"),
    path("sign-in/", accounts_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("", include("frontdoor.accounts.urls")),
    path("timescales/", include("frontdoor.timescales.urls")),
    path("records/", include("frontdoor.records.urls")),
    path("people/", include("frontdoor.people.urls")),
    path("contacts/", include("frontdoor.contacts.urls")),
    path("casework/", include("frontdoor.casework.urls")),
    path("protection/", include("frontdoor.protection.urls")),
    path("returns/", include("frontdoor.returns.urls")),
    path("workforce/", include("frontdoor.workforce.urls")),
    path("quality/", include("frontdoor.quality.urls")),
    path("partners/", include("frontdoor.partners.urls")),
    path("early-help/", include("frontdoor.earlyhelp.urls")),
    path("insight/", include("frontdoor.insight.urls")),
    path("api/", include("frontdoor.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", views.api_docs, name="api-docs"),
    path("django-admin/", admin.site.urls),
]
