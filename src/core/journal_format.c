/*
 * journal_format.c: a journal entry as a JSON line and back (json-c),
 * its human form, the redaction of secrets, and --since times.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <json-c/json.h>

#include "virtdeck/journal.h"

static const char *const secret_words[] = {
    "password", "passwd", "secret", "key", "token", "passphrase",
    "credential", "auth",
};

/* See journal.h. */
bool
vd_journal_secret_name(const char *name)
{
    size_t i;

    if (!name)
        return false;
    for (i = 0; i < sizeof(secret_words) / sizeof(secret_words[0]); i++) {
        if (strcasestr(name, secret_words[i]))
            return true;
    }
    return false;
}

/* A copy of text with the value after any secret word followed by '='
 * or ':' (passwd='x', password=x, "secret": "x") replaced. Caller
 * frees; NULL for NULL. */
static char *
scrub(const char *text)
{
    static const char red[] = "(redacted)";
    char *out, *o;
    const char *p = text;

    if (!text)
        return NULL;
    /* a redaction never grows a value by more than sizeof(red) */
    if (!(out = malloc(strlen(text) * (sizeof(red) + 1) + 1)))
        return NULL;
    o = out;
    while (*p) {
        size_t i, wl = 0;

        for (i = 0; i < sizeof(secret_words) / sizeof(secret_words[0]); i++) {
            size_t l = strlen(secret_words[i]);
            if (strncasecmp(p, secret_words[i], l) == 0) {
                wl = l;
                break;
            }
        }
        if (wl) {
            const char *q = p + wl;
            char quote = 0;

            while (isalnum((unsigned char)*q) || *q == '_' || *q == '-')
                q++;                    /* passwordFile, secret_uuid */
            if (*q == '"' || *q == '\'')
                q++;                    /* "password": */
            while (*q == ' ')
                q++;
            if (*q == '=' || *q == ':') {
                q++;
                while (*q == ' ')
                    q++;
                memcpy(o, p, (size_t)(q - p));
                o += q - p;
                if (*q == '\'' || *q == '"')
                    quote = *q, *o++ = *q++;
                while (*q && (quote ? *q != quote :
                              !strchr(" ,;&\t\n'\"", *q)))
                    q++;
                memcpy(o, red, sizeof(red) - 1);
                o += sizeof(red) - 1;
                p = q;
                continue;
            }
        }
        *o++ = *p++;
    }
    *o = '\0';
    return out;
}

/* Add key: string (scrubbed) when s is set. */
static void
add_str(json_object *obj, const char *key, const char *s)
{
    char *clean;

    if (!s)
        return;
    if ((clean = scrub(s))) {
        json_object_object_add(obj, key, json_object_new_string(clean));
        free(clean);
    }
}

/* ISO 8601 UTC with milliseconds. */
static void
iso_time(long long ms, char *buf, size_t len)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;

    size_t n;

    gmtime_r(&t, &tm);
    n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, len - n, ".%03dZ", (int)(ms % 1000));
}

/* See journal.h. */
const char *
vd_journal_kind_name(vd_journal_kind kind)
{
    switch (kind) {
    case VD_JOURNAL_ACTION: return "action";
    case VD_JOURNAL_EVENT: return "event";
    case VD_JOURNAL_NOTE: return "note";
    }
    return "?";
}

