/*
 * cmd_create.c: the create wizard's commands, run on the host's worker.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/cmd_create.h"
#include "core/commands_priv.h"
#include "core/errors.h"
#include "core/leftovers.h"
#include "core/uri.h"
#include "virtdeck/cloudinit.h"
#include "virtdeck/create.h"
#include "virtdeck/create_host.h"
#include "virtdeck/createfacts.h"

_Static_assert(VD_CMD_CREATE_START == VD_CREATE_START,
               "createfacts.h and create.h disagree on the start flag");

/* Free facts. */
void
vd_create_facts_free(vd_create_facts *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nvols; i++) {
        free(f->vols[i].pool);
        free(f->vols[i].name);
        free(f->vols[i].path);
    }
    free(f->vols);
    vd_host_caps_clear(&f->caps);
    free(f->error);
    free(f);
}

/* data_free for a vd_create_facts. */
static void
facts_free(void *p)
{
    vd_create_facts_free(p);
}

/* See createfacts.h. */
void
vd_create_request_free(vd_create_request *req)
{
    if (!req)
        return;
    vd_domain_spec_clear(&req->spec);
    free(req->seed_pool);
    free(req->seed_volume);
    free(req->hostname);
    free(req->user);
    free(req->ssh_key);
    if (req->password)
        memset(req->password, 0, strlen(req->password));
    free(req->password);
    free(req);
}

static void read_caps(virConnectPtr conn, vd_create_facts *f);

/* VD_CMD_DOM_CREATE with a vd_create_request: the seed ISO built here
 * (on the worker, not the UI thread), then the create engine makes the
 * seed volume and every new disk's volume, defines the domain and
 * removes again what it made when a step fails. */
static void
create_request(virConnectPtr conn, const vd_cmd *cmd, vd_result *res)
{
    const vd_create_request *req = cmd->data;
    vd_create_facts facts = { 0 };
    vd_volume_spec seed_vol = { 0 };
    vd_create_volume extra = { 0 };
    vd_cloudinit ci = { 0 };
    void *iso = NULL;
    char *err = NULL;

    if (req->seed) {
        ci.hostname = req->hostname && *req->hostname ? req->hostname : req->spec.name;
        ci.user = req->user;
        ci.ssh_key = req->ssh_key;
        ci.password = req->password;
        if (vd_cloudinit_iso(&ci, &iso, &extra.len, &err) < 0) {
            if (asprintf(&res->message, "create: cloud-init seed: %s",
                         err ? err : "the ISO could not be built") < 0)
                res->message = NULL;
            free(err);
            return;
        }
        extra.data = iso;
        seed_vol.name = req->seed_volume;
        seed_vol.capacity = extra.len;
        seed_vol.format = VD_FMT_RAW;
        extra.pool = req->seed_pool;
        extra.vol = &seed_vol;
    }
    read_caps(conn, &facts);
    res->ok = vd_create_with(conn, &req->spec, facts.have_caps ? &facts.caps : NULL,
                             &extra, req->seed ? 1 : 0,
                             cmd->flags & VD_CREATE_START, res->uuid, &err) == 0;
    if (res->ok ? asprintf(&res->message, "%s %s", req->spec.name,
                           cmd->flags & VD_CREATE_START ? "created and started"
                                                        : "created") < 0
                : asprintf(&res->message, "create: %s", err ? err : "failed") < 0)
        res->message = NULL;
    free(err);
    free(iso);
    vd_host_caps_clear(&facts.caps);
    free(facts.error);
}

/* VD_CMD_DOM_CREATE: create atomically (create.h). */
int
vd_cc_create(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
             vd_result *res)
{
    char *msg = NULL;

    if (!cmd->data && !cmd->str) {
        res->message = strdup("create: no domain XML given");
        return vd_cmd_said(res, false);
    }
    vd_leftovers_bind(res->host_id, cmd->kind);  /* what a lost link leaves */
    if (cmd->data) {
        create_request(conn, cmd, res);
    } else {
        res->ok = vd_create_command(conn, cmd->str, cmd->num > 0 ?
                                    (unsigned long long)cmd->num : 0,
                                    cmd->flags, res->uuid, &msg) == 0;
        res->message = msg;
    }
    vd_leftovers_bind(-1, cmd->kind);
    return vd_cmd_said(res, true);
}

