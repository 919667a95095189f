/*
 * quit.c: leaving with long jobs running. q and F10 ask first when a
 * job (upload, download, volume or domain clone, migration, create...)
 * is still running, naming each and what quitting does to it; SIGTERM
 * and SIGHUP leave without asking. Either way the jobs are then
 * cancelled and cleaned up by the core (vd_jobs_shutdown) within a
 * bounded time after the terminal has been restored.
 */
#include <stdio.h>
#include <string.h>

#include "ui/app/quit.h"
#include "ui/views/netstore_ui.h"
#include "ui/widgets/dialog.h"

#define MAX_LISTED 8

/* What quitting does to a job of this kind. Static. */
static const char *
quit_effect(vd_cmd_kind kind)
{
    const char *verb = vd_cmd_describe(kind)->verb;

    if (!verb)
        return "cancelled; what it made is removed";
    if (strstr(verb, "migrat") || strstr(verb, "evacuat"))
        return "aborted; the guest stays on its source";
    if (strstr(verb, "download"))
        return "cancelled; the partial local file is deleted";
    if (strstr(verb, "upload") || strstr(verb, "clone") ||
        strstr(verb, "create"))
        return "cancelled; what it made so far is deleted";
    return "cancelled; what it made is removed";
}

/* The y/N answer. */
static void
on_answer(vd_app *app, bool yes, void *ctx)
{
    (void)ctx;
    if (yes)
        app->quit = true;
    else
        vd_app_message(app, VD_MSG_INFO, "Not quitting: the jobs go on");
}

/* q / F10; see quit.h. */
void
vd_app_quit_request(vd_app *app)
{
    const vd_progress *running[MAX_LISTED];
    size_t n = vd_ui_jobs_running(running, MAX_LISTED), i;
    char text[2048];
    size_t used = 0;

    if (n == 0) {
        app->quit = true;
        return;
    }
    used += (size_t)snprintf(text, sizeof(text), "%zu job%s still running. "
                             "Quitting now:\n", n, n == 1 ? " is" : "s are");
    for (i = 0; i < n && i < MAX_LISTED && used < sizeof(text); i++)
        used += (size_t)snprintf(text + used, sizeof(text) - used,
                                 "\n - %s: %s", running[i]->what ?
                                 running[i]->what : "a job",
                                 quit_effect(running[i]->kind));
    if (n > MAX_LISTED && used < sizeof(text))
        used += (size_t)snprintf(text + used, sizeof(text) - used,
                                 "\n   and %zu more", n - MAX_LISTED);
    if (used < sizeof(text))
        snprintf(text + used, sizeof(text) - used,
                 "\n\nQuit and cancel %s? [y/N]", n == 1 ? "it" : "them");
    vd_dialog_confirm(app, "Quit with jobs running?", text, on_answer, NULL);
}