/* See journal.h. */
char *
vd_journal_format(const vd_journal_entry *e)
{
    json_object *obj = json_object_new_object();
    const char *s;
    char when[64], *line = NULL;
    size_t i;

    if (!obj)
        return NULL;
    iso_time(e->time_ms, when, sizeof(when));
    json_object_object_add(obj, "time", json_object_new_string(when));
    json_object_object_add(obj, "ts", json_object_new_int64(e->time_ms));
    json_object_object_add(obj, "kind",
                           json_object_new_string(vd_journal_kind_name(e->kind)));
    add_str(obj, "host", e->host);
    add_str(obj, "uri", e->uri);
    add_str(obj, "type", e->type);
    add_str(obj, "object", e->object);
    add_str(obj, "uuid", e->uuid);
    add_str(obj, e->kind == VD_JOURNAL_EVENT ? "event" : "action", e->what);
    add_str(obj, "detail", e->detail);
    if (e->nargs) {
        json_object *args = json_object_new_object();
        for (i = 0; args && i < e->nargs; i++) {
            const char *v = e->arg_vals[i];
            if (vd_journal_secret_name(e->arg_keys[i]) && v)
                v = "(redacted)";
            if (!v) {
                json_object_object_add(args, e->arg_keys[i], NULL);
            } else {
                char *clean = scrub(v);
                json_object_object_add(args, e->arg_keys[i],
                                       json_object_new_string(clean ? clean : ""));
                free(clean);
            }
        }
        if (args)
            json_object_object_add(obj, "args", args);
    }
    if (e->kind != VD_JOURNAL_EVENT && e->ok >= 0)
        json_object_object_add(obj, "result",
                               json_object_new_string(e->ok ? "done" : "failed"));
    add_str(obj, "message", e->message);
    if (e->duration_ms >= 0)
        json_object_object_add(obj, "duration_ms",
                               json_object_new_int64(e->duration_ms));
    add_str(obj, "user", e->user);
    add_str(obj, "via", e->via);
    if (e->pid)
        json_object_object_add(obj, "pid", json_object_new_int64(e->pid));
    s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
                                       JSON_C_TO_STRING_NOSLASHESCAPE);
    if (s && asprintf(&line, "%s\n", s) < 0)
        line = NULL;
    json_object_put(obj);
    return line;
}

/* A copy of obj's string member key, or NULL. */
static char *
get_str(json_object *obj, const char *key)
{
    json_object *v;

    if (!json_object_object_get_ex(obj, key, &v) ||
        !json_object_is_type(v, json_type_string))
        return NULL;
    return strdup(json_object_get_string(v));
}

/* See journal.h. */
int
vd_journal_parse(const char *line, vd_journal_entry *e)
{
    json_object *obj, *v;
    char *kind;
    int ret = -1;

    memset(e, 0, sizeof(*e));
    e->duration_ms = -1;
    e->ok = -1;
    if (!(obj = json_tokener_parse(line)))
        return -1;
    if (!json_object_is_type(obj, json_type_object) ||
        !json_object_object_get_ex(obj, "ts", &v))
        goto cleanup;
    e->time_ms = json_object_get_int64(v);
    if (!(kind = get_str(obj, "kind")))
        goto cleanup;
    e->kind = strcmp(kind, "event") == 0 ? VD_JOURNAL_EVENT :
              strcmp(kind, "note") == 0 ? VD_JOURNAL_NOTE : VD_JOURNAL_ACTION;
    free(kind);
    e->host = get_str(obj, "host");
    e->uri = get_str(obj, "uri");
    e->type = get_str(obj, "type");
    e->object = get_str(obj, "object");
    e->uuid = get_str(obj, "uuid");
    e->what = get_str(obj, e->kind == VD_JOURNAL_EVENT ? "event" : "action");
    e->detail = get_str(obj, "detail");
    e->message = get_str(obj, "message");
    e->user = get_str(obj, "user");
    e->via = get_str(obj, "via");
    if (json_object_object_get_ex(obj, "args", &v) &&
        json_object_is_type(v, json_type_object)) {
        json_object_object_foreach(v, key, val) {
            if (e->nargs >= VD_JOURNAL_MAX_ARGS)
                break;
            e->arg_keys[e->nargs] = strdup(key);
            e->arg_vals[e->nargs] = val ? strdup(json_object_get_string(val)) : NULL;
            e->nargs++;
        }
    }
    if (json_object_object_get_ex(obj, "result", &v))
        e->ok = strcmp(json_object_get_string(v), "done") == 0;
    if (json_object_object_get_ex(obj, "duration_ms", &v))
        e->duration_ms = json_object_get_int64(v);
    if (json_object_object_get_ex(obj, "pid", &v))
        e->pid = (long)json_object_get_int64(v);
    ret = 0;

 cleanup:
    json_object_put(obj);
    if (ret < 0)
        vd_journal_entry_clear(e);
    return ret;
}

