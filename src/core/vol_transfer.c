/*
 * vol_transfer.c: volume upload and download as long jobs (job.h,
 * jobs_priv.h).
 *
 * The worker checks the arguments, opens the local file, creates the
 * volume for an upload, and starts the job; the job moves the bytes
 * through a libvirt stream (so it works over remote connections) in
 * 1 MiB chunks and stops at the next chunk when cancelled. A failed or
 * cancelled upload deletes the volume it created; a failed or cancelled
 * download deletes the local file it created.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/domspec.h"
#include "virtdeck/netstore.h"
#include "core/commands_priv.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"
#include "core/jobs_priv.h"
#include "core/leftovers.h"

#define CHUNK (1024 * 1024)     /* bytes per stream call */

typedef struct transfer {
    bool upload;
    bool created;               /* we made the target: remove it on failure */
    virStorageVolPtr vol;
    int fd;
    char *local;                /* the local file's path */
    char *pool;                 /* the volume's pool (name) */
} transfer;

/* Free a transfer. */
static void
transfer_free(void *p)
{
    transfer *t = p;

    if (!t)
        return;
    if (t->fd >= 0)
        close(t->fd);
    if (t->vol)
        virStorageVolFree(t->vol);
    free(t->local);
    free(t->pool);
    free(t);
}

/* Send the whole file into the stream: 0, -1 (*err), 1 cancelled. */
static int
pump_up(vd_job *j, transfer *t, virStreamPtr st, char *buf, char **err)
{
    for (;;) {
        ssize_t got, off = 0;

        if (vd_job_cancelled(j))
            return 1;
        got = read(t->fd, buf, CHUNK);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            if (asprintf(err, "reading %s: %s", t->local, strerror(errno)) < 0)
                *err = NULL;
            return -1;
        }
        if (got == 0)
            return 0;
        while (off < got) {
            int sent = virStreamSend(st, buf + off, (size_t)(got - off));
            if (sent < 0) {
                *err = vd_err_take("stream send failed");
                return -1;
            }
            off += sent;
        }
        vd_job_progress(j, (unsigned long long)got);
    }
}

/* Write everything the stream gives into the file: same returns. */
static int
pump_down(vd_job *j, transfer *t, virStreamPtr st, char *buf, char **err)
{
    for (;;) {
        int got;
        ssize_t off = 0;

        if (vd_job_cancelled(j))
            return 1;
        got = virStreamRecv(st, buf, CHUNK);
        if (got < 0) {
            *err = vd_err_take("stream receive failed");
            return -1;
        }
        if (got == 0)
            return 0;
        while (off < got) {
            ssize_t w = write(t->fd, buf + off, (size_t)(got - off));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                if (asprintf(err, "writing %s: %s", t->local, strerror(errno)) < 0)
                    *err = NULL;
                return -1;
            }
            off += w;
        }
        vd_job_progress(j, (unsigned long long)got);
    }
}

/* The job: open a stream and pump. */
static int
transfer_run(vd_job *j, char **err)
{
    transfer *t = j->priv;
    virStreamPtr st = NULL;
    char *buf = malloc(CHUNK);
    int rc = -1;

    if (!buf) {
        *err = strdup("out of memory");
        return -1;
    }
    if (!(st = virStreamNew(j->conn, 0))) {
        *err = vd_err_take("could not open a stream");
        goto cleanup;
    }
    if (t->upload ? virStorageVolUpload(t->vol, st, 0, j->p.total, 0) < 0
                  : virStorageVolDownload(t->vol, st, 0, 0, 0) < 0) {
        *err = vd_err_take("the transfer was refused");
        goto cleanup;
    }
    rc = t->upload ? pump_up(j, t, st, buf, err) : pump_down(j, t, st, buf, err);
    if (rc == 0 && virStreamFinish(st) < 0) {
        *err = vd_err_take("finishing the transfer failed");
        rc = -1;
    }
    if (rc == 0 && !t->upload && fsync(t->fd) < 0 && errno != EINVAL) {
        if (asprintf(err, "writing %s: %s", t->local, strerror(errno)) < 0)
            *err = NULL;
        rc = -1;
    }
    if (rc != 0)
        virStreamAbort(st);

 cleanup:
    if (st)
        virStreamFree(st);
    free(buf);
    return rc;
}

