/*
 * editor.c: run the user's editor on a private temp file (editor.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/editor.h"
#include "ui/app/view.h"

extern char **environ;

struct vd_edit {
    char *path;
    char *text;
    bool changed;
};

/* Write all of buf to fd; false on error. */
static bool
write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, buf, len);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        buf += w;
        len -= (size_t)w;
    }
    return true;
}

/* Read a whole file; NULL with errno set on error. */
static char *
read_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    char *buf = NULL;
    size_t len = 0, cap = 0;

    if (fd < 0)
        return NULL;
    for (;;) {
        ssize_t r;

        if (cap - len < 4096) {
            char *nb = realloc(buf, cap + 65536);

            if (!nb) {
                free(buf);
                close(fd);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap += 65536;
        }
        r = read(fd, buf + len, cap - len - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int saved = errno;

            free(buf);
            close(fd);
            errno = saved;
            return NULL;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = '\0';
    return buf;
}

/* A new temp file holding text. */
vd_edit *
vd_edit_new(const char *text, const char *suffix, char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    vd_edit *e = calloc(1, sizeof(*e));
    int fd = -1;

    if (!suffix)
        suffix = "";
    if (!dir || !*dir)
        dir = "/tmp";
    if (!e || asprintf(&e->path, "%s/virtdeck-XXXXXX%s", dir, suffix) < 0 ||
        !(e->text = strdup(text ? text : ""))) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    if ((fd = mkstemps(e->path, (int)strlen(suffix))) < 0) {
        snprintf(err, errlen, "cannot create a temporary file in %s: %s", dir,
                 strerror(errno));
        free(e->path);
        e->path = NULL;
        goto fail;
    }
    if (fchmod(fd, 0600) < 0 || !write_all(fd, e->text, strlen(e->text)) ||
        close(fd) < 0) {
        snprintf(err, errlen, "cannot write %s: %s", e->path, strerror(errno));
        fd = -1;
        unlink(e->path);
        goto fail;
    }
    return e;

 fail:
    if (fd >= 0)
        close(fd);
    if (e) {
        free(e->path);
        free(e->text);
        free(e);
    }
    return NULL;
}

/* Split the editor command at blanks into argv (with room for the path
 * and the NULL); returns the word count, 0 when out of memory. */
static size_t
split_command(char *cmd, char **argv, size_t max)
{
    size_t n = 0;
    char *save = NULL;

    for (char *w = strtok_r(cmd, " \t", &save); w && n + 2 < max;
         w = strtok_r(NULL, " \t", &save))
        argv[n++] = w;
    return n;
}

/* Run the editor. */
int
vd_edit_run(vd_app *app, vd_edit *e, char *err, size_t errlen)
{
    const char *env = getenv("VISUAL");
    char *cmd = NULL, *argv[32], *text;
    struct sigaction ign, old_int, old_quit;
    posix_spawnattr_t attr;
    sigset_t def;
    pid_t pid;
    int status = 0, rc;
    size_t n;

    if (!env || !*env)
        env = getenv("EDITOR");
    if (!env || !*env)
        env = "vi";
    if (!(cmd = strdup(env)) || (n = split_command(cmd, argv, 32)) == 0) {
        snprintf(err, errlen, "no editor to run (set EDITOR)");
        free(cmd);
        return -1;
    }
    argv[n++] = e->path;
    argv[n] = NULL;

    def_prog_mode();
    endwin();
    /* The editor gets ^C; virtdeck ignores it until the editor ends. */
    memset(&ign, 0, sizeof(ign));
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &old_int);
    sigaction(SIGQUIT, &ign, &old_quit);
    posix_spawnattr_init(&attr);
    sigemptyset(&def);
    sigaddset(&def, SIGINT);
    sigaddset(&def, SIGQUIT);
    sigaddset(&def, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &def);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    rc = posix_spawnp(&pid, argv[0], NULL, &attr, argv, environ);
    posix_spawnattr_destroy(&attr);
    if (rc == 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
    app->dirty = true;

    if (rc != 0) {
        snprintf(err, errlen, "cannot run the editor '%s': %s (set EDITOR)",
                 argv[0], strerror(rc));
        free(cmd);
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(err, errlen, "the editor '%s' failed (%s %d); your text is in %s",
                 argv[0], WIFEXITED(status) ? "exit status" : "signal",
                 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status),
                 e->path);
        free(cmd);
        return -1;
    }
    free(cmd);
    if (!(text = read_file(e->path))) {
        snprintf(err, errlen, "cannot read %s back: %s", e->path, strerror(errno));
        return -1;
    }
    e->changed = strcmp(text, e->text) != 0;
    free(e->text);
    e->text = text;
    return 0;
}

const char *vd_edit_text(const vd_edit *e) { return e->text; }
bool vd_edit_changed(const vd_edit *e) { return e->changed; }
const char *vd_edit_path(const vd_edit *e) { return e->path; }

/* Free e. */
void
vd_edit_free(vd_edit *e, bool keep)
{
    if (!e)
        return;
    if (e->path && !keep)
        unlink(e->path);
    free(e->path);
    free(e->text);
    free(e);
}

/* ---- the "edit again?" dialog ---- */

typedef struct retry_data {
    vd_edit *edit;
    char *problem;
    vd_edit_fn again;
    void *ctx;
} retry_data;

/* Draw the problem and the choices. */
static void
retry_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    retry_data *d = v->data;
    vd_rect box;
    int w = area->w - 8 > 76 ? 76 : area->w - 8;
    int y;
    char buf[600];

    (void)app;
    box.h = 11;
    box.w = w + 4;
    box.y = area->y + (area->h - box.h) / 2;
    box.x = area->x + (area->w - box.w) / 2;
    vd_draw_clear(&box, vd_role_attr(VD_ROLE_HELP_TEXT));
    vd_draw_box(&box, vd_role_attr(VD_ROLE_BORDER_FOCUS));
    vd_draw_text_center(box.y, box.x + 1, box.w - 2, " Your edit was refused ",
                        vd_role_attr(VD_ROLE_HELP_TITLE));
    {
        vd_rect r = { box.y + 1, box.x + 2, 4, w };

        y = vd_draw_wrap(&r, r.y, d->problem, vd_role_attr(VD_ROLE_STATUS_ERROR));
    }
    y = box.y + 6;
    vd_draw_text(y++, box.x + 2, w, "e  edit again (from your text)",
                 vd_role_attr(VD_ROLE_HELP_TEXT));
    snprintf(buf, sizeof(buf), "k  keep your text in %s and stop",
             vd_edit_path(d->edit));
    vd_draw_text(y++, box.x + 2, w, buf, vd_role_attr(VD_ROLE_HELP_TEXT));
    vd_draw_text(y++, box.x + 2, w, "d  discard your edit",
                 vd_role_attr(VD_ROLE_HELP_TEXT));
}