/* See journal.h. */
void
vd_journal_entry_clear(vd_journal_entry *e)
{
    size_t i;

    if (!e)
        return;
    free(e->host);
    free(e->uri);
    free(e->type);
    free(e->object);
    free(e->uuid);
    free(e->what);
    free(e->detail);
    for (i = 0; i < e->nargs; i++) {
        free(e->arg_keys[i]);
        free(e->arg_vals[i]);
    }
    free(e->user);
    free(e->via);
    free(e->message);
    memset(e, 0, sizeof(*e));
}

#define COPY(f) do { if (src->f && !(dst->f = strdup(src->f))) goto error; } while (0)

/* See journal.h. */
int
vd_journal_entry_copy(vd_journal_entry *dst, const vd_journal_entry *src)
{
    size_t i;

    memset(dst, 0, sizeof(*dst));
    dst->time_ms = src->time_ms;
    dst->kind = src->kind;
    dst->pid = src->pid;
    dst->duration_ms = src->duration_ms;
    dst->ok = src->ok;
    COPY(host);
    COPY(uri);
    COPY(type);
    COPY(object);
    COPY(uuid);
    COPY(what);
    COPY(detail);
    COPY(user);
    COPY(via);
    COPY(message);
    for (i = 0; i < src->nargs; i++) {
        dst->arg_keys[i] = strdup(src->arg_keys[i]);
        dst->arg_vals[i] = src->arg_vals[i] ? strdup(src->arg_vals[i]) : NULL;
        dst->nargs++;
    }
    return 0;

 error:
    vd_journal_entry_clear(dst);
    return -1;
}

