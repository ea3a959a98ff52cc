"""gunicorn settings for one app instance behind nginx (`make prod`, portal-web@.service).

The bind address comes from the command line (`--bind 127.0.0.1:8001`); the number of
processes and threads from WEB_CONCURRENCY and WEB_THREADS.
"""

import os

wsgi_app = "portal.wsgi:application"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "2"))
timeout = 30
graceful_timeout = 20
keepalive = 30  # nginx keeps connections to the upstream open (keepalive 32)
max_requests = 5000
max_requests_jitter = 500
# Only nginx on this machine may say which protocol the client used.
forwarded_allow_ips = "127.0.0.1,::1"
# Each request is logged once as JSON by the portal (portal.request_id), with its id.
accesslog = None
errorlog = "-"
proc_name = "portal-web"
# gunicorn's control socket is one path per user: two instances would share it.
control_socket_disable = True
