/*
 * test_journal.c: the journal's JSON line writer (escaping, redaction,
 * reading back), the --since parser, and rotation with two processes
 * appending to one small journal at the same time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "virtdeck/command.h"
#include "virtdeck/journal.h"
#include "core/journal_priv.h"

/* An action entry with awkward text in every field. */
static void
test_format_escapes(void **state)
{
    vd_journal_entry e = { .kind = VD_JOURNAL_ACTION, .duration_ms = 1500,
                           .ok = 0, .time_ms = 1764800000123LL, .pid = 42 };
    vd_journal_entry back;
    char *line;

    (void)state;
    e.host = strdup("h\"ost\\1");
    e.type = strdup("domain");
    e.object = strdup("vm\nwith\tcontrol\x01 and ünïcode ✓");
    e.what = strdup("start");
    e.message = strdup("libvirt said: \"no\"\r\n");
    e.user = strdup("root");
    e.via = strdup("tui");
    e.arg_keys[0] = strdup("path");
    e.arg_vals[0] = strdup("/var/lib/x y/\"z\".iso");
    e.nargs = 1;
    line = vd_journal_format(&e);
    assert_non_null(line);
    /* one line: the only newline is the last character */
    assert_ptr_equal(strchr(line, '\n'), line + strlen(line) - 1);
    assert_null(strchr(line, '\r'));
    assert_null(strchr(line, '\t'));
    assert_null(strchr(line, '\x01'));
    assert_non_null(strstr(line, "\"host\":\"h\\\"ost\\\\1\""));
    assert_non_null(strstr(line, "\"object\":\"vm\\nwith\\tcontrol\\u0001 and "));
    assert_non_null(strstr(line, "\"time\":\"2025-12-03T22:13:20.123Z\""));
    assert_non_null(strstr(line, "\"result\":\"failed\""));
    assert_non_null(strstr(line, "\"duration_ms\":1500"));
    assert_non_null(strstr(line, "\"path\":\"/var/lib/x y/\\\"z\\\".iso\""));
    /* and back */
    assert_int_equal(vd_journal_parse(line, &back), 0);
    assert_int_equal(back.kind, VD_JOURNAL_ACTION);
    assert_true(back.time_ms == 1764800000123LL);
    assert_string_equal(back.host, e.host);
    assert_string_equal(back.object, e.object);
    assert_string_equal(back.message, e.message);
    assert_string_equal(back.what, "start");
    assert_int_equal(back.ok, 0);
    assert_true(back.duration_ms == 1500);
    assert_int_equal(back.nargs, 1);
    assert_string_equal(back.arg_vals[0], e.arg_vals[0]);
    assert_int_equal(back.pid, 42);
    vd_journal_entry_clear(&back);
    vd_journal_entry_clear(&e);
    free(line);
}

/* Events keep their name under "event" and have no result. */
static void
test_format_event(void **state)
{
    vd_journal_entry e = { .kind = VD_JOURNAL_EVENT, .duration_ms = -1,
                           .ok = -1, .time_ms = 1000 };
    vd_journal_entry back;
    char *line;

    (void)state;
    e.what = strdup("lifecycle");
    e.detail = strdup("stopped: destroyed");
    line = vd_journal_format(&e);
    assert_non_null(line);
    assert_non_null(strstr(line, "\"kind\":\"event\""));
    assert_non_null(strstr(line, "\"event\":\"lifecycle\",\"detail\":\"stopped: destroyed\""));
    assert_null(strstr(line, "\"result\""));
    assert_null(strstr(line, "duration_ms"));
    assert_int_equal(vd_journal_parse(line, &back), 0);
    assert_int_equal(back.kind, VD_JOURNAL_EVENT);
    assert_string_equal(back.what, "lifecycle");
    assert_int_equal(back.ok, -1);
    vd_journal_entry_clear(&back);
    vd_journal_entry_clear(&e);
    free(line);
}