/* See journal.h. */
char *
vd_journal_human(const vd_journal_entry *e, char *buf, size_t len)
{
    time_t t = (time_t)(e->time_ms / 1000);
    struct tm tm;
    char when[32], args[256] = "", result[64] = "";
    size_t i, used = 0;

    localtime_r(&t, &tm);
    strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
    if (e->kind == VD_JOURNAL_NOTE) {
        snprintf(buf, len, "%s  note   %s%s%s", when,
                 e->message ? e->message : "",
                 e->user ? " by " : "", e->user ? e->user : "");
        return buf;
    }
    for (i = 0; i < e->nargs && used < sizeof(args); i++) {
        int n = snprintf(args + used, sizeof(args) - used, "%s%s=%s",
                         used ? " " : " (", e->arg_keys[i],
                         e->arg_vals[i] ? e->arg_vals[i] : "-");
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (used && used < sizeof(args) - 1)
        strcat(args, ")");
    if (e->kind == VD_JOURNAL_ACTION && e->ok >= 0)
        snprintf(result, sizeof(result), " %s (%.1f s)",
                 e->ok ? "done" : "FAILED",
                 e->duration_ms >= 0 ? (double)e->duration_ms / 1000.0 : 0.0);
    snprintf(buf, len, "%s  %-6s %s  %s%s%s  %s%s%s%s%s%s%s%s%s",
             when, vd_journal_kind_name(e->kind),
             e->host ? e->host : "-",
             e->type ? e->type : "",
             e->type ? " " : "",
             e->object ? e->object : "",
             e->what ? e->what : "",
             e->detail ? ": " : "", e->detail ? e->detail : "",
             args, result,
             e->message ? ": " : "", e->message ? e->message : "",
             e->user ? " by " : "", e->user ? e->user : "");
    if (e->via && strlen(buf) + strlen(e->via) + 6 < len) {
        strcat(buf, " via ");
        strcat(buf, e->via);
    }
    return buf;
}

/* See journal.h. */
int
vd_journal_parse_since(const char *s, long long now_ms, long long *ms)
{
    static const char *const formats[] = {
        "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M", "%Y-%m-%d",
    };
    char *end;
    size_t i;

    if (!s || !*s)
        return -1;
    /* a span back from now: 90s, 30m, 1h, 2d, 1w */
    if (isdigit((unsigned char)*s)) {
        long long v = strtoll(s, &end, 10);
        long long unit = 0;

        if (end != s && end[0] && !end[1] && v >= 0 && v < 100000000LL) {
            switch (*end) {
            case 's': unit = 1000; break;
            case 'm': unit = 60000; break;
            case 'h': unit = 3600000; break;
            case 'd': unit = 86400000; break;
            case 'w': unit = 7 * 86400000LL; break;
            default: break;
            }
            if (unit) {
                *ms = now_ms - v * unit;
                return 0;
            }
        }
    }
    for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        struct tm tm;
        const char *rest;
        long long frac = 0, t;

        memset(&tm, 0, sizeof(tm));
        if (!(rest = strptime(s, formats[i], &tm)))
            continue;
        if (*rest == '.' && i < 2) {           /* .123 after seconds */
            int digits = 0;
            rest++;
            while (isdigit((unsigned char)*rest)) {
                if (digits < 3) {
                    frac = frac * 10 + (*rest - '0');
                    digits++;
                }
                rest++;
            }
            if (!digits)
                continue;
            while (digits++ < 3)
                frac *= 10;
        }
        if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31)
            continue;
        if (*rest == '\0') {
            tm.tm_isdst = -1;
            t = (long long)mktime(&tm);
        } else if ((rest[0] == 'Z' || rest[0] == 'z') && !rest[1]) {
            t = (long long)timegm(&tm);
        } else if ((rest[0] == '+' || rest[0] == '-') &&
                   isdigit((unsigned char)rest[1]) && isdigit((unsigned char)rest[2]) &&
                   ((rest[3] == ':' && isdigit((unsigned char)rest[4]) &&
                     isdigit((unsigned char)rest[5]) && !rest[6]) ||
                    (isdigit((unsigned char)rest[3]) && isdigit((unsigned char)rest[4]) &&
                     !rest[5]) || !rest[3])) {
            int hh = (rest[1] - '0') * 10 + (rest[2] - '0');
            int mm = 0;
            if (rest[3] == ':')
                mm = (rest[4] - '0') * 10 + (rest[5] - '0');
            else if (rest[3])
                mm = (rest[3] - '0') * 10 + (rest[4] - '0');
            if (hh > 23 || mm > 59)
                continue;
            t = (long long)timegm(&tm) - (rest[0] == '+' ? 1 : -1) * (hh * 3600LL + mm * 60);
        } else {
            continue;
        }
        if (t == -1)
            continue;
        *ms = t * 1000 + frac;
        return 0;
    }
    return -1;
}

/* See journal.h. */
bool
vd_journal_match(const vd_journal_entry *e, const vd_journal_filter *f)
{
    if (f->since_ms && e->time_ms < f->since_ms)
        return false;
    if (f->host && *f->host &&
        !((e->host && strcmp(e->host, f->host) == 0) ||
          (e->uri && strcmp(e->uri, f->host) == 0)))
        return false;
    if (f->object && *f->object &&
        !((e->object && strcmp(e->object, f->object) == 0) ||
          (e->uuid && strcasecmp(e->uuid, f->object) == 0)))
        return false;
    if (f->type && *f->type && !(e->type && strcmp(e->type, f->type) == 0))
        return false;
    if (f->kind >= 0 && (int)e->kind != f->kind)
        return false;
    if (f->failed && !(e->kind != VD_JOURNAL_EVENT && e->ok == 0))
        return false;
    if (f->text && *f->text) {
        char line[2048];
        if (!strcasestr(vd_journal_human(e, line, sizeof(line)), f->text))
            return false;
    }
    return true;
}
