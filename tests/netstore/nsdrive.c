/*
 * nsdrive.c: a small driver for the live tests of networks and storage:
 * it runs one worker command through a real vd_host (the same path the
 * TUI takes) and prints what the UI would get.
 *
 *   nsdrive URI COMMAND [options]
 *     --net NAME | --pool NAME   target (looked up in the host's snapshot)
 *     --str S | --str2 A B       string argument(s) (--file F: S from a file)
 *     --num N  --flags N
 *     --cancel-after BYTES       send VD_CMD_JOB_CANCEL once a job's
 *                                progress passes BYTES
 *     --concurrent               while a job runs, send POOL_DETAILS on
 *                                the same host and print whether its
 *                                answer came before the job ended
 *   COMMAND is the vd_cmd kind without VD_CMD_: NET_DEFINE, VOL_UPLOAD...
 *   nsdrive - XML_NET|XML_POOL|XML_VOL KEY=VALUE...   print the XML the
 *     builders make (keys: name mode bridge dev ip prefix start end ipv6
 *     domain | name type target host dir devices | name capacity
 *     allocation format backing)
 * Prints "progress DONE TOTAL RATE" lines for jobs, the details of
 * NET_DETAILS / POOL_DETAILS / VOL_LIST, then "ok: MESSAGE" (exit 0)
 * or "error: MESSAGE" (exit 1).
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/bus.h"
#include "virtdeck/domspec.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "virtdeck/job.h"
#include "virtdeck/netstore.h"

static const struct { const char *name; vd_cmd_kind kind; } kinds[] = {
    { "NET_DETAILS", VD_CMD_NET_DETAILS }, { "NET_START", VD_CMD_NET_START },
    { "NET_STOP", VD_CMD_NET_STOP }, { "NET_AUTOSTART", VD_CMD_NET_AUTOSTART },
    { "NET_UNDEFINE", VD_CMD_NET_UNDEFINE }, { "NET_DEFINE", VD_CMD_NET_DEFINE },
    { "POOL_DETAILS", VD_CMD_POOL_DETAILS }, { "POOL_START", VD_CMD_POOL_START },
    { "POOL_STOP", VD_CMD_POOL_STOP }, { "POOL_REFRESH", VD_CMD_POOL_REFRESH },
    { "POOL_AUTOSTART", VD_CMD_POOL_AUTOSTART }, { "POOL_BUILD", VD_CMD_POOL_BUILD },
    { "POOL_DELETE", VD_CMD_POOL_DELETE }, { "POOL_UNDEFINE", VD_CMD_POOL_UNDEFINE },
    { "POOL_DEFINE", VD_CMD_POOL_DEFINE }, { "VOL_LIST", VD_CMD_VOL_LIST },
    { "VOL_CREATE", VD_CMD_VOL_CREATE }, { "VOL_DELETE", VD_CMD_VOL_DELETE },
    { "VOL_WIPE", VD_CMD_VOL_WIPE }, { "VOL_RESIZE", VD_CMD_VOL_RESIZE },
    { "VOL_CLONE", VD_CMD_VOL_CLONE }, { "VOL_UPLOAD", VD_CMD_VOL_UPLOAD },
    { "VOL_DOWNLOAD", VD_CMD_VOL_DOWNLOAD },
};

/* Read a whole file. */
static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;

    if (!f)
        return NULL;
    if (getdelim(&buf, &len, '\0', f) < 0) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

/* Print a payload. */
static void
show(const vd_result *res)
{
    size_t i, j;

    if (!res->data)
        return;
    if (res->kind == VD_CMD_NET_DETAILS) {
        const vd_network_details *d = res->data;
        printf("name %s\nactive %d\nautostart %d\npersistent %d\nbridge %s\nforward %s\n",
               d->name, d->active, d->autostart, d->persistent,
               d->bridge ? d->bridge : "-", d->forward_mode ? d->forward_mode : "none");
        for (i = 0; i < d->nips; i++) {
            printf("ip %s %s/%u dhcp %s-%s\n", d->ips[i].family, d->ips[i].address,
                   d->ips[i].prefix, d->ips[i].dhcp_start ? d->ips[i].dhcp_start : "-",
                   d->ips[i].dhcp_end ? d->ips[i].dhcp_end : "-");
            for (j = 0; j < d->ips[i].nhosts; j++)
                printf("host %s %s\n", d->ips[i].hosts[j].mac, d->ips[i].hosts[j].ip);
        }
        for (i = 0; i < d->nleases; i++)
            printf("lease %s %s/%u\n", d->leases[i].mac, d->leases[i].ip,
                   d->leases[i].prefix);
        for (i = 0; i < d->nattached; i++)
            printf("attached %s %s %s\n", d->attached[i].domain, d->attached[i].mac,
                   d->attached[i].running ? "running" : "off");
    } else if (res->kind == VD_CMD_POOL_DETAILS) {
        const vd_pool_details *d = res->data;
        printf("name %s\ntype %s\ntarget %s\ncapacity %llu\navailable %llu\n",
               d->name, d->type, d->target ? d->target : "-", d->capacity,
               d->available);
    } else if (res->kind == VD_CMD_VOL_LIST) {
        const vd_volume_list *l = res->data;
        for (i = 0; i < l->nvols; i++)
            printf("vol %s %s %llu %llu %s %s\n", l->vols[i].name,
                   l->vols[i].format ? l->vols[i].format : "-",
                   l->vols[i].capacity, l->vols[i].allocation,
                   l->vols[i].path ? l->vols[i].path : "-",
                   l->vols[i].used_by ? l->vols[i].used_by : "-");
    }
}

