/*
 * cli_complete.c: `virtdeck --complete WORD...`, the hidden helper the
 * bash and zsh completion scripts (data/completion/) call. The words
 * are the command line after "virtdeck" up to the cursor, the last
 * being the word under it (maybe empty). It prints the candidates that
 * start with that word, one a line, all taken from the option tables
 * (cli_args.h): subcommands, options, and an option's values (a fixed
 * list, hosts.conf's URIs, the themes found, libosinfo's short ids).
 * "@file" alone asks the shell to complete a file name.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/hostsconf.h"
#include "virtdeck/osinfo.h"
#include "ui/theme/theme.h"
#include "cli.h"
#include "cli_args.h"

/* Print word when it starts with prefix. */
static void
offer(const char *word, const char *prefix)
{
    if (strncmp(word, prefix, strlen(prefix)) == 0)
        printf("%s\n", word);
}

/* Theme names, for vd_theme_list(). */
static void
offer_theme(const char *name, void *prefix)
{
    offer(name, prefix);
}

/* The values of option o that start with cur. */
static void
offer_values(const vd_cli_opt *o, const char *cur)
{
    const char *v = o->values;

    if (!v)
        return;
    if (strcmp(v, "@file") == 0) {
        printf("@file\n");
    } else if (strcmp(v, "@themes") == 0) {
        vd_theme_list(offer_theme, (void *)cur);
    } else if (strcmp(v, "@hosts") == 0) {
        vd_hosts_conf conf = { 0 };
        char *path = vd_hosts_conf_path();
        size_t i;

        /* the hosts read, even when some lines were not */
        if (path)
            vd_hosts_conf_load(&conf, path);
        for (i = 0; i < conf.nhosts; i++)
            offer(conf.hosts[i].uri, cur);
        vd_hosts_conf_clear(&conf);
        free(path);
    } else if (strcmp(v, "@osinfo") == 0) {
        vd_os_variant *vars = NULL;
        char *err = NULL;
        vd_osdb *db = vd_osdb_open(&err);
        int n, i;

        n = db ? vd_osdb_search(db, "", 0, &vars) : -1;
        for (i = 0; i < n; i++) {
            if (vars[i].short_id)
                offer(vars[i].short_id, cur);
        }
        if (n > 0)
            vd_os_variants_free(vars, (size_t)n);
        offer("generic", cur);
        vd_osdb_free(db);
        free(err);
    } else {
        while (*v) {
            size_t len = strcspn(v, " ");
            if (strncmp(v, cur, strlen(cur)) == 0 && len >= strlen(cur))
                printf("%.*s\n", (int)len, v);
            v += len;
            while (*v == ' ')
                v++;
        }
    }
}

/* The option of cmd that word names ("--name", "-x"), or NULL. */
static const vd_cli_opt *
word_option(const vd_cli_cmd *cmd, const char *word)
{
    if (strncmp(word, "--", 2) == 0 && word[2])
        return strchr(word, '=') ? NULL : vd_cli_find(cmd, word + 2, 0);
    if (word[0] == '-' && word[1] && !word[2])
        return vd_cli_find(cmd, NULL, (unsigned char)word[1]);
    return NULL;
}

/* `virtdeck --complete WORD...`: see the top of this file. */
int
vd_cli_complete(int nwords, char **words)
{
    const vd_cli_cmd *cmd = &vd_cli_main_cmd;
    const vd_subcommand *sub;
    const vd_cli_opt *o;
    const char *cur = nwords > 0 ? words[nwords - 1] : "";
    int first = 0;

    if (nwords > 1) {
        for (sub = vd_subcommands; sub->name; sub++) {
            if (strcmp(sub->name, words[0]) == 0) {
                if (!sub->cmd)
                    return 0;   /* not converted to a table yet */
                cmd = sub->cmd;
                first = 1;
            }
        }
    }
    /* the value of the option before the cursor */
    if (nwords >= 2 && nwords - 2 >= first &&
        (o = word_option(cmd, words[nwords - 2])) && o->arg) {
        offer_values(o, cur);
        return 0;
    }
    if (cur[0] == '-') {
        for (o = cmd->opts; o->name; o++) {
            const char *const *alias;
            char buf[128];

            snprintf(buf, sizeof(buf), "--%s", o->name);
            offer(buf, cur);
            for (alias = o->aliases; alias && *alias; alias++) {
                snprintf(buf, sizeof(buf), "--%s", *alias);
                offer(buf, cur);
            }
        }
        return 0;
    }
    if (nwords == 1) {
        for (sub = vd_subcommands; sub->name; sub++)
            offer(sub->name, cur);
    }
    return 0;
}
