"""WSGI entry point: the production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
# Everything loaded so far (Django, Wagtail, the URL map, the models) lives as long as the
# process: keep it out of the garbage collector's scans, which otherwise stall requests.
gc.freeze()
