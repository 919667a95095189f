/*
 * journal.h: what virtdeck did and what libvirt told it, as JSON lines.
 *
 * Every action virtdeck takes (commands run by a host worker, long jobs,
 * `virtdeck create`) and every libvirt event a worker receives is
 * appended to $XDG_STATE_HOME/virtdeck/journal.jsonl (default
 * ~/.local/state/virtdeck/journal.jsonl; VIRTDECK_JOURNAL names another
 * file), one write() per line on an O_APPEND descriptor. Recording only
 * queues the entry: a writer thread does the file work, so no caller
 * waits on the disk. The file is capped (VIRTDECK_JOURNAL_MAX, e.g.
 * "10M"; default 10 MiB) and rotated to journal.jsonl.1 .. .N
 * (VIRTDECK_JOURNAL_KEEP, default 5) under an flock() on
 * journal.jsonl.lock, which every writer also takes (shared) around each
 * line, so another virtdeck appending at the same time never loses one.
 *
 * Secrets never reach the file: an argument whose name says password,
 * secret, key or token is written as "(redacted)", and XML arguments
 * are never written at all (only their size).
 */
#ifndef VIRTDECK_JOURNAL_H
#define VIRTDECK_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef enum {
    VD_JOURNAL_ACTION = 0,      /* something virtdeck did */
    VD_JOURNAL_EVENT,           /* something libvirt reported */
    VD_JOURNAL_NOTE,            /* a line written by `virtdeck journal --note` */
} vd_journal_kind;

#define VD_JOURNAL_MAX_ARGS 8

/* One entry. Strings are owned by the entry (vd_journal_entry_clear). */
typedef struct vd_journal_entry {
    long long time_ms;          /* wall clock (ms since the epoch); the
                                 * start of an action */
    vd_journal_kind kind;
    char *host;                 /* the host's label (or URI) */
    char *uri;                  /* the host's URI, or NULL */
    char *type;                 /* "domain", "network", "pool", "volume", "host" */
    char *object;               /* the object's name, or NULL */
    char *uuid;                 /* the object's UUID, or NULL */
    char *what;                 /* action: the verb ("start"); event: its
                                 * name ("lifecycle", "watchdog", ...) */
    char *detail;               /* event: "stopped: destroyed"; NULL for actions */
    char *arg_keys[VD_JOURNAL_MAX_ARGS];   /* action arguments, redacted */
    char *arg_vals[VD_JOURNAL_MAX_ARGS];
    size_t nargs;
    char *user;                 /* the local user (actions, notes) */
    char *via;                  /* "tui", "create", "journal", ... */
    long pid;
    long long duration_ms;      /* actions: how long it took; -1 otherwise */
    int ok;                     /* actions: 1 done, 0 failed; -1 events */
    char *message;              /* actions: what happened or libvirt's error */
} vd_journal_entry;

/* Start journaling for this process: via names the part of virtdeck
 * ("tui", "create", ...). Reads VIRTDECK_JOURNAL, VIRTDECK_JOURNAL_MAX,
 * VIRTDECK_JOURNAL_KEEP and XDG_STATE_HOME, creates the directory, and
 * starts the writer thread. Without it, recording does nothing. Returns
 * 0, or -1 with *err (static text) when the journal cannot be opened;
 * recording then does nothing and vd_journal_take_error() says why. */
int vd_journal_init(const char *via, const char **err);

/* Write what is queued and stop the writer (waits at most wait_ms). */
void vd_journal_shutdown(int wait_ms);

/* The journal's path (static storage; valid after vd_journal_init or
 * vd_journal_default_path), or NULL. */
const char *vd_journal_path(void);

/* The path the journal would have from the environment, into buf.
 * Returns buf, or NULL when neither XDG_STATE_HOME nor HOME is set. */
char *vd_journal_default_path(char *buf, size_t len);

/* Parse a size such as "4096", "64K", "10M", "1G". 0 or -1. */
int vd_journal_parse_size(const char *s, unsigned long long *bytes);

/* Queue e for writing (takes its strings; e is cleared). Fills time_ms,
 * user, via and pid when unset. Never blocks on the disk; any thread. */
void vd_journal_record(vd_journal_entry *e);

