/*
 * cli_journal.c: `virtdeck journal`: the journal (journal.h) as human
 * lines or JSON lines, filtered, optionally followed as it grows.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "virtdeck/journal.h"
#include "cli.h"

#define PROG "virtdeck journal"

typedef struct {
    vd_journal_filter f;
    bool json;
    unsigned long shown;
} print_ctx;

/* --help. */
static void
usage(FILE *out)
{
    fputs("Usage: virtdeck journal [OPTIONS]\n"
"Show what virtdeck did and the events libvirt reported while it ran.\n"
"Events from times when no virtdeck was running are not known.\n"
"\n"
"  -f, --follow         keep printing entries as they are written\n"
"  -s, --since TIME     from TIME on: 2026-12-04, 2026-12-04T05:10[:30][Z|+01:00],\n"
"                       or back from now: 90s, 30m, 1h, 2d, 1w\n"
"  -H, --host HOST      only HOST (its name in virtdeck or its URI)\n"
"  -d, --domain DOMAIN  only the domain (or other object) DOMAIN (name or UUID)\n"
"      --failed         only actions that failed\n"
"      --json           JSON lines, as stored (fields: docs/journal.md)\n"
"      --note TEXT      add TEXT to the journal as a note, and exit\n"
"      --path           print the journal's file name, and exit\n"
"  -h, --help           this help\n"
"\n"
"The journal is $XDG_STATE_HOME/virtdeck/journal.jsonl (default\n"
"~/.local/state/virtdeck/journal.jsonl; VIRTDECK_JOURNAL names another file).\n"
"VIRTDECK_JOURNAL_MAX (e.g. 10M) caps it; VIRTDECK_JOURNAL_KEEP old files are kept.\n",
          out);
}

/* Print e when it passes the filter. */
static void
print_entry(const vd_journal_entry *e, void *opaque)
{
    print_ctx *c = opaque;
    char line[4096];

    if (!vd_journal_match(e, &c->f))
        return;
    if (c->json) {
        char *s = vd_journal_format(e);
        if (s)
            fputs(s, stdout);
        free(s);
    } else {
        puts(vd_journal_human(e, line, sizeof(line)));
    }
    c->shown++;
}

/* --note TEXT: one note line, written before exiting. */
static int
add_note(const char *text)
{
    vd_journal_entry e = { .kind = VD_JOURNAL_NOTE, .duration_ms = -1, .ok = -1 };
    const char *err = NULL;
    char *msg;

    if (vd_journal_init("journal", &err) < 0) {
        fprintf(stderr, "%s: %s\n", PROG, err);
        return 1;
    }
    e.type = strdup("note");
    e.message = strdup(text);
    vd_journal_record(&e);
    vd_journal_shutdown(5000);
    if ((msg = vd_journal_take_error())) {
        fprintf(stderr, "%s: %s\n", PROG, msg);
        free(msg);
        return 1;
    }
    return 0;
}

/* virtdeck journal. */
int
vd_cli_journal(int argc, char **argv)
{
    enum { OPT_FAILED = 256, OPT_JSON, OPT_NOTE, OPT_PATH };
    static const struct option longopts[] = {
        { "follow", no_argument, NULL, 'f' },
        { "since", required_argument, NULL, 's' },
        { "host", required_argument, NULL, 'H' },
        { "domain", required_argument, NULL, 'd' },
        { "failed", no_argument, NULL, OPT_FAILED },
        { "json", no_argument, NULL, OPT_JSON },
        { "note", required_argument, NULL, OPT_NOTE },
        { "path", no_argument, NULL, OPT_PATH },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    print_ctx ctx = { .f = { .kind = -1 } };
    vd_journal_tail *t = NULL;
    const char *note = NULL;
    bool follow = false, path_only = false;
    char path[4096];
    int c, n, ret = 1;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":fs:H:d:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            follow = true;
            break;
        case 's':
            if (vd_journal_parse_since(optarg, vd_journal_now_ms(),
                                       &ctx.f.since_ms) < 0) {
                fprintf(stderr, "%s: --since: '%s' is neither a time "
                        "(2026-12-04T05:10) nor a span (30m, 1h, 2d)\n",
                        PROG, optarg);
                return 2;
            }
            break;
        case 'H':
            ctx.f.host = optarg;
            break;
        case 'd':
            ctx.f.object = optarg;
            break;
        case OPT_FAILED:
            ctx.f.failed = true;
            break;
        case OPT_JSON:
            ctx.json = true;
            break;
        case OPT_NOTE:
            note = optarg;
            break;
        case OPT_PATH:
            path_only = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case ':':
            fprintf(stderr, "%s: %s needs a value\n", PROG, argv[optind - 1]);
            goto usage_error;
        default:
            fprintf(stderr, "%s: unknown option '%s'\n", PROG, argv[optind - 1]);
            goto usage_error;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", PROG, argv[optind]);
        goto usage_error;
    }
    if (note)
        return add_note(note);
    if (!vd_journal_default_path(path, sizeof(path))) {
        fprintf(stderr, "%s: neither XDG_STATE_HOME nor HOME is set\n", PROG);
        return 1;
    }
    if (path_only) {
        puts(path);
        return 0;
    }
    if (!(t = vd_journal_tail_new(path, true))) {
        fprintf(stderr, "%s: out of memory\n", PROG);
        return 1;
    }
    if (!ctx.json && isatty(STDOUT_FILENO))
        printf("# %s: what virtdeck did and saw while it ran; "
               "events from before it started are not known\n", path);
    for (;;) {
        if ((n = vd_journal_tail_read(t, print_entry, &ctx)) < 0) {
            fprintf(stderr, "%s: cannot read %s: %m\n", PROG, path);
            goto cleanup;
        }
        if (fflush(stdout) != 0)
            goto cleanup;
        if (!follow)
            break;
        {
            struct timespec ts = { 0, 250 * 1000000L };
            nanosleep(&ts, NULL);
        }
    }
    ret = 0;

 cleanup:
    vd_journal_tail_free(t);
    return ret;

 usage_error:
    fprintf(stderr, "Try 'virtdeck journal --help' for more information.\n");
    return 2;
}
