vcl 4.1;
# Varnish in front of the ThiĐua portal (DESIGN §7): Debian's varnish 7.1.
#
# Cached: what the portal marks `Cache-Control: public` (anonymous GETs of public pages, the
# anonymous API reads under /api/v3/, feeds, the sitemap, the search page) and static files.
# Passed, never cached: requests with a Django session or messages cookie or an Authorization
# header, /admin/ and /django-admin/, every method but GET and HEAD, and any response that sets a
# cookie, says private/no-cache/no-store, or does not say public.
#
# Invalidation by bans on the URL stored with each object (`x-url`, so the ban lurker can process
# them in the background), from 127.0.0.1 only:
#   PURGE /path/    every cached object of /path/ whatever its query string (/path/?page=2 ...)
#   PURGE /path/*   every cached object whose URL starts with /path/ (so `PURGE /*` empties the cache)
#   BAN /  with `X-Ban-Url: <regex>`   every object whose URL matches the regex (for operators)
# The project sends PURGE requests through wagtail.contrib.frontend_cache (exemplar_pages/frontend_cache.py).
# Bans ignore the Host header: one Varnish serves one portal.
#
# scripts/varnish starts varnishd with this file, rewriting the backend's .host and .port lines.

import cookie;
import std;

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 90s;  # above SQLITE_BUSY_TIMEOUT: a write waiting for the lock is answered, not cut
    .between_bytes_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        # Only from this host, and not relayed by a proxy in front of Varnish such as deploy/nginx.conf
        # (which sends X-Forwarded-Proto and puts its client before its own address in X-Forwarded-For).
        if (client.ip !~ purgers || req.http.X-Forwarded-For ~ "," || req.http.X-Forwarded-Proto) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "BAN") {
            if (!req.http.X-Ban-Url) {
                return (synth(400, "X-Ban-Url required"));
            }
            set req.http.x-ban-regex = req.http.X-Ban-Url;
        } else if (req.url ~ "\*$") {
            set req.http.x-ban-regex = "^" + regsuball(regsub(req.url, "\*$", ""), "([][.?*+^$(){}|\\])", "\\\1");
        } else {
            set req.http.x-ban-regex = "^" + regsuball(regsub(req.url, "\?.*$", ""), "([][.?*+^$(){}|\\])", "\\\1") + "(\?|$)";
        }
        if (std.ban("obj.http.x-url ~ " + req.http.x-ban-regex)) {
            return (synth(200, "Banned " + req.http.x-ban-regex));
        }
        return (synth(400, std.ban_error()));
    }

    call vcl_req_host;
    if (req.method != "GET" && req.method != "HEAD") {
        call vcl_req_method;
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        # A session (a logged-in user, a passed page password) or a pending message: the page is theirs.
        if (cookie.isset("sessionid") || cookie.isset("messages")) {
            return (pass);
        }
        # Keep only the CSRF cookie, which a page with a form needs (such a page is private and not
        # stored); tracking and other cookies would only split the cache. None is part of the hash.
        cookie.keep("csrftoken");
        set req.http.Cookie = regsub(cookie.get_string(), ";\s*$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # The portal is Vietnamese only (LANGUAGES): the browser's languages change nothing.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hit {
    set req.http.x-cache = "HIT";
}

sub vcl_miss {
    set req.http.x-cache = "MISS";
}

sub vcl_pass {
    set req.http.x-cache = "PASS";
}

sub vcl_backend_response {
    # The URL travels with the object, so that bans on it are "lurker friendly".
    set beresp.http.x-url = bereq.url;
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)"
        || beresp.http.Cache-Control !~ "(?i)(public|s-maxage)"
        || beresp.ttl <= 0s
        || beresp.http.Vary == "*") {
        # Not for everyone: remember that for two minutes (hit-for-miss), fetching each request anew.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Anonymous requests are hashed without cookies and languages: Django's `Vary: Cookie,
    # Accept-Language` would only keep one copy per visitor.
    if (beresp.http.Vary) {
        set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)\b(cookie|accept-language)\b", "");
        set beresp.http.Vary = regsuball(beresp.http.Vary, "^[\s,]+|[\s,]+$", "");
        set beresp.http.Vary = regsuball(beresp.http.Vary, "\s*,[\s,]*", ", ");
        if (beresp.http.Vary == "") {
            unset beresp.http.Vary;
        }
    }
    # No stale copies: the portal caps its max-age at the next scheduled expiry of a page.
    set beresp.grace = 0s;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (req.http.x-cache == "MISS" && obj.uncacheable) {
        set req.http.x-cache = "PASS";
    }
    set resp.http.X-Cache = req.http.x-cache;
    unset resp.http.x-url;
}