/* e, k/Esc, d. */
static bool
retry_key(vd_app *app, vd_view *v, int key)
{
    retry_data *d = v->data;
    vd_edit *e = d->edit;
    vd_edit_fn again = d->again;
    void *ctx = d->ctx;
    char err[512];

    if (key == 'e' || key == 'E') {
        d->edit = NULL;
        vd_view_close(app, v);
        if (vd_edit_run(app, e, err, sizeof(err)) < 0) {
            vd_edit_retry(app, e, err, again, ctx);
            return true;
        }
        again(app, e, ctx);
        return true;
    }
    if (key == 'd' || key == 'D') {
        d->edit = NULL;
        vd_view_close(app, v);
        vd_edit_free(e, false);
        vd_app_message(app, VD_MSG_INFO, "Your edit was discarded");
        return true;
    }
    if (key == 'k' || key == 'K' || key == 27) {
        vd_view_close(app, v);      /* close keeps the file */
        return true;
    }
    return true;
}

/* Closing without a choice keeps the file and says where. */
static void
retry_close(vd_app *app, vd_view *v)
{
    retry_data *d = v->data;

    if (d->edit) {
        vd_app_message(app, VD_MSG_INFO, "Your edit is kept in %s",
                       vd_edit_path(d->edit));
        vd_edit_free(d->edit, true);
    }
    free(d->problem);
    free(d);
}

static const vd_view_ops retry_ops = {
    .name = "edit-retry",
    .draw = retry_draw,
    .key = retry_key,
    .close = retry_close,
    .flags = VD_VIEW_OVERLAY | VD_VIEW_NO_HELP,
};

void
vd_edit_retry(vd_app *app, vd_edit *e, const char *problem, vd_edit_fn again,
              void *ctx)
{
    retry_data *d = calloc(1, sizeof(*d));

    if (!d || !(d->problem = strdup(problem ? problem : "refused"))) {
        free(d);
        vd_app_message(app, VD_MSG_ERROR, "Your edit is kept in %s",
                       vd_edit_path(e));
        vd_edit_free(e, true);
        return;
    }
    d->edit = e;
    d->again = again;
    d->ctx = ctx;
    vd_view_push(app, &retry_ops, d, "edit refused");
}
