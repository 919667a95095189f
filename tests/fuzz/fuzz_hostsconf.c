/*
 * fuzz_hostsconf.c: the hosts list parser (hosts.conf, a file the user
 * edits). Beyond not crashing, saving what was read and reading it back
 * must give the same hosts, and saving that again the same text: a save
 * never loses or changes a host or a line the user wrote.
 */
#include <stdbool.h>

#include "virtdeck/hostsconf.h"
#include "fuzz.h"

/* a and b equal, where a \r or \n in a may have become a space in b. */
static bool
same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    for (; *a && *b; a++, b++) {
        if (*a != *b && !((*a == '\r' || *a == '\n') && *b == ' '))
            return false;
    }
    return *a == *b;
}

/* One input: see the comment at the top of this file. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vd_hosts_conf conf = { 0 }, again = { 0 };
    char *text = vd_fuzz_cstr(data, size);
    char *saved = NULL, *saved2 = NULL;
    size_t i;

    if (!text)
        return 0;
    if (vd_hosts_conf_parse(&conf, text, "hosts.conf") < 0)
        goto cleanup;
    if (!(saved = vd_hosts_conf_format(&conf)))
        goto cleanup;
    /* what virtdeck writes, it reads back without a complaint */
    VD_FUZZ_ASSERT(vd_hosts_conf_parse(&again, saved, "saved") == 0);
    VD_FUZZ_ASSERT(again.nhosts == conf.nhosts);
    for (i = 0; i < conf.nhosts; i++) {
        VD_FUZZ_ASSERT(strcmp(again.hosts[i].uri, conf.hosts[i].uri) == 0);
        VD_FUZZ_ASSERT(same_text(conf.hosts[i].label, again.hosts[i].label));
        VD_FUZZ_ASSERT(again.hosts[i].autoconnect == conf.hosts[i].autoconnect);
        VD_FUZZ_ASSERT(same_text(conf.hosts[i].note, again.hosts[i].note));
    }
    /* and writes it again unchanged: comments do not pile up */
    if (!(saved2 = vd_hosts_conf_format(&again)))
        goto cleanup;
    VD_FUZZ_ASSERT(strcmp(saved, saved2) == 0);

 cleanup:
    vd_hosts_conf_clear(&conf);
    vd_hosts_conf_clear(&again);
    free(saved);
    free(saved2);
    free(text);
    return 0;
}