/* The value of KEY=VALUE among argv[from..], or NULL. */
static char *
kv(int argc, char **argv, int from, const char *key)
{
    size_t n = strlen(key);
    int a;

    for (a = from; a < argc; a++)
        if (strncmp(argv[a], key, n) == 0 && argv[a][n] == '=')
            return argv[a] + n + 1;
    return NULL;
}

/* nsdrive - XML_*: print a builder's XML. */
static int
build_xml(int argc, char **argv)
{
    static const char *const modes[] = { "nat", "route", "isolated", "open",
                                         "bridge", "direct" };
    const char *err = "unknown builder", *v;
    char *xml = NULL;
    int i;

    if (strcmp(argv[2], "XML_NET") == 0) {
        vd_network_spec n = { .name = kv(argc, argv, 3, "name"),
                              .bridge = kv(argc, argv, 3, "bridge"),
                              .dev = kv(argc, argv, 3, "dev"),
                              .ipv4 = kv(argc, argv, 3, "ip"),
                              .dhcp_start = kv(argc, argv, 3, "start"),
                              .dhcp_end = kv(argc, argv, 3, "end"),
                              .ipv6 = kv(argc, argv, 3, "ipv6"),
                              .domain = kv(argc, argv, 3, "domain") };
        v = kv(argc, argv, 3, "prefix");
        n.prefix = v ? (unsigned int)atoi(v) : 24;
        v = kv(argc, argv, 3, "mode");
        for (i = 0; v && i < 6; i++)
            if (strcmp(modes[i], v) == 0)
                n.mode = (vd_net_mode)i;
        xml = vd_network_xml(&n, &err);
    } else if (strcmp(argv[2], "XML_POOL") == 0) {
        vd_pool_spec p = { .name = kv(argc, argv, 3, "name"),
                           .target = kv(argc, argv, 3, "target"),
                           .host = kv(argc, argv, 3, "host"),
                           .source_dir = kv(argc, argv, 3, "dir"),
                           .devices = kv(argc, argv, 3, "devices") };
        int t = vd_pool_type_parse(kv(argc, argv, 3, "type"));
        p.type = t < 0 ? VD_POOLTYPE_DIR : (vd_pool_type)t;
        xml = vd_pool_xml(&p, &err);
    } else if (strcmp(argv[2], "XML_VOL") == 0) {
        vd_volume_spec vs = { .name = kv(argc, argv, 3, "name"),
                              .backing = kv(argc, argv, 3, "backing") };
        int f;
        v = kv(argc, argv, 3, "capacity");
        vs.capacity = v ? strtoull(v, NULL, 0) : 0;
        v = kv(argc, argv, 3, "allocation");
        vs.allocation = v ? strtoull(v, NULL, 0) : 0;
        f = vd_disk_format_parse(kv(argc, argv, 3, "format"));
        vs.format = f < 0 ? VD_FMT_UNSET : (vd_disk_format)f;
        if (vs.backing)
            vs.backing_format = VD_FMT_QCOW2;
        xml = vd_volume_xml(&vs, &err);
    }
    if (!xml) {
        fprintf(stderr, "nsdrive: %s\n", err);
        return 1;
    }
    fputs(xml, stdout);
    free(xml);
    return 0;
}

