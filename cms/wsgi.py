"""WSGI entry point: the production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import gc
import os

from django.core.wsgi import get_wsgi_application

from home.checks import refuse_demo_passwords_at_start

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
# Production only (DEMO_PASSWORD_GUARD): refuse to serve while a demo account keeps the demo password
# (home/checks.py; a warning on stderr with ALLOW_DEMO_ACCOUNTS=1).
refuse_demo_passwords_at_start()
# Everything loaded so far (Django, Wagtail, the URL map, the models) lives as long as the
# process: keep it out of the garbage collector's scans, which otherwise stall requests.
gc.freeze()