/* Secrets by argument name and inside free text. */
static void
test_redaction(void **state)
{
    vd_journal_entry *e = vd_journal_action_new("h", NULL, "domain", "vm",
                                                NULL, "create");
    char *line;

    (void)state;
    assert_true(vd_journal_secret_name("password"));
    assert_true(vd_journal_secret_name("graphics_password"));
    assert_true(vd_journal_secret_name("root-passwd"));
    assert_true(vd_journal_secret_name("SSH_KEY"));
    assert_true(vd_journal_secret_name("secret_uuid"));
    assert_false(vd_journal_secret_name("vcpus"));
    assert_false(vd_journal_secret_name("path"));
    vd_journal_arg(e, "graphics_password", "hunter22");
    vd_journal_arg(e, "vcpus", "2");
    vd_journal_arg(e, "opts", "listen=127.0.0.1,passwd='hunter33',x=1");
    e->message = strdup("failed: <graphics type='vnc' passwd='hunter44'/> "
                        "and \"password\": \"hunter55\" and secret=hunter66;");
    e->detail = strdup("token: hunter77");
    e->ok = 0;
    line = vd_journal_format(e);
    assert_non_null(line);
    for (int i = 22; i <= 77; i += 11) {
        char pw[16];
        snprintf(pw, sizeof(pw), "hunter%d", i);
        if (strstr(line, pw))
            fail_msg("%s is in the line: %s", pw, line);
    }
    assert_non_null(strstr(line, "\"graphics_password\":\"(redacted)\""));
    assert_non_null(strstr(line, "\"vcpus\":\"2\""));
    assert_non_null(strstr(line, "listen=127.0.0.1,passwd='(redacted)',x=1"));
    assert_non_null(strstr(line, "passwd='(redacted)'/>"));
    free(line);
    vd_journal_entry_clear(e);
    free(e);
}

/* An attach command's typed disk is recorded key by key, its path
 * whole (a comma in it splits nothing). */
static void
test_device_args(void **state)
{
    vd_disk_spec disk = { .kind = VD_DISK_PATH, .path = "/srv/a,b=c.img",
                          .bus = VD_BUS_SCSI };
    vd_net_spec nic = { .kind = VD_NET_BRIDGE, .source = "br0",
                        .model = VD_NIC_E1000E };
    vd_cmd cmd = { .kind = VD_CMD_DOM_ATTACH_DISK, .disk = &disk, .str = "sdb" };
    vd_journal_entry *e;
    char *line;

    (void)state;
    e = vd_journal_cmd_entry(NULL, "h", NULL, &cmd);
    assert_non_null(e);
    line = vd_journal_format(e);
    assert_non_null(line);
    assert_non_null(strstr(line, "\"source\":\"/srv/a,b=c.img\""));
    assert_non_null(strstr(line, "\"bus\":\"scsi\""));
    assert_non_null(strstr(line, "\"target\":\"sdb\""));
    assert_null(strstr(line, "\"b\":"));
    free(line);
    vd_journal_entry_clear(e);
    free(e);

    cmd = (vd_cmd){ .kind = VD_CMD_DOM_ATTACH_NIC, .nic = &nic };
    e = vd_journal_cmd_entry(NULL, "h", NULL, &cmd);
    assert_non_null(e);
    line = vd_journal_format(e);
    assert_non_null(line);
    assert_non_null(strstr(line, "\"bridge\":\"br0\""));
    assert_non_null(strstr(line, "\"model\":\"e1000e\""));
    free(line);
    vd_journal_entry_clear(e);
    free(e);
}

/* A define's XML names its object (the root element is its type, its
 * <name> child its name, entities read) and is recorded only by size. */
static void
test_xml_names_object(void **state)
{
    static const char xml[] =
        "  <network><bridge name='virbr9'/>"
        "<name>lab&amp;1</name><name>second</name></network>";
    vd_cmd cmd = { .kind = VD_CMD_NET_DEFINE, .str = (char *)xml };
    vd_journal_entry *e;
    char *line, want[64];

    (void)state;
    e = vd_journal_cmd_entry(NULL, "h", NULL, &cmd);
    assert_non_null(e);
    assert_string_equal(e->type, "network");
    assert_string_equal(e->object, "lab&1");
    line = vd_journal_format(e);
    assert_non_null(line);
    snprintf(want, sizeof(want), "%zu bytes, not recorded", strlen(xml));
    assert_non_null(strstr(line, want));
    assert_null(strstr(line, "second"));
    free(line);
    vd_journal_entry_clear(e);
    free(e);

    cmd.str = (char *)"<domain><name";      /* not XML: no name */
    e = vd_journal_cmd_entry(NULL, "h", NULL, &cmd);
    assert_non_null(e);
    assert_null(e->object);
    vd_journal_entry_clear(e);
    free(e);
}

/* Lines that are not journal entries are refused. */
static void
test_parse_refuses(void **state)
{
    vd_journal_entry e;

    (void)state;
    assert_int_equal(vd_journal_parse("", &e), -1);
    assert_int_equal(vd_journal_parse("not json", &e), -1);
    assert_int_equal(vd_journal_parse("[1,2]", &e), -1);
    assert_int_equal(vd_journal_parse("{\"kind\":\"action\"}", &e), -1);
    assert_int_equal(vd_journal_parse("{\"ts\":5}", &e), -1);
    assert_int_equal(vd_journal_parse("{\"ts\":5,\"kind\":\"note\",\"message\":\"x\"", &e), -1);
    assert_int_equal(vd_journal_parse("{\"ts\":5,\"kind\":\"note\",\"message\":\"x\"}", &e), 0);
    assert_int_equal(e.kind, VD_JOURNAL_NOTE);
    vd_journal_entry_clear(&e);
}

