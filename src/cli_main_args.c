/*
 * cli_main_args.c: the screen's command line, `virtdeck [OPTION]...`:
 * its option table and its parser (cli_args.h).
 */
#include <stdbool.h>
#include <stddef.h>

#include "cli_args.h"
#include "console/picture.h"

enum { OPT_ASCII = 256, OPT_NO_MOUSE, OPT_MEM_PERIOD, OPT_PICTURE };

/* The themes virtdeck ships, for --help (completion lists what it finds). */
#define THEMES "default, mono, light, high-contrast"

static const vd_cli_opt main_opts[] = {
    { .name = "connect", .key = 'c', .arg = "URI", .values = "@hosts",
      .help = "connect to URI (repeat for several hosts), e.g.\n"
              "qemu:///system, qemu+ssh://root@host/system,\n"
              "qemu+tcp://host/system, test:///default" },
    { .name = "readonly", .key = 'r',
      .help = "open read-only connections; write actions are refused" },
    { .name = "delay", .key = 'd', .arg = "SECONDS",
      .help = "refresh period (default 2, 0.5 to 3600)" },
    { .name = "mem-period", .key = OPT_MEM_PERIOD, .arg = "SECONDS",
      .help = "set the balloon stats period of running guests\n"
              "that report no memory use, so it is shown (0: leave)" },
    { .name = "theme", .key = 't', .arg = "NAME", .values = "@themes",
      .help = "colour theme: " THEMES ",\n"
              "or a path to a .theme file" },
    { .name = "ascii", .key = OPT_ASCII,
      .help = "draw with ASCII only, even in a UTF-8 locale" },
    { .name = "no-mouse", .key = OPT_NO_MOUSE,
      .help = "do not take mouse clicks" },
    { .name = "picture", .key = OPT_PICTURE, .arg = "MODE",
      .values = "auto sixel kitty blocks symbols ascii",
      .help = "the console's picture: auto (default: kitty or sixel\n"
              "where the terminal announces them, else half blocks),\n"
              "sixel, kitty, blocks (half blocks), symbols (libchafa),\n"
              "ascii; sixel and kitty are refused inside tmux/screen" },
    { .name = "help", .key = 'h', .help = "show this help and exit" },
    { .name = "version", .key = 'V', .help = "show the version and exit" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_main_cmd = {
    .name = "virtdeck",
    .summary = "full-screen terminal manager for libvirt virtual machines",
    .synopsis = "virtdeck [OPTION]...\n"
                "virtdeck COMMAND [OPTION]...",
    .description = "A full-screen terminal manager for libvirt virtual machines.",
    .epilog = "Without -c, virtdeck connects to the hosts of hosts.conf, else\n"
              "$LIBVIRT_DEFAULT_URI, or qemu:///system.\n"
              "Inside, press ? for every key. See virtdeck(1).",
    .opts = main_opts,
};

/* Take one of the screen's options into the vd_main_args ctx. */
static int
main_take(void *ctx, int key, const char *arg)
{
    vd_main_args *a = ctx;

    switch (key) {
    case 'c':
        if (a->nuris == VD_CLI_MAX_HOSTS)
            return vd_cli_errf(a->err, sizeof(a->err),
                               "at most %d connections", VD_CLI_MAX_HOSTS);
        if (!*arg)
            return vd_cli_errf(a->err, sizeof(a->err), "--connect needs a URI");
        a->uris[a->nuris++] = arg;
        break;
    case 'r':
        a->readonly = true;
        break;
    case 'd':
        if (vd_cli_take_delay(arg, &a->tick_ms, a->err, sizeof(a->err)) < 0)
            return VD_CLI_REFUSED;
        break;
    case 't':
        a->theme = arg;
        break;
    case OPT_ASCII:
        a->ascii = true;
        break;
    case OPT_NO_MOUSE:
        a->no_mouse = true;
        break;
    case OPT_PICTURE:
        if ((a->picture = (int)vd_picture_mode_parse(arg)) == VD_PIC_LAST)
            return vd_cli_errf(a->err, sizeof(a->err), "--picture: '%s' is not "
                               "one of auto, sixel, kitty, blocks, symbols, ascii", arg);
        break;
    case OPT_MEM_PERIOD:
        if (vd_cli_take_mem_period(arg, &a->mem_period, a->err, sizeof(a->err)) < 0)
            return VD_CLI_REFUSED;
        break;
    }
    return VD_CLI_RUN;
}

/* Parse the screen's options. */
vd_cli_status
vd_main_args_parse(vd_main_args *a, int argc, char **argv)
{
    return vd_cli_parse_options(&vd_cli_main_cmd, argc, argv, main_take, a,
                                a->err, sizeof(a->err));
}