/* Sort volumes by pool, then name. */
static int
cmp_vol(const void *pa, const void *pb)
{
    const vd_create_vol *a = pa, *b = pb;
    int c = strcmp(a->pool, b->pool);

    return c ? c : strcmp(a->name, b->name);
}

/* Add every volume of the active pools to f. */
static void
read_volumes(virConnectPtr conn, vd_create_facts *f)
{
    virStoragePoolPtr *pools = NULL;
    int np = virConnectListAllStoragePools(conn, &pools,
                                           VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);

    if (np < 0) {
        virResetLastError();
        return;
    }
    for (int i = 0; i < np; i++) {
        virStorageVolPtr *vols = NULL;
        int nv = virStoragePoolListAllVolumes(pools[i], &vols, 0);
        vd_create_vol *grown;

        if (nv > 0 && (grown = realloc(f->vols, (f->nvols + (size_t)nv) *
                                       sizeof(*grown)))) {
            f->vols = grown;
            for (int j = 0; j < nv; j++) {
                vd_create_vol *v = &f->vols[f->nvols];
                virStorageVolInfo info;
                char *fmt;
                int pf;

                memset(v, 0, sizeof(*v));
                v->pool = strdup(virStoragePoolGetName(pools[i]));
                v->name = strdup(virStorageVolGetName(vols[j]));
                if (!v->pool || !v->name) {
                    free(v->pool);
                    free(v->name);
                    continue;
                }
                v->path = virStorageVolGetPath(vols[j]);
                if (virStorageVolGetInfo(vols[j], &info) == 0)
                    v->capacity = info.capacity;
                fmt = vd_volume_format_word(vols[j]);
                pf = fmt ? vd_disk_format_parse(fmt) : -1;
                v->format = pf > 0 ? (vd_disk_format)pf : VD_FMT_UNSET;
                v->iso = (fmt && strcasecmp(fmt, "iso") == 0) ||
                         (strlen(v->name) > 4 &&
                          strcasecmp(v->name + strlen(v->name) - 4, ".iso") == 0);
                free(fmt);
                f->nvols++;
                virResetLastError();
            }
        }
        virResetLastError();
        for (int j = 0; j < nv; j++)
            virStorageVolFree(vols[j]);
        free(vols);
        virStoragePoolFree(pools[i]);
    }
    free(pools);
    if (f->nvols > 1)
        qsort(f->vols, f->nvols, sizeof(f->vols[0]), cmp_vol);
}

/* Read the domain capabilities as `virtdeck create` does: kvm, else
 * qemu; q35 on x86, else the default machine (create_host.h). */
static void
read_caps(virConnectPtr conn, vd_create_facts *f)
{
    f->virt_type = VD_VIRT_KVM;
    f->have_caps = vd_create_caps_read(conn, NULL, NULL, false, &f->virt_type,
                                       &f->caps, &f->error);
}

/* VD_CMD_CREATE_FACTS. */
int
vd_cc_facts(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
            vd_result *res)
{
    vd_create_facts *f = calloc(1, sizeof(*f));

    (void)cmd;
    if (!f) {
        res->message = strdup("out of memory");
        return vd_cmd_said(res, false);
    }
    read_caps(conn, f);
    read_volumes(conn, f);
    f->local = vd_conn_is_local(conn);
    res->ok = true;
    res->data = f;
    res->data_free = facts_free;
    res->message = strdup("read the host's facts for a new machine");
    return vd_cmd_said(res, false);
}

/* VD_CMD_PATH_EXISTS. */
int
vd_cc_path_exists(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                  vd_result *res)
{
    static const char *const answers[] = { "?", "0", "1" };
    int state;

    if (!cmd->str || cmd->str[0] != '/') {
        res->message = strdup("check path: not an absolute path");
        return vd_cmd_said(res, false);
    }
    state = vd_host_path_state(conn, vd_conn_is_local(conn), cmd->str, NULL);
    res->ok = true;
    res->text = strdup(answers[state + 1]);
    res->message = strdup(cmd->str);
    return vd_cmd_said(res, false);
}