/* --since: spans back from now and ISO times. */
static void
test_since(void **state)
{
    long long now = 1764800000000LL, ms;
    struct tm tm = { .tm_year = 2026 - 1900, .tm_mon = 11, .tm_mday = 4,
                     .tm_isdst = -1 };

    (void)state;
    assert_int_equal(vd_journal_parse_since("30m", now, &ms), 0);
    assert_true(ms == now - 30 * 60000LL);
    assert_int_equal(vd_journal_parse_since("1h", now, &ms), 0);
    assert_true(ms == now - 3600000LL);
    assert_int_equal(vd_journal_parse_since("2d", now, &ms), 0);
    assert_true(ms == now - 2 * 86400000LL);
    assert_int_equal(vd_journal_parse_since("90s", now, &ms), 0);
    assert_true(ms == now - 90000LL);
    assert_int_equal(vd_journal_parse_since("1w", now, &ms), 0);
    assert_true(ms == now - 7 * 86400000LL);
    assert_int_equal(vd_journal_parse_since("0m", now, &ms), 0);
    assert_true(ms == now);
    assert_int_equal(vd_journal_parse_since("2026-12-04T05:10:00Z", now, &ms), 0);
    assert_true(ms == 1796361000000LL);
    assert_int_equal(vd_journal_parse_since("2026-12-04T05:10:00.250Z", now, &ms), 0);
    assert_true(ms == 1796361000250LL);
    assert_int_equal(vd_journal_parse_since("2026-12-04T06:10:00+01:00", now, &ms), 0);
    assert_true(ms == 1796361000000LL);
    assert_int_equal(vd_journal_parse_since("2026-12-04T04:40-0030", now, &ms), 0);
    assert_true(ms == 1796361000000LL);
    assert_int_equal(vd_journal_parse_since("2026-12-04 05:10Z", now, &ms), 0);
    assert_true(ms == 1796361000000LL);
    /* without a zone: local time */
    assert_int_equal(vd_journal_parse_since("2026-12-04", now, &ms), 0);
    assert_true(ms == (long long)mktime(&tm) * 1000);
    /* refused */
    assert_int_equal(vd_journal_parse_since("", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("yesterday", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("5x", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("1h30m", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("-1h", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("h", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("2026-13-01", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("2026-12-04T25:00", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("2026-12-04T05:10:00Q", now, &ms), -1);
    assert_int_equal(vd_journal_parse_since("2026-12-04T05:10:00+25:00", now, &ms), -1);
}

/* Sizes for VIRTDECK_JOURNAL_MAX. */
static void
test_sizes(void **state)
{
    unsigned long long b;

    (void)state;
    assert_int_equal(vd_journal_parse_size("4096", &b), 0);
    assert_true(b == 4096);
    assert_int_equal(vd_journal_parse_size("64K", &b), 0);
    assert_true(b == 65536);
    assert_int_equal(vd_journal_parse_size("10M", &b), 0);
    assert_true(b == 10485760);
    assert_int_equal(vd_journal_parse_size("1GiB", &b), 0);
    assert_true(b == 1073741824ULL);
    assert_int_equal(vd_journal_parse_size("", &b), -1);
    assert_int_equal(vd_journal_parse_size("ten", &b), -1);
    assert_int_equal(vd_journal_parse_size("5T", &b), -1);
    assert_int_equal(vd_journal_parse_size("-5", &b), -1);
}

#define PER_PROC 1500

/* One writer process: PER_PROC numbered notes, then exit. */
static void
writer(const char *tag)
{
    const char *err = NULL;

    if (vd_journal_init("test", &err) < 0)
        _exit(3);
    for (int i = 0; i < PER_PROC; i++) {
        vd_journal_entry e = { .kind = VD_JOURNAL_NOTE, .duration_ms = -1,
                               .ok = -1 };
        char msg[64];

        snprintf(msg, sizeof(msg), "%s %d", tag, i);
        e.message = strdup(msg);
        vd_journal_record(&e);
    }
    vd_journal_shutdown(30000);
    _exit(vd_journal_take_error() ? 4 : 0);
}

typedef struct {
    unsigned char seen[2][PER_PROC];
    int total, dup;
} count_ctx;

/* Count each note once. */
static void
count_note(const vd_journal_entry *e, void *opaque)
{
    count_ctx *c = opaque;
    char tag[8];
    int i;

    if (!e->message || sscanf(e->message, "%7s %d", tag, &i) != 2 ||
        i < 0 || i >= PER_PROC || (tag[0] != 'A' && tag[0] != 'B'))
        return;
    if (c->seen[tag[0] - 'A'][i]++)
        c->dup++;
    c->total++;
}

/* Two processes append to a journal capped at 4 KiB: it rotates many
 * times and no line is lost or doubled; no file passes the cap by more
 * than a line. */
static void
test_rotation_two_writers(void **state)
{
    char dir[] = "/tmp/vdtest-journal-XXXXXX", path[256], name[300];
    pid_t a, b;
    int st, files = 0;
    count_ctx *c = calloc(1, sizeof(*c));
    vd_journal_tail *t;
    struct stat sb;

    (void)state;
    assert_non_null(c);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/j/journal.jsonl", dir);
    setenv("VIRTDECK_JOURNAL", path, 1);
    setenv("VIRTDECK_JOURNAL_MAX", "4K", 1);
    setenv("VIRTDECK_JOURNAL_KEEP", "1000", 1);
    if ((a = fork()) == 0)
        writer("A");
    if ((b = fork()) == 0)
        writer("B");
    assert_true(a > 0 && b > 0);
    assert_int_equal(waitpid(a, &st, 0), a);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    assert_int_equal(waitpid(b, &st, 0), b);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);

    for (int i = 1; i <= 1000; i++) {
        snprintf(name, sizeof(name), "%s.%d", path, i);
        if (stat(name, &sb) < 0)
            break;
        files++;
        if (sb.st_size > 4096 + 512)
            fail_msg("%s has %lld bytes, over the cap", name, (long long)sb.st_size);
    }
    if (files < 20)
        fail_msg("only %d rotations for %d lines", files, 2 * PER_PROC);
    t = vd_journal_tail_new(path, true);
    assert_non_null(t);
    assert_int_equal(vd_journal_tail_read(t, count_note, c), 2 * PER_PROC);
    vd_journal_tail_free(t);
    assert_int_equal(c->dup, 0);
    assert_int_equal(c->total, 2 * PER_PROC);
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < PER_PROC; i++)
            if (c->seen[p][i] != 1)
                fail_msg("note %c %d seen %d times", 'A' + p, i, c->seen[p][i]);
    free(c);
    /* clean up */
    for (int i = 1; i <= files; i++) {
        snprintf(name, sizeof(name), "%s.%d", path, i);
        unlink(name);
    }
    unlink(path);
    snprintf(name, sizeof(name), "%s.lock", path);
    unlink(name);
    snprintf(name, sizeof(name), "%s/j", dir);
    rmdir(name);
    rmdir(dir);
}

/* A reader following the file sees every line across rotations. */
static void
test_tail_follows_rotation(void **state)
{
    char dir[] = "/tmp/vdtest-journal-XXXXXX", path[256], name[300];
    const char *err = NULL;
    count_ctx *c = calloc(1, sizeof(*c));
    vd_journal_tail *t;
    int got = 0;

    (void)state;
    assert_non_null(c);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/journal.jsonl", dir);
    setenv("VIRTDECK_JOURNAL", path, 1);
    setenv("VIRTDECK_JOURNAL_MAX", "2K", 1);
    setenv("VIRTDECK_JOURNAL_KEEP", "1000", 1);
    assert_int_equal(vd_journal_init("test", &err), 0);
    t = vd_journal_tail_new(path, true);
    assert_non_null(t);
    for (int i = 0; i < 200; i++) {
        vd_journal_entry e = { .kind = VD_JOURNAL_NOTE, .duration_ms = -1, .ok = -1 };
        char msg[32];

        snprintf(msg, sizeof(msg), "A %d", i);
        e.message = strdup(msg);
        vd_journal_record(&e);
        if (i % 37 == 0) {      /* read now and then, while it rotates
                                 * several times in between */
            usleep(2000);
            got += vd_journal_tail_read(t, count_note, c);
        }
    }
    vd_journal_shutdown(10000);
    got += vd_journal_tail_read(t, count_note, c);
    vd_journal_tail_free(t);
    /* 37 lines are two rotations at 2 KiB: the reader finds the files
     * it missed */
    assert_int_equal(c->dup, 0);
    assert_int_equal(got, 200);
    free(c);
    for (int i = 1; i <= 1000; i++) {
        snprintf(name, sizeof(name), "%s.%d", path, i);
        if (unlink(name) < 0)
            break;
    }
    unlink(path);
    snprintf(name, sizeof(name), "%s.lock", path);
    unlink(name);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_escapes),
        cmocka_unit_test(test_format_event),
        cmocka_unit_test(test_redaction),
        cmocka_unit_test(test_device_args),
        cmocka_unit_test(test_xml_names_object),
        cmocka_unit_test(test_parse_refuses),
        cmocka_unit_test(test_since),
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_rotation_two_writers),
        cmocka_unit_test(test_tail_follows_rotation),
    };

    setenv("TZ", "Europe/Paris", 1);
    tzset();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