/* After a failure: remove the volume or file this job created. */
static const char *
transfer_undo(vd_job *j)
{
    transfer *t = j->priv;

    if (!t->created)
        return NULL;
    if (t->upload) {
        if (virStorageVolDelete(t->vol, 0) == 0)
            return "the partial volume was deleted";
        if (!vd_conn_lost(j->conn))
            return NULL;
        /* the daemon or the transport died: remove it once back */
        vd_leftover_volume(j->p.host_id, j->p.kind, t->pool,
                           virStorageVolGetName(t->vol),
                           "the partial volume of the interrupted upload");
        return "the connection was lost: the partial volume will be deleted "
               "when the host is connected again";
    }
    return unlink(t->local) == 0 ? "the partial file was deleted" : NULL;
}

static const vd_job_ops transfer_ops = {
    .run = transfer_run,
    .undo = transfer_undo,
    .free = transfer_free,
    .cancellable = true,
};

/* A new transfer job for local; NULL after saying why. */
static vd_job *
new_job(virConnectPtr conn, const char *local, bool upload, vd_result *res)
{
    transfer *t = calloc(1, sizeof(*t));
    vd_job *j;

    if (!t || !(t->local = strdup(local))) {
        free(t);
        vd_result_say(res, "%s: out of memory", upload ? "upload" : "download");
        return NULL;
    }
    t->fd = -1;
    t->upload = upload;
    if (!(j = vd_job_new(conn, &transfer_ops, t)))
        vd_result_say(res, "%s: out of memory", upload ? "upload" : "download");
    return j;
}

/* Say libvirt's error after prefix. */
static void
say_err(vd_result *res, const char *prefix)
{
    char *err = vd_err_take("failed");

    vd_result_say(res, "%s: %s", prefix, err);
    free(err);
}

/* VD_CMD_VOL_UPLOAD: str = args2(volume, local file). A new volume
 * (raw, the file's size) is created unless one of that name exists. */
int
vd_ns_vol_upload(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    virStoragePoolPtr pool = NULL;
    virStoragePoolInfo info;
    vd_volume_spec spec = { 0 };
    const char *name, *local, *xerr;
    char *xml = NULL, *problem = NULL;
    struct stat st;
    vd_job *j = NULL;
    transfer *t;
    bool changed = false;

    if (!cmd->str || !*cmd->str || !*vd_cmd_arg2(cmd->str)) {
        vd_result_say(res, "upload: a volume name and a local file are needed");
        return vd_cmd_said(res, false);
    }
    name = cmd->str;
    local = vd_cmd_arg2(cmd->str);
    if (!(j = new_job(conn, local, true, res)))
        return vd_cmd_said(res, false);
    t = j->priv;
    if ((t->fd = open(local, O_RDONLY | O_CLOEXEC)) < 0 || fstat(t->fd, &st) < 0) {
        vd_result_say(res, "upload: cannot open %s: %s (nothing was created)",
                  local, strerror(errno));
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        vd_result_say(res, "upload: %s is not a regular file", local);
        goto cleanup;
    }
    if (!(pool = virStoragePoolLookupByUUIDString(conn, cmd->uuid))) {
        say_err(res, "upload");
        goto cleanup;
    }
    if (!(t->vol = virStorageVolLookupByName(pool, name))) {
        virResetLastError();
        if (virStoragePoolGetInfo(pool, &info) < 0) {
            say_err(res, "upload");
            goto cleanup;
        }
        spec.name = (char *)name;
        spec.capacity = st.st_size ? (unsigned long long)st.st_size : 1;
        spec.format = VD_FMT_RAW;
        if ((problem = vd_check_volume_fits(spec.capacity,
                                            virStoragePoolGetName(pool),
                                            info.available))) {
            vd_result_say(res, "upload: %s (nothing was created)", problem);
            goto cleanup;
        }
        if (!(xml = vd_volume_xml(&spec, &xerr))) {
            vd_result_say(res, "upload: %s", xerr);
            goto cleanup;
        }
        if (!(t->vol = virStorageVolCreateXML(pool, xml, 0))) {
            char *err = vd_err_take("failed");
            vd_result_say(res, "upload: creating volume %s: %s", name, err);
            free(err);
            goto cleanup;
        }
        t->created = true;
        changed = true;
        if (!(t->pool = strdup(virStoragePoolGetName(pool)))) {
            vd_result_say(res, "upload: out of memory");
            transfer_undo(j);
            goto cleanup;
        }
    }
    j->p.total = (unsigned long long)st.st_size;
    if (asprintf(&j->p.what, "upload %s to %s/%s", local,
                 virStoragePoolGetName(pool), name) < 0)
        j->p.what = NULL;
    vd_result_say(res, "%s: started (%.1f MiB)", j->p.what ? j->p.what : "upload",
              (double)st.st_size / 1048576.0);
    if (vd_job_start(j, res) < 0) {
        transfer_undo(j);
        vd_result_say(res, "upload: could not start a thread");
        goto cleanup;
    }
    j = NULL;

 cleanup:
    vd_job_discard(j);
    free(problem);
    free(xml);
    if (pool)
        virStoragePoolFree(pool);
    virResetLastError();
    return vd_cmd_said(res, changed);
}

