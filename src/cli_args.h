/*
 * cli_args.h: the command line of each converted command, parsed into
 * a struct before anything runs: its option table (vd_cli_cmd, from
 * which --help, the man page and completion are made) and its parser,
 * which never prints or exits, so tests/fuzz/fuzz_cli.c can call it.
 * Each command's table and parser live in src/cli_NAME_args.c.
 */
#ifndef VIRTDECK_CLI_ARGS_H
#define VIRTDECK_CLI_ARGS_H

#include <stdbool.h>

#include "virtdeck/domspec.h"
#include "cli_opts.h"

#define VD_CLI_MAX_HOSTS 64     /* -c given at most this often */

/* `virtdeck [OPTION]...`: the screen (src/cli_main_args.c). */
typedef struct vd_main_args {
    const char *uris[VD_CLI_MAX_HOSTS];  /* point into argv */
    size_t nuris;
    bool readonly;
    int tick_ms;                /* 0: the default */
    int mem_period;             /* --mem-period: balloon stats period (s) */
    const char *theme;          /* NULL: the default */
    bool ascii;
    bool no_mouse;
    int picture;                /* --picture: a vd_picture_mode (0: auto) */
    char err[VD_CLI_ERRLEN];    /* the message of a refusal */
} vd_main_args;

extern const vd_cli_cmd vd_cli_main_cmd;

/* Parse argv (argv[0] the program) into a (zeroed by the caller).
 * Returns a vd_cli_status; on an error, a->err says why. */
vd_cli_status vd_main_args_parse(vd_main_args *a, int argc, char **argv);

/* `virtdeck create` (src/cli_create_args.c). */
#define VD_CREATE_MAX_DEVS 32   /* disks, NICs */
typedef struct vd_create_args {
    vd_domain_spec spec;        /* owned: vd_create_args_clear() */
    const char *uri;
    const char *domcaps_file;   /* host caps from a file, not the host */
    bool print_xml;
    bool dry_run;
    bool start;
    bool have_memory;
    bool have_vcpus;
    bool have_disk_size;
    bool have_disk_bus;
    bool have_nic_model;
    bool have_firmware;
    bool have_virt_type;
    bool have_disk;
    bool have_net;
    bool have_gfx;
    bool disk_none;             /* --disk none / --nodisks */
    bool net_none;              /* --network none / --nonetworks */
    bool quiet;
    int installs;               /* how many install options were given */
    int ndisks;                 /* --disk options taken (main + more) */
    int nnets;
    bool path_new[VD_CREATE_MAX_DEVS]; /* disk i: path= of a new file, size= */
    const char *legacy_mac;     /* --mac: the first NIC's MAC */
    /* --cloud-init (files are read by the runner) */
    bool cloud_init;
    const char *ci_user_data, *ci_meta_data, *ci_network_config;
    const char *ci_ssh_key;
    bool ci_root_password;
    char notes[1024];           /* notes about options without effect */
    char err[VD_CLI_ERRLEN];
} vd_create_args;

extern const vd_cli_cmd vd_cli_create_cmd;

/* Parse argv (argv[0] "create"; option values are split in place) into
 * a (zeroed by the caller). Returns a vd_cli_status; a->err says why on
 * an error. Release a with vd_create_args_clear() in every case. */
vd_cli_status vd_create_args_parse(vd_create_args *a, int argc, char **argv);
void vd_create_args_clear(vd_create_args *a);

/* `virtdeck journal` (src/cli_journal_args.c). */
typedef struct vd_journal_args {
    bool follow, failed, json, path;
    const char *since;          /* unparsed: the runner parses it */
    const char *host;
    const char *domain;
    const char *note;
    char err[VD_CLI_ERRLEN];
} vd_journal_args;

extern const vd_cli_cmd vd_cli_journal_cmd;

/* Parse argv (argv[0] "journal") into a (zeroed by the caller). */
vd_cli_status vd_journal_args_parse(vd_journal_args *a, int argc, char **argv);

/* `virtdeck top` (src/cli_top_args.c). */
typedef enum { VD_TOP_TEXT, VD_TOP_CSV, VD_TOP_JSON } vd_top_format;

