/*
 * gen_man.c: the build's man page generator. `vd-gen-man NAME TEMPLATE
 * OUTPUT` writes the man page of command NAME ("virtdeck" or a
 * subcommand) from its option table and the hand-written prose of
 * TEMPLATE (docs/man/PAGE.1.in; cli_opts.h, vd_cli_man(), says how the
 * two are merged). `vd-gen-man --list` prints the commands that have a
 * table, one a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_args.h"

/* Read the whole file at path; caller frees. NULL on error. */
static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf = NULL;
    size_t len = 0, cap = 0, n;

    if (!f)
        return NULL;
    do {
        if (len + 4096 + 1 > cap) {
            char *p = realloc(buf, cap = len + 65536);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
    } while (n > 0);
    fclose(f);
    buf[len] = '\0';
    return buf;
}

int
main(int argc, char **argv)
{
    const vd_subcommand *sub;
    const vd_cli_cmd *cmd = NULL;
    char *tmpl;
    FILE *out;
    int ret;

    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        printf("virtdeck\n");
        for (sub = vd_subcommands; sub->name; sub++) {
            if (sub->cmd)
                printf("%s\n", sub->name);
        }
        return 0;
    }
    if (argc != 4) {
        fprintf(stderr, "usage: %s NAME TEMPLATE OUTPUT | --list\n", argv[0]);
        return 2;
    }
    if (strcmp(argv[1], "virtdeck") == 0)
        cmd = &vd_cli_main_cmd;
    for (sub = vd_subcommands; !cmd && sub->name; sub++) {
        if (strcmp(sub->name, argv[1]) == 0)
            cmd = sub->cmd;
    }
    if (!cmd) {
        fprintf(stderr, "%s: no option table for '%s' (docs/HACKING.md, "
                "\"Add a subcommand\")\n", argv[0], argv[1]);
        return 1;
    }
    if (!(tmpl = slurp(argv[2]))) {
        perror(argv[2]);
        return 1;
    }
    if (!(out = fopen(argv[3], "w"))) {
        perror(argv[3]);
        free(tmpl);
        return 1;
    }
    ret = vd_cli_man(cmd, tmpl, VD_VERSION, out);
    if (ret < 0)
        fprintf(stderr, "%s: %s lacks @NAME@, @SYNOPSIS@ or @OPTIONS@\n",
                argv[0], argv[2]);
    if (fclose(out) != 0)
        ret = -1;
    free(tmpl);
    if (ret < 0)
        remove(argv[3]);
    return ret < 0 ? 1 : 0;
}