int
main(int argc, char **argv)
{
    vd_host_opts opts = { .tick_ms = 60000 };
    vd_cmd cmd = { .kind = VD_CMD_LAST };
    const char *err, *net = NULL, *pool = NULL;
    unsigned long long id, cancel_after = 0;
    bool cancel_sent = false, concurrent = false, job_over = false;
    unsigned long long other = 0;
    vd_snapshot *snap;
    vd_bus *bus;
    vd_host *host;
    long long deadline;
    size_t i;
    int a, rc = 1;

    if (argc < 3) {
        fprintf(stderr, "usage: nsdrive URI COMMAND [options]\n");
        return 2;
    }
    if (strncmp(argv[2], "XML_", 4) == 0)
        return build_xml(argc, argv);
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strcmp(kinds[i].name, argv[2]) == 0)
            cmd.kind = kinds[i].kind;
    if (cmd.kind == VD_CMD_LAST) {
        fprintf(stderr, "nsdrive: unknown command %s\n", argv[2]);
        return 2;
    }
    for (a = 3; a < argc; a++) {
        if (strcmp(argv[a], "--net") == 0 && a + 1 < argc)
            net = argv[++a];
        else if (strcmp(argv[a], "--pool") == 0 && a + 1 < argc)
            pool = argv[++a];
        else if (strcmp(argv[a], "--str") == 0 && a + 1 < argc)
            cmd.str = strdup(argv[++a]);
        else if (strcmp(argv[a], "--file") == 0 && a + 1 < argc)
            cmd.str = slurp(argv[++a]);
        else if (strcmp(argv[a], "--str2") == 0 && a + 2 < argc) {
            cmd.str = vd_cmd_args2(argv[a + 1], argv[a + 2]);
            a += 2;
        } else if (strcmp(argv[a], "--num") == 0 && a + 1 < argc)
            cmd.num = strtoll(argv[++a], NULL, 0);
        else if (strcmp(argv[a], "--flags") == 0 && a + 1 < argc)
            cmd.flags = (unsigned int)strtoul(argv[++a], NULL, 0);
        else if (strcmp(argv[a], "--concurrent") == 0)
            concurrent = true;
        else if (strcmp(argv[a], "--cancel-after") == 0 && a + 1 < argc)
            cancel_after = strtoull(argv[++a], NULL, 0);
        else {
            fprintf(stderr, "nsdrive: bad option %s\n", argv[a]);
            return 2;
        }
    }
    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "nsdrive: %s\n", err);
        return 2;
    }
    opts.uri = argv[1];
    bus = vd_bus_new();
    host = vd_host_new(&opts, 1, bus);
    deadline = vd_now_ms() + 20000;
    for (;;) {
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
        snap = vd_host_snapshot(host);
        /* past the first picture: the networks and pools are read */
        if (snap->conn == VD_CONN_CONNECTED && !snap->partial)
            break;
        vd_snapshot_unref(snap);
        if (vd_now_ms() > deadline) {
            printf("error: could not connect\n");
            goto out;
        }
        poll(&p, 1, 100);
        vd_bus_clear(bus);
    }
    for (i = 0; net && i < snap->nnetworks; i++)
        if (strcmp(snap->networks[i].name, net) == 0)
            memcpy(cmd.uuid, snap->networks[i].uuid, VD_UUID_LEN);
    for (i = 0; pool && i < snap->npools; i++)
        if (strcmp(snap->pools[i].name, pool) == 0)
            memcpy(cmd.uuid, snap->pools[i].uuid, VD_UUID_LEN);
    vd_snapshot_unref(snap);
    if ((net || pool) && !cmd.uuid[0]) {
        printf("error: no such %s %s\n", net ? "network" : "pool", net ? net : pool);
        goto out;
    }
    id = vd_host_submit(host, &cmd);
    deadline = vd_now_ms() + 600000;
    for (;;) {
        vd_result *res;
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };

        while ((res = vd_bus_pop(bus))) {
            bool last = res->id == id;

            if (other && res->id == other) {
                printf("concurrent answer %s the job ended: %s\n",
                       job_over ? "after" : "before", res->message ? res->message : "");
                other = 0;
            }
            if (res->id == id && vd_result_is_progress(res)) {
                const vd_progress *pr = res->data;
                printf("progress %llu %llu %.0f %s\n", pr->done, pr->total,
                       pr->rate, vd_job_state_name(pr->state));
                fflush(stdout);
                last = pr->state != VD_JOB_RUNNING;
                job_over = last;
                if (!last && concurrent) {
                    vd_cmd c = { .kind = VD_CMD_POOL_DETAILS };
                    memcpy(c.uuid, cmd.uuid, VD_UUID_LEN);
                    other = vd_host_submit(host, &c);
                    concurrent = false;
                }
                if (!last && cancel_after && !cancel_sent && pr->done >= cancel_after) {
                    vd_cmd c = { .kind = VD_CMD_JOB_CANCEL, .num = (long long)id };
                    vd_host_submit(host, &c);
                    cancel_sent = true;
                }
                /* a refused start carries no progress: handled below */
            }
            if (res->id == id && last) {
                show(res);
                printf("%s: %s\n", res->ok ? "ok" : "error",
                       res->message ? res->message : "");
                rc = res->ok ? 0 : 1;
                vd_result_free(res);
                goto out;
            }
            vd_result_free(res);
        }
        if (vd_now_ms() > deadline) {
            printf("error: no answer\n");
            goto out;
        }
        poll(&p, 1, 200);
        vd_bus_clear(bus);
    }

 out:
    vd_host_free(host, 5000);
    vd_jobs_shutdown(10000);
    vd_bus_free(bus);
    vd_core_shutdown();
    return rc;
}