/* VD_CMD_VOL_DOWNLOAD: str = args2(volume, local file). The local file
 * must not exist yet: nothing of the user's is overwritten. */
int
vd_ns_vol_download(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                   vd_result *res)
{
    virStoragePoolPtr pool = NULL;
    virStorageVolInfo info;
    const char *name, *local;
    vd_job *j = NULL;
    transfer *t;

    if (!cmd->str || !*cmd->str || !*vd_cmd_arg2(cmd->str)) {
        vd_result_say(res, "download: a volume name and a local file are needed");
        return vd_cmd_said(res, false);
    }
    name = cmd->str;
    local = vd_cmd_arg2(cmd->str);
    if (!(j = new_job(conn, local, false, res)))
        return vd_cmd_said(res, false);
    t = j->priv;
    if (!(pool = virStoragePoolLookupByUUIDString(conn, cmd->uuid))) {
        say_err(res, "download");
        goto cleanup;
    }
    if (!(t->vol = virStorageVolLookupByName(pool, name))) {
        virResetLastError();
        vd_result_say(res, "download: pool %s has no volume '%s'",
                  virStoragePoolGetName(pool), name);
        goto cleanup;
    }
    if ((t->fd = open(local, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) < 0) {
        vd_result_say(res, "download: cannot create %s: %s", local,
                  errno == EEXIST ? "it exists already (not overwritten)"
                                  : strerror(errno));
        goto cleanup;
    }
    t->created = true;
    if (virStorageVolGetInfoFlags(t->vol, &info, VIR_STORAGE_VOL_GET_PHYSICAL) == 0)
        j->p.total = info.allocation;
    else if (virStorageVolGetInfo(t->vol, &info) == 0)
        j->p.total = info.capacity;
    virResetLastError();
    if (asprintf(&j->p.what, "download %s/%s to %s",
                 virStoragePoolGetName(pool), name, local) < 0)
        j->p.what = NULL;
    vd_result_say(res, "%s: started", j->p.what ? j->p.what : "download");
    if (vd_job_start(j, res) < 0) {
        transfer_undo(j);
        vd_result_say(res, "download: could not start a thread");
        goto cleanup;
    }
    j = NULL;

 cleanup:
    vd_job_discard(j);
    if (pool)
        virStoragePoolFree(pool);
    virResetLastError();
    return vd_cmd_said(res, false);
}
