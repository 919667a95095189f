/*
 * hostsconf.h: the list of hosts kept in $XDG_CONFIG_HOME/virtdeck/hosts.conf.
 *
 * One host a line: the URI, then optional key=value words:
 *
 *   # comment
 *   qemu:///system
 *   qemu+ssh://root@kvm1/system  label="KVM one"  autoconnect=no
 *
 * Values may be double-quoted, with \" and \\ inside quotes. A
 * malformed line is reported with its number and skipped; the other
 * lines still load. Nothing the user wrote is lost on saving: comments,
 * blank lines and a comment after a host stay where they were, and a
 * malformed line is written back in its place, commented out after
 * "# not read: ". Saving writes a temporary file in the same
 * directory, fsyncs it and renames it over the old one. Pure code: no
 * libvirt, no curses.
 */
#ifndef VIRTDECK_HOSTSCONF_H
#define VIRTDECK_HOSTSCONF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vd_host_entry {
    char *uri;                  /* libvirt URI (owned) */
    char *label;                /* display name (owned), or NULL: the URI */
    bool autoconnect;           /* connect at start-up (default true) */
    bool transient;             /* from -c: this run only, never saved */
    char *before;               /* the file's comment, blank and unreadable
                                 * lines above this host, each ending in
                                 * '\n', written back as they were (owned;
                                 * NULL: none) */
    char *note;                 /* a "# ..." comment after the host on its
                                 * line (owned; NULL: none) */
} vd_host_entry;

typedef struct vd_hosts_conf {
    vd_host_entry *hosts;       /* owned */
    size_t nhosts;
    char **errors;              /* "hosts.conf:3: ..." messages (owned) */
    size_t nerrors;
    char *after;                /* the lines after the last host, as
                                 * vd_host_entry.before (owned; NULL: none) */
    char *unreadable;           /* why the file was not read at all (too
                                 * large, an I/O error): saving over it is
                                 * refused (owned; NULL: read in full) */
    bool keep_aside;            /* the file has bytes that cannot be
                                 * written back as they were (a NUL byte):
                                 * the next save first keeps the original
                                 * under another name */
    char *kept_aside;           /* where the last save kept the original
                                 * (owned; NULL: it did not) */
} vd_hosts_conf;

/* The path of hosts.conf: $XDG_CONFIG_HOME/virtdeck/hosts.conf, else
 * $HOME/.config/virtdeck/hosts.conf. Caller frees; NULL when neither
 * variable is set. */
char *vd_hosts_conf_path(void);

/* Parse text (NUL-terminated) into conf, appending hosts and errors;
 * name is used in error messages ("hosts.conf"). Returns the number of
 * malformed lines; -1 on out of memory. */
int vd_hosts_conf_parse(vd_hosts_conf *conf, const char *text,
                        const char *name);

/* Load path into conf (appending). A missing file is an empty list.
 * A line with a NUL byte is reported and not read, like a malformed
 * line, and conf->keep_aside is set. Returns the number of malformed
 * lines, or -1 when the file could not be read (a message is added to
 * conf->errors and conf->unreadable says why). */
int vd_hosts_conf_load(vd_hosts_conf *conf, const char *path);

/* Format the non-transient hosts as the file's text, with the comment,
 * blank and malformed lines read with them in their places. Caller
 * frees; NULL on out of memory. */
char *vd_hosts_conf_format(const vd_hosts_conf *conf);

/* Write the non-transient hosts to path atomically (temporary file in
 * the same directory, fsync, rename), creating the directory if it is
 * missing. Never writes over a file that was not read in full: with
 * conf->unreadable set it refuses; with conf->keep_aside set it first
 * keeps the original byte for byte as PATH.unreadable-YYYYMMDDTHHMMSS
 * (a hard link; the name goes to conf->kept_aside). Returns 0, or -1
 * with *err set to a message the caller frees. */
int vd_hosts_conf_save(vd_hosts_conf *conf, const char *path, char **err);

/* Append a host (strings copied; label may be NULL). Returns its
 * index, or -1 when uri is not a URI (*why set to a static message)
 * or on out of memory. */
int vd_hosts_conf_add(vd_hosts_conf *conf, const char *uri,
                      const char *label, bool autoconnect, bool transient,
                      const char **why);

/* Remove the host at index i (later ones move down). */
void vd_hosts_conf_remove(vd_hosts_conf *conf, size_t i);

/* Check a URI typed by the user: NULL when acceptable, else a static
 * message saying what is wrong. */
const char *vd_hosts_conf_check_uri(const char *uri);

/* Free what conf holds and zero it. */
void vd_hosts_conf_clear(vd_hosts_conf *conf);

#endif
