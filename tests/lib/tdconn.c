/*
 * tdconn.c: the C tests' test-driver connection (see tdconn.h).
 */
#include <stdio.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tdconn.h"

char vd_td_uri[4096];

/* libvirt would print every error on stderr. */
static void
silent(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* See tdconn.h. */
void
vd_td_init(const char *data_dir, const char *file)
{
    snprintf(vd_td_uri, sizeof(vd_td_uri), "test://%s/%s", data_dir, file);
    virSetErrorFunc(NULL, silent);
}

/* See tdconn.h. */
int
vd_td_setup(void **state)
{
    virConnectPtr conn = virConnectOpen(vd_td_uri);

    if (!conn)
        return -1;
    *state = conn;
    return 0;
}

/* See tdconn.h. */
int
vd_td_teardown(void **state)
{
    virConnectClose(*state);
    return 0;
}

/* See tdconn.h. */
int
vd_td_guest_spec(vd_domain_spec *s, const char *name)
{
    memset(s, 0, sizeof(*s));
    s->virt_type = VD_VIRT_TEST;
    s->vcpus = 1;
    s->memory_mib = 128;
    s->disk.kind = VD_DISK_NEW_VOLUME;
    s->disk.size_bytes = VD_GIB;
    s->disk.format = VD_FMT_QCOW2;
    s->net.kind = VD_NET_NETWORK;
    s->gfx.kind = VD_GFX_VNC;
    if (vd_spec_set(&s->name, name) < 0 || vd_spec_set(&s->disk.pool, "pool-a") < 0 ||
        vd_spec_set(&s->net.source, "net-nat") < 0 ||
        vd_spec_set(&s->gfx.password, "pw") < 0)
        return -1;
    return 0;
}
