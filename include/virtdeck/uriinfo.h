/*
 * uriinfo.h: what a libvirt URI says about its host, without opening
 * it: whether the daemon is on this machine (the one rule the core, the
 * UI and the command line share), and short labels that tell many hosts
 * apart on a narrow screen. Pure; no libvirt types.
 */
#ifndef VIRTDECK_URIINFO_H
#define VIRTDECK_URIINFO_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    VD_URI_REMOTE = 0,          /* another machine (or unknown) */
    VD_URI_SAME_MACHINE,        /* this machine over the network (qemu://localhost/system,
                                 * qemu+ssh://127.0.0.1/...): paths mean the same files,
                                 * descriptors cannot be passed */
    VD_URI_UNIX,                /* this machine through a UNIX socket (qemu:///system,
                                 * qemu+unix://, test:///...): paths and descriptors */
} vd_uri_locality;

/* Where uri's daemon is; an unparsable URI is VD_URI_REMOTE. */
vd_uri_locality vd_uri_locality_of(const char *uri);

/* Whether a path on uri's host is the same file here (SAME_MACHINE or
 * UNIX): a file can be checked with stat(). */
bool vd_uri_is_local(const char *uri);

/* Whether descriptors can be passed (virDomainOpenGraphicsFD): UNIX. */
bool vd_uri_passes_fds(const char *uri);

/* The base label of one URI: the host name; "local" for a local
 * daemon's system instance (qemu:///system), "local SCHEME" for another
 * local transport or driver ("local qemu+unix"), "session" for
 * qemu:///session, the file name for test:///path.xml ("default" for
 * test:///default). malloc'ed; NULL on out of memory. */
char *vd_uri_label(const char *uri);

/* Labels for n hosts that tell them apart: given[i] when non-NULL and
 * non-empty (hosts.conf), else vd_uri_label(), widened only where two
 * would read the same: user@ first, then the port, then the part of the
 * rest of the URI that differs ("kvm1 (ssh)" / "kvm1 (tcp)", "local
 * (peer)"), then " #2", " #3" for identical URIs. out[i] malloc'ed
 * (free each and the array with vd_host_labels_free). NULL on out of
 * memory. */
char **vd_host_labels(const char *const *uris, const char *const *given, size_t n);

void vd_host_labels_free(char **labels, size_t n);

#endif