/* Convenience: an action with host, type, object, uuid, verb, its
 * start (ms, wall clock), whether it worked and the message. Strings
 * are copied; NULL is fine for any. Arguments are added with
 * vd_journal_arg() on an entry made by vd_journal_action_new(). */
vd_journal_entry *vd_journal_action_new(const char *host, const char *uri,
                                        const char *type, const char *object,
                                        const char *uuid, const char *verb);

/* Add an argument (copied); values of secret names are redacted here.
 * A value of NULL is written as null. */
void vd_journal_arg(vd_journal_entry *e, const char *key, const char *val);

/* Finish an action made by vd_journal_action_new(): set ok, message,
 * the duration from start_ms, queue it and free e. */
void vd_journal_action_done(vd_journal_entry *e, long long start_ms, bool ok,
                            const char *message);

/* Record an event (strings copied). */
void vd_journal_event(const char *host, const char *uri, const char *type,
                      const char *object, const char *uuid, const char *what,
                      const char *detail);

/* A write error not yet shown (once per distinct failure), to free;
 * NULL when none. The UI calls it after each wake. */
char *vd_journal_take_error(void);

/* Whether a name (argument, field) carries a secret. */
bool vd_journal_secret_name(const char *name);

/* The JSON line of e, with a trailing newline; caller frees. NULL when
 * out of memory. */
char *vd_journal_format(const vd_journal_entry *e);

/* Parse one JSON line into e (zeroed first). 0, or -1 when the line is
 * not a journal entry. */
int vd_journal_parse(const char *line, vd_journal_entry *e);

/* Free e's strings and zero it. */
void vd_journal_entry_clear(vd_journal_entry *e);

/* Deep copy of src into dst. 0 or -1. */
int vd_journal_entry_copy(vd_journal_entry *dst, const vd_journal_entry *src);

/* The kind's name ("action", "event", "note"). */
const char *vd_journal_kind_name(vd_journal_kind kind);

/* A one-line human form of e into buf ("2026-12-04 05:10:02  host
 * domain vm1  start  done (0.4 s)  by root via tui"). Returns buf. */
char *vd_journal_human(const vd_journal_entry *e, char *buf, size_t len);

/* Parse a --since value: an ISO time ("2026-12-04", "2026-12-04T05:10",
 * "2026-12-04 05:10:30", with optional "Z" or ±HH:MM; local time
 * without), or a span back from now_ms ("90s", "30m", "1h", "2d",
 * "1w"). Sets *ms (epoch ms). 0, or -1 when not understood. */
int vd_journal_parse_since(const char *s, long long now_ms, long long *ms);

/* What to show of the journal (`virtdeck journal`, the journal view).
 * Zero fields match everything. */
typedef struct vd_journal_filter {
    long long since_ms;         /* entries at or after this time */
    const char *host;           /* host label or URI, exactly */
    const char *object;         /* object name or UUID, exactly */
    const char *type;           /* "domain", "network", ... */
    int kind;                   /* a vd_journal_kind, or -1 for any */
    bool failed;                /* failed actions only */
    const char *text;           /* anywhere in the human line (case-insensitive) */
} vd_journal_filter;

/* Whether e passes f. */
bool vd_journal_match(const vd_journal_entry *e, const vd_journal_filter *f);

/* ---- reading, as the file grows and rotates ---- */

typedef struct vd_journal_tail vd_journal_tail;

/* Follow the journal at path from its start (with_rotated: first the
 * rotated files, oldest first). Caller frees with _tail_free. */
vd_journal_tail *vd_journal_tail_new(const char *path, bool with_rotated);

/* Read what has been added since the last call, calling fn for each
 * complete entry (lines that do not parse are skipped). A rotation is
 * followed: the rest of the old file first, then the new one. Returns
 * the number of entries, or -1 when the journal cannot be read (it may
 * not exist yet: that is 0). Never waits. */
int vd_journal_tail_read(vd_journal_tail *t,
                         void (*fn)(const vd_journal_entry *e, void *opaque),
                         void *opaque);

void vd_journal_tail_free(vd_journal_tail *t);

/* Wall clock now, in ms since the epoch. */
long long vd_journal_now_ms(void);

#endif
