/*
 * cli_journal_args.c: the command line of `virtdeck journal`: its
 * option table and its parser (src/cli_journal.c runs it).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli_args.h"

enum { OPT_FAILED = 256, OPT_JSON, OPT_NOTE, OPT_PATH };

static const vd_cli_opt journal_opts[] = {
    { .name = "follow", .key = 'f',
      .help = "keep printing entries as they are written" },
    { .name = "since", .key = 's', .arg = "TIME",
      .help = "from TIME on: 2026-12-04, 2026-12-04T05:10[:30][Z|+01:00],\n"
              "or back from now: 90s, 30m, 1h, 2d, 1w" },
    { .name = "host", .key = 'H', .arg = "HOST", .values = "@hosts",
      .help = "only HOST (its name in virtdeck or its URI)" },
    { .name = "domain", .key = 'd', .arg = "DOMAIN",
      .help = "only the domain (or other object) DOMAIN (name or UUID)" },
    { .name = "failed", .key = OPT_FAILED, .help = "only actions that failed" },
    { .name = "json", .key = OPT_JSON,
      .help = "JSON lines, as stored (fields: docs/journal.md)" },
    { .name = "note", .key = OPT_NOTE, .arg = "TEXT",
      .help = "add TEXT to the journal as a note, and exit" },
    { .name = "path", .key = OPT_PATH,
      .help = "print the journal's file name, and exit" },
    { .name = "help", .key = 'h', .help = "show this help" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_journal_cmd = {
    .name = "journal",
    .summary = "what virtdeck did and saw (--follow, --since, --json)",
    .synopsis = "virtdeck journal [--follow] [--since TIME] [--host H] [--domain D] [--failed] [--json]\n"
                "virtdeck journal --note TEXT",
    .description = "Show what virtdeck did and the events libvirt reported while it ran.\n"
                   "Events from times when no virtdeck was running are not known.",
    .epilog = "The journal is $XDG_STATE_HOME/virtdeck/journal.jsonl (default\n"
              "~/.local/state/virtdeck/journal.jsonl; VIRTDECK_JOURNAL names another file).\n"
              "VIRTDECK_JOURNAL_MAX (e.g. 10M) caps it; VIRTDECK_JOURNAL_KEEP old files are kept.",
    .opts = journal_opts,
};

/* Take one of journal's options into the vd_journal_args ctx. */
static int
journal_take(void *ctx, int key, const char *arg)
{
    vd_journal_args *o = ctx;

    switch (key) {
    case 'f':
        o->follow = true;
        break;
    case 's':
        o->since = arg;
        break;
    case 'H':
        o->host = arg;
        break;
    case 'd':
        o->domain = arg;
        break;
    case OPT_FAILED:
        o->failed = true;
        break;
    case OPT_JSON:
        o->json = true;
        break;
    case OPT_NOTE:
        o->note = arg;
        break;
    case OPT_PATH:
        o->path = true;
        break;
    }
    return VD_CLI_RUN;
}

/* Parse the command line of `virtdeck journal`. */
vd_cli_status
vd_journal_args_parse(vd_journal_args *o, int argc, char **argv)
{
    return vd_cli_parse_options(&vd_cli_journal_cmd, argc, argv, journal_take, o,
                                o->err, sizeof(o->err));
}