typedef struct vd_top_args {
    const char *uris[VD_CLI_MAX_HOSTS];
    size_t nuris;
    bool batch;
    bool readonly;
    long iterations;            /* 0: until interrupted */
    int tick_ms;                /* 0: the default */
    int mem_period;
    vd_top_format format;
    const char *csv_file;       /* "-" or NULL: stdout */
    const char *batch_opt;      /* a batch-only option given, for messages */
    const char *screen_opt;     /* a screen-only option given, for messages */
    char err[VD_CLI_ERRLEN];
} vd_top_args;

extern const vd_cli_cmd vd_cli_top_cmd;

/* Parse argv (argv[0] "top") into a (zeroed by the caller). Returns
 * VD_CLI_RUN for --batch, VD_CLI_SCREEN for the screen (main() parses
 * argv again with the screen's options), or help/an error. */
vd_cli_status vd_top_args_parse(vd_top_args *a, int argc, char **argv);

/* `virtdeck migrate` (src/cli_migrate_args.c). */
typedef struct vd_migrate_args {
    const char *uri;            /* the source; NULL: libvirt's default */
    const char *domain;
    const char *dest_uri;
    const char *migrate_uri;
    bool live, offline, persistent, undefinesource, copy_all, copy_inc;
    bool auto_converge, postcopy, p2p, tunnelled, unsafe, verbose;
    unsigned long long bandwidth; /* MiB/s, 0: none */
    long long downtime_ms;      /* 0: libvirt's default */
    char err[VD_CLI_ERRLEN];
} vd_migrate_args;

extern const vd_cli_cmd vd_cli_migrate_cmd;

/* Parse argv (argv[0] "migrate") into a (zeroed by the caller): the
 * options and the two operands. Returns a vd_cli_status; a->err says
 * why on an error. */
vd_cli_status vd_migrate_args_parse(vd_migrate_args *a, int argc, char **argv);

/* `virtdeck snapshot` (src/cli_snapshot_args.c). Strings point into argv. */
typedef struct vd_snapshot_args {
    const char *uri;
    const char *domain;
    const char *action;         /* list, create, revert, delete, dumpxml */
    const char *snapshot;       /* revert, delete, dumpxml: the snapshot */
    bool tree;
    bool print_xml;
    const char *name;           /* create */
    const char *description;
    const char *pool;
    bool disk_only, quiesce, no_memory;
    unsigned int revert_flags;  /* VD_DSNAP_REVERT_* */
    unsigned int delete_flags;  /* VD_DSNAP_DELETE_* */
    char err[VD_CLI_ERRLEN];
} vd_snapshot_args;

extern const vd_cli_cmd vd_cli_snapshot_cmd;

/* Parse argv (argv[0] "snapshot") into a (zeroed by the caller). */
vd_cli_status vd_snapshot_args_parse(vd_snapshot_args *a, int argc, char **argv);

/* `virtdeck clone` (src/cli_clone_args.c). Strings point into argv. */
#define VD_CLI_MAX_DISKS 32
typedef struct vd_clone_cli_args {
    const char *uri;
    const char *original;
    const char *name;
    bool auto_clone;
    bool linked;
    bool print_xml;
    bool quiet;
    const char *skip[VD_CLI_MAX_DISKS];   /* --skip-copy targets */
    size_t nskip;
    const char *link[VD_CLI_MAX_DISKS];   /* --link-disk targets */
    size_t nlink;
    const char *macs[VD_CLI_MAX_DISKS];
    size_t nmacs;
    char err[VD_CLI_ERRLEN];
} vd_clone_cli_args;

extern const vd_cli_cmd vd_cli_clone_cmd;

/* Parse argv (argv[0] "clone") into a (zeroed by the caller). */
vd_cli_status vd_clone_cli_args_parse(vd_clone_cli_args *a, int argc, char **argv);

/* Parse seconds in [lo, hi] into ms; -1 when s is not such a number. */
int vd_cli_parse_seconds(const char *s, double lo, double hi);

/* Parse a whole number in [lo, hi]; -1 when s is not one. */
int vd_cli_parse_long(const char *s, long lo, long hi, long *out);

/* --delay SECONDS, of the screen and of top: the tick into *tick_ms
 * (ms); -1 with a message in err when arg is not 0.5 to 3600 seconds. */
int vd_cli_take_delay(const char *arg, int *tick_ms, char *err, size_t errlen);

/* --mem-period SECONDS, of the screen and of top: the balloon stats
 * period into *period; -1 with a message in err when arg is not a
 * whole number of seconds from 0 to 3600. */
int vd_cli_take_mem_period(const char *arg, int *period, char *err,
                           size_t errlen);

#endif
