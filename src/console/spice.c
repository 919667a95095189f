/*
 * spice.c: the SPICE console (see spice.h).
 *
 * spice-gtk 0.42 attaches every source of its coroutines to GLib's
 * global default main context (a way to name another context,
 * spice_util_set_main_context(), came later), and in virtdeck that
 * context is iterated by libvirt's event-loop thread (libvirt 9's
 * default event implementation is GLib's default context, run by the
 * core's event thread). So the session and its channels live on that
 * thread: everything the UI asks for is queued under s->cf.lock and
 * carried over by an idle source attached to the default context; the
 * callbacks there publish frames and states under the same lock.
 * Channels other than main, display and inputs are never connected.
 * GLib and spice-gtk log lines are kept (the last warning becomes part
 * of a failure message), never printed: the terminal belongs to curses.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <glib-unix.h>
#include <spice-client.h>

#include "console/console_frame.h"
#include "console/spice.h"
#include "console/spice_module.h"
#include "core/module.h"
#include "console/xt_keys.h"

#define MAX_QUEUE 4096
#define LINGER_MS 300
#define STOP_MS 1000
#define MAX_FDS 16

enum { EV_KEY, EV_POINTER, EV_REFRESH, EV_FD, EV_ANSWER };

typedef struct spice_event {
    int kind;
    int a;                      /* scancode, x, fd */
    int b;                      /* down, y */
    int c;                      /* buttons */
} spice_event;

struct vd_spice {
    vd_cframe cf;               /* lock, cond, state, frame: console_frame.h */
    int first_fd;               /* the main channel's socket until used */

    /* shared, under lock */
    bool stop;
    bool scheduled;             /* an idle source will drain the queue */
    bool done;                  /* the session is gone: s may be freed */
    spice_event *queue;
    size_t nqueue;
    char *password;             /* the answer (wiped when used) */
    bool answered;
    bool fd_tls[MAX_FDS];       /* requests not handed out yet */
    int nrequests;
    char *fd_why;               /* why the UI could not get a socket */
    bool absolute;              /* client mouse mode */

    /* event-loop thread only */
    SpiceSession *session;
    GPtrArray *channels;        /* every channel with our handlers */
    SpiceMainChannel *main;
    SpiceInputsChannel *inputs;
    bool inputs_ready;          /* the inputs channel is open: until then
                                 * keys and pointer events wait in the
                                 * queue (spice-gtk drops them) */
    SpiceChannel *waiting[MAX_FDS];     /* channels waiting for a socket, oldest first */
    int nwaiting;
    bool gave_password;
    const uint8_t *surface;     /* the primary surface (the channel's memory) */
    int sformat, swidth, sheight, sstride;
    int px, py, pbuttons;       /* last pointer position and buttons sent */
    bool ended;
    bool flushing;              /* the stop has begun */
};

static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static __thread char last_log[256];

/* GLib's and spice-gtk's log: keep the last warning of the thread. */
static void
glib_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
    (void)domain;
    (void)data;
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
        snprintf(last_log, sizeof(last_log), "%s", message ? message : "");
}

/* Install the log handlers once per process. */
static void
install_log(void)
{
    static const char *domains[] = { "GSpice", "GLib", "GLib-GObject", "GLib-GIO",
                                     "GLib-Net" };
    size_t i;

    for (i = 0; i < sizeof(domains) / sizeof(domains[0]); i++)
        g_log_set_handler(domains[i], G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
                          G_LOG_FLAG_RECURSION, glib_log, NULL);
}

/* The session ended: set the final state once. */
static void
end(vd_spice *s, vd_vnc_state state, const char *msg)
{
    if (s->ended)
        return;
    s->ended = true;
    vd_cframe_set_state(&s->cf, state, msg);
}

/* Copy a rectangle of the primary surface into the shared frame, as
 * RGBX (lock held). */
static void
copy_rect(vd_spice *s, int x, int y, int w, int h)
{
    int r, c;

    if (!s->surface || !s->cf.frame || s->cf.fw != s->swidth || s->cf.fh != s->sheight)
        return;
    if (x < 0) {
        w += x;
        x = 0;
    }
    if (y < 0) {
        h += y;
        y = 0;
    }
    if (x + w > s->swidth)
        w = s->swidth - x;
    if (y + h > s->sheight)
        h = s->sheight - y;
    for (r = y; r < y + h; r++) {
        const uint8_t *src = s->surface + (size_t)r * s->sstride;
        uint8_t *dst = s->cf.frame + ((size_t)r * s->cf.fw + x) * 4;

        for (c = x; c < x + w; c++, dst += 4) {
            if (s->sformat == SPICE_SURFACE_FMT_16_565 ||
                s->sformat == SPICE_SURFACE_FMT_16_555) {
                unsigned int v = src[2 * c] | (unsigned int)src[2 * c + 1] << 8;
                bool six = s->sformat == SPICE_SURFACE_FMT_16_565;
                unsigned int rr = (v >> (six ? 11 : 10)) & 31;
                unsigned int gg = six ? (v >> 5) & 63 : (v >> 5) & 31;
                unsigned int bb = v & 31;

                dst[0] = (uint8_t)(rr << 3 | rr >> 2);
                dst[1] = six ? (uint8_t)(gg << 2 | gg >> 4) : (uint8_t)(gg << 3 | gg >> 2);
                dst[2] = (uint8_t)(bb << 3 | bb >> 2);
            } else {            /* 32-bit xRGB / ARGB: B, G, R, X in memory */
                dst[0] = src[4 * c + 2];
                dst[1] = src[4 * c + 1];
                dst[2] = src[4 * c];
            }
            dst[3] = 0;
        }
    }
}

/* The display channel made (or remade) its primary surface. */
static void
on_primary_create(SpiceChannel *channel, gint format, gint width, gint height,
                  gint stride, gint shmid, gpointer imgdata, gpointer data)
{
    vd_spice *s = data;
    uint8_t *frame;
    char msg[96];

    (void)channel;
    (void)shmid;
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384 ||
        (format != SPICE_SURFACE_FMT_32_xRGB && format != SPICE_SURFACE_FMT_32_ARGB &&
         format != SPICE_SURFACE_FMT_16_565 && format != SPICE_SURFACE_FMT_16_555))
        return;
    if (!(frame = calloc((size_t)width * height, 4)))
        return;
    pthread_mutex_lock(&s->cf.lock);
    free(s->cf.frame);
    s->cf.frame = frame;
    s->cf.fw = width;
    s->cf.fh = height;
    s->surface = imgdata;
    s->sformat = format;
    s->swidth = width;
    s->sheight = height;
    s->sstride = stride;
    copy_rect(s, 0, 0, width, height);
    s->cf.seq++;
    snprintf(msg, sizeof(msg), "connected (SPICE), %dx%d", width, height);
    vd_cframe_set_state_locked(&s->cf, VD_VNC_CONNECTED, msg);
    pthread_mutex_unlock(&s->cf.lock);
    vd_cframe_notify(&s->cf);
}

/* The primary surface is going away. */
static void
on_primary_destroy(SpiceChannel *channel, gpointer data)
{
    vd_spice *s = data;

    (void)channel;
    pthread_mutex_lock(&s->cf.lock);
    s->surface = NULL;
    pthread_mutex_unlock(&s->cf.lock);
}

/* A region of the primary surface changed. */
static void
on_invalidate(SpiceChannel *channel, gint x, gint y, gint w, gint h, gpointer data)
{
    vd_spice *s = data;

    (void)channel;
    if (w <= 0 || h <= 0)
        return;
    pthread_mutex_lock(&s->cf.lock);
    copy_rect(s, x, y, w, h);
    s->cf.seq++;
    pthread_cond_broadcast(&s->cf.cond);
    pthread_mutex_unlock(&s->cf.lock);
    vd_cframe_notify(&s->cf);
}

/* A channel wants a socket: remember it and tell the UI. */
static void
on_open_fd(SpiceChannel *channel, gint with_tls, gpointer data)
{
    vd_spice *s = data;
    int fd;

    pthread_mutex_lock(&s->cf.lock);
    fd = s->first_fd;
    s->first_fd = -1;
    pthread_mutex_unlock(&s->cf.lock);
    if (fd >= 0 && !with_tls) {
        spice_channel_open_fd(channel, fd);
        return;
    }
    if (fd >= 0)
        close(fd);
    if (s->nwaiting >= MAX_FDS) {
        spice_channel_disconnect(channel, SPICE_CHANNEL_ERROR_CONNECT);
        return;
    }
    s->waiting[s->nwaiting++] = g_object_ref(channel);
    pthread_mutex_lock(&s->cf.lock);
    s->fd_tls[s->nrequests++] = with_tls != 0;
    pthread_cond_broadcast(&s->cf.cond);
    pthread_mutex_unlock(&s->cf.lock);
    vd_cframe_notify(&s->cf);
}

/* A plain message for a channel's failure. */
static void
failure(vd_spice *s, SpiceChannel *channel, const char *what, char *msg, size_t size)
{
    const GError *err = spice_channel_get_error(channel);
    char *why = NULL;

    pthread_mutex_lock(&s->cf.lock);
    if (s->fd_why)
        why = strdup(s->fd_why);
    pthread_mutex_unlock(&s->cf.lock);
    if (why)
        snprintf(msg, size, "%s", why);
    else if (err && err->message)
        snprintf(msg, size, "%s: %s", what, err->message);
    else if (last_log[0])
        snprintf(msg, size, "%s: %s", what, last_log);
    else
        snprintf(msg, size, "%s", what);
    free(why);
}

static void start_session(vd_spice *s);

/* The main channel's connection events. */
static void
on_main_event(SpiceChannel *channel, SpiceChannelEvent event, gpointer data)
{
    vd_spice *s = data;
    char msg[320];

    switch (event) {
    case SPICE_CHANNEL_OPENED:
        vd_cframe_set_state(&s->cf, VD_VNC_CONNECTING, "connected (SPICE), waiting for the display");
        break;
    case SPICE_CHANNEL_ERROR_AUTH:
        if (s->gave_password) {
            end(s, VD_VNC_AUTH_FAILED, "wrong SPICE password");
        } else {
            pthread_mutex_lock(&s->cf.lock);
            s->answered = false;
            vd_cframe_set_state_locked(&s->cf, VD_VNC_NEED_PASSWORD, "the SPICE server asks for a password");
            pthread_mutex_unlock(&s->cf.lock);
            vd_cframe_notify(&s->cf);
        }
        break;
    case SPICE_CHANNEL_CLOSED:
        end(s, VD_VNC_CLOSED, "the SPICE connection closed");
        break;
    case SPICE_CHANNEL_ERROR_TLS:
        failure(s, channel, "SPICE TLS failed", msg, sizeof(msg));
        end(s, VD_VNC_CLOSED, msg);
        break;
    case SPICE_CHANNEL_ERROR_CONNECT:
    case SPICE_CHANNEL_ERROR_LINK:
    case SPICE_CHANNEL_ERROR_IO:
        failure(s, channel, event == SPICE_CHANNEL_ERROR_IO ? "the SPICE connection failed"
                : "the SPICE handshake failed", msg, sizeof(msg));
        end(s, VD_VNC_CLOSED, msg);
        break;
    default:
        break;
    }
}

/* The server switched between client and server mouse mode. */
static void
on_mouse_mode(GObject *obj, GParamSpec *pspec, gpointer data)
{
    vd_spice *s = data;
    int mode = 0;

    (void)pspec;
    g_object_get(obj, "mouse-mode", &mode, NULL);
    pthread_mutex_lock(&s->cf.lock);
    s->absolute = mode == SPICE_MOUSE_MODE_CLIENT;
    pthread_mutex_unlock(&s->cf.lock);
}

static void schedule_locked(vd_spice *s);

/* The inputs channel opened: what the user typed meanwhile goes now. */
static void
on_inputs_event(SpiceChannel *channel, SpiceChannelEvent event, gpointer data)
{
    vd_spice *s = data;

    if (channel != SPICE_CHANNEL(s->inputs))
        return;
    if (event == SPICE_CHANNEL_OPENED) {
        s->inputs_ready = true;
        pthread_mutex_lock(&s->cf.lock);
        schedule_locked(s);
        pthread_mutex_unlock(&s->cf.lock);
    } else if (event != SPICE_CHANNEL_NONE) {
        s->inputs_ready = false;
    }
}

/* A new channel: connect the ones the console uses. */
static void
on_channel_new(SpiceSession *session, SpiceChannel *channel, gpointer data)
{
    vd_spice *s = data;

    (void)session;
    g_ptr_array_add(s->channels, channel);
    g_signal_connect(channel, "open-fd", G_CALLBACK(on_open_fd), s);
    if (SPICE_IS_MAIN_CHANNEL(channel)) {
        s->main = SPICE_MAIN_CHANNEL(channel);
        g_signal_connect(channel, "channel-event", G_CALLBACK(on_main_event), s);
        g_signal_connect(channel, "notify::mouse-mode", G_CALLBACK(on_mouse_mode), s);
        return;
    }
    if (SPICE_IS_DISPLAY_CHANNEL(channel)) {
        int id = 0;

        g_object_get(channel, "channel-id", &id, NULL);
        if (id != 0)
            return;             /* the first display only */
        g_signal_connect(channel, "display-primary-create",
                         G_CALLBACK(on_primary_create), s);
        g_signal_connect(channel, "display-primary-destroy",
                         G_CALLBACK(on_primary_destroy), s);
        g_signal_connect(channel, "display-invalidate", G_CALLBACK(on_invalidate), s);
        spice_channel_connect(channel);
        return;
    }
    if (SPICE_IS_INPUTS_CHANNEL(channel)) {
        s->inputs = SPICE_INPUTS_CHANNEL(channel);
        s->inputs_ready = false;
        g_signal_connect(channel, "channel-event", G_CALLBACK(on_inputs_event), s);
        spice_channel_connect(channel);
    }
}

/* A channel is going away: forget our pointers to it. */
static void
on_channel_destroy(SpiceSession *session, SpiceChannel *channel, gpointer data)
{
    vd_spice *s = data;
    int i;

    (void)session;
    g_signal_handlers_disconnect_by_data(channel, s);
    g_ptr_array_remove(s->channels, channel);
    if (channel == SPICE_CHANNEL(s->main))
        s->main = NULL;
    if (channel == SPICE_CHANNEL(s->inputs)) {
        s->inputs = NULL;
    s->inputs_ready = false;
        s->inputs_ready = false;
    }
    for (i = 0; i < s->nwaiting; i++)
        if (s->waiting[i] == channel) {
            g_object_unref(channel);
            memmove(s->waiting + i, s->waiting + i + 1,
                    (size_t)(s->nwaiting - i - 1) * sizeof(s->waiting[0]));
            s->nwaiting--;
            break;
        }
    if (SPICE_IS_DISPLAY_CHANNEL(channel)) {
        pthread_mutex_lock(&s->cf.lock);
        s->surface = NULL;
        pthread_mutex_unlock(&s->cf.lock);
    }
}

/* Drop the session and its channels. */
static void
close_session(vd_spice *s)
{
    int i;

    if (!s->session)
        return;
    /* no callback of ours may run once the session is dropped */
    for (i = 0; i < (int)s->channels->len; i++)
        g_signal_handlers_disconnect_by_data(g_ptr_array_index(s->channels, i), s);
    g_ptr_array_set_size(s->channels, 0);
    g_signal_handlers_disconnect_by_data(s->session, s);
    spice_session_disconnect(s->session);
    for (i = 0; i < s->nwaiting; i++)
        g_object_unref(s->waiting[i]);
    s->nwaiting = 0;
    g_object_unref(s->session);
    s->session = NULL;
    s->main = NULL;
    s->inputs = NULL;
    pthread_mutex_lock(&s->cf.lock);
    s->surface = NULL;
    pthread_mutex_unlock(&s->cf.lock);
}

/* A new session: on the first socket when there is one, else every
 * channel asks the UI. */
static void
start_session(vd_spice *s)
{
    int fd;

    s->session = spice_session_new();
    g_object_set(s->session, "enable-audio", FALSE, "enable-usbredir", FALSE, NULL);
    pthread_mutex_lock(&s->cf.lock);
    if (s->password) {
        g_object_set(s->session, "password", s->password, NULL);
        explicit_bzero(s->password, strlen(s->password));
        free(s->password);
        s->password = NULL;
        s->gave_password = true;
    }
    fd = s->first_fd;
    s->first_fd = -1;
    pthread_mutex_unlock(&s->cf.lock);
    g_signal_connect(s->session, "channel-new", G_CALLBACK(on_channel_new), s);
    g_signal_connect(s->session, "channel-destroy", G_CALLBACK(on_channel_destroy), s);
    if (!spice_session_open_fd(s->session, fd))
        end(s, VD_VNC_CLOSED, "cannot start the SPICE session");
}

/* Send a pointer event: position or motion, then the button changes. */
static void
send_pointer(vd_spice *s, int x, int y, int buttons)
{
    static const struct {
        int bit, button;
    } map[] = {
        { VD_VNC_BUTTON_LEFT, SPICE_MOUSE_BUTTON_LEFT },
        { VD_VNC_BUTTON_MIDDLE, SPICE_MOUSE_BUTTON_MIDDLE },
        { VD_VNC_BUTTON_RIGHT, SPICE_MOUSE_BUTTON_RIGHT },
        { VD_VNC_WHEEL_UP, SPICE_MOUSE_BUTTON_UP },
        { VD_VNC_WHEEL_DOWN, SPICE_MOUSE_BUTTON_DOWN },
    };
    int held = s->pbuttons & 7, i;
    bool absolute;

    pthread_mutex_lock(&s->cf.lock);
    absolute = s->absolute;
    pthread_mutex_unlock(&s->cf.lock);
    if (absolute)
        spice_inputs_channel_position(s->inputs, x, y, 0, held);
    else if (x != s->px || y != s->py)
        spice_inputs_channel_motion(s->inputs, x - s->px, y - s->py, held);
    s->px = x;
    s->py = y;
    for (i = 0; i < 5; i++) {
        bool was = s->pbuttons & map[i].bit, is = buttons & map[i].bit;

        if (is && !was)
            spice_inputs_channel_button_press(s->inputs, map[i].button, buttons & 7);
        else if (was && !is)
            spice_inputs_channel_button_release(s->inputs, map[i].button, buttons & 7);
    }
    s->pbuttons = buttons;
}

/* Act on the queued UI events. */
static void
drain_events(vd_spice *s)
{
    spice_event *q;
    size_t n, i, nheld = 0;

    pthread_mutex_lock(&s->cf.lock);
    s->scheduled = false;
    q = s->queue;
    n = s->nqueue;
    s->queue = NULL;
    s->nqueue = 0;
    pthread_mutex_unlock(&s->cf.lock);
    for (i = 0; i < n; i++) {
        if ((q[i].kind == EV_KEY || q[i].kind == EV_POINTER) &&
            s->inputs && !s->inputs_ready) {
            q[nheld++] = q[i];  /* back to the queue, in order */
            continue;
        }
        switch (q[i].kind) {
        case EV_KEY:
            if (s->inputs && q[i].b)
                spice_inputs_channel_key_press(s->inputs, (guint)q[i].a);
            else if (s->inputs)
                spice_inputs_channel_key_release(s->inputs, (guint)q[i].a);
            break;
        case EV_POINTER:
            if (s->inputs)
                send_pointer(s, q[i].a, q[i].b, q[i].c);
            break;
        case EV_REFRESH:
            pthread_mutex_lock(&s->cf.lock);
            copy_rect(s, 0, 0, s->swidth, s->sheight);
            s->cf.seq++;
            pthread_cond_broadcast(&s->cf.cond);
            pthread_mutex_unlock(&s->cf.lock);
            vd_cframe_notify(&s->cf);
            break;
        case EV_FD:
            if (s->nwaiting == 0) {
                if (q[i].a >= 0)
                    close(q[i].a);
                break;
            }
            {
                SpiceChannel *ch = s->waiting[0];

                memmove(s->waiting, s->waiting + 1,
                        (size_t)(s->nwaiting - 1) * sizeof(s->waiting[0]));
                s->nwaiting--;
                if (q[i].a >= 0)
                    spice_channel_open_fd(ch, q[i].a);
                else
                    spice_channel_disconnect(ch, SPICE_CHANNEL_ERROR_CONNECT);
                g_object_unref(ch);
            }
            break;
        case EV_ANSWER:
            pthread_mutex_lock(&s->cf.lock);
            if (!s->password) {
                pthread_mutex_unlock(&s->cf.lock);
                end(s, VD_VNC_CLOSED, "cancelled: no password given");
                break;
            }
            vd_cframe_set_state_locked(&s->cf, VD_VNC_CONNECTING, "checking the password");
            pthread_mutex_unlock(&s->cf.lock);
            vd_cframe_notify(&s->cf);
            close_session(s);
            start_session(s);
            break;
        }
    }
    if (nheld) {
        /* before whatever the UI queued meanwhile */
        pthread_mutex_lock(&s->cf.lock);
        if (s->nqueue) {
            spice_event *all = realloc(q, (nheld + s->nqueue) * sizeof(*q));

            if (all) {
                memcpy(all + nheld, s->queue, s->nqueue * sizeof(*q));
                free(s->queue);
                s->queue = all;
                s->nqueue += nheld;
            } else {
                free(q);        /* out of memory: the held ones go */
            }
        } else {
            free(s->queue);
            s->queue = q;
            s->nqueue = nheld;
        }
        q = NULL;
        pthread_mutex_unlock(&s->cf.lock);
    }
    free(q);
}

/* The end: the session is gone, vd_spice_free() may go on. */
static void
finish(vd_spice *s)
{
    close_session(s);
    pthread_mutex_lock(&s->cf.lock);
    s->done = true;
    pthread_cond_broadcast(&s->cf.cond);
    pthread_mutex_unlock(&s->cf.lock);
}

/* The last flush: whichever of its end and the timeout comes first
 * closes; the other one only frees the token. */
typedef struct flush_token {
    vd_spice *s;                /* NULL once closed */
    int pending;                /* callbacks still to come */
} flush_token;

/* One of the two callbacks is through. */
static void
flush_step(flush_token *t)
{
    if (t->s) {
        finish(t->s);
        t->s = NULL;
    }
    if (--t->pending == 0)
        g_free(t);
}

/* The last input was flushed: close. */
static void
on_flushed(GObject *obj, GAsyncResult *res, gpointer data)
{
    spice_channel_flush_finish(SPICE_CHANNEL(obj), res, NULL);
    flush_step(data);
}

/* The flush did not end within LINGER_MS: close anyway. */
static gboolean
on_linger_timeout(gpointer data)
{
    flush_step(data);
    return G_SOURCE_REMOVE;
}

/* The idle source: carry the UI's requests over; start or stop. */
static gboolean
on_idle(gpointer data)
{
    vd_spice *s = data;
    bool stop;

    if (!s->channels) {         /* the first call: the session starts */
        s->channels = g_ptr_array_new();
        start_session(s);
    }
    drain_events(s);
    pthread_mutex_lock(&s->cf.lock);
    stop = s->stop;
    pthread_mutex_unlock(&s->cf.lock);
    if (stop && !s->done && !s->flushing) {
        /* keys typed right before leaving still go, and are flushed;
         * the flush's callback gets s: it stays alive until done */
        s->flushing = true;
        if (s->inputs && !s->ended) {
            flush_token *t = g_new0(flush_token, 1);

            t->s = s;
            t->pending = 2;
            spice_channel_flush_async(SPICE_CHANNEL(s->inputs), NULL, on_flushed, t);
            g_timeout_add(LINGER_MS, on_linger_timeout, t);
        } else {
            finish(s);
        }
    }
    return G_SOURCE_REMOVE;
}

/* Have the event-loop thread run on_idle() (lock held). */
static void
schedule_locked(vd_spice *s)
{
    GSource *src;

    if (s->scheduled)
        return;
    s->scheduled = true;
    src = g_idle_source_new();
    g_source_set_callback(src, on_idle, s, NULL);
    g_source_attach(src, NULL);             /* GLib's default context */
    g_source_unref(src);
}

/* Start the console. */
vd_spice *
vd_spice_start(int fd, void (*wake)(void *), void *opaque)
{
    vd_spice *s;

    pthread_once(&log_once, install_log);
    if (!(s = calloc(1, sizeof(*s)))) {
        close(fd);
        return NULL;
    }
    s->first_fd = fd;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    vd_cframe_init(&s->cf, "connecting (SPICE)", wake, opaque);
    pthread_mutex_lock(&s->cf.lock);
    schedule_locked(s);
    pthread_mutex_unlock(&s->cf.lock);
    return s;
}

/* Stop and free. */
void
vd_spice_free(vd_spice *s)
{
    struct timespec until;
    bool done;

    if (!s)
        return;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += STOP_MS / 1000 + 1;
    pthread_mutex_lock(&s->cf.lock);
    s->stop = true;
    schedule_locked(s);         /* or the pending one sees the stop */
    while (!s->done && pthread_cond_timedwait(&s->cf.cond, &s->cf.lock, &until) == 0)
        ;
    done = s->done;
    pthread_mutex_unlock(&s->cf.lock);
    if (!done)
        return;                 /* no event loop answered: leave it be */
    if (s->first_fd >= 0)
        close(s->first_fd);
    for (size_t i = 0; i < s->nqueue; i++)
        if (s->queue[i].kind == EV_FD && s->queue[i].a >= 0)
            close(s->queue[i].a);
    if (s->channels)
        g_ptr_array_free(s->channels, TRUE);
    vd_cframe_destroy(&s->cf);
    if (s->password) {
        explicit_bzero(s->password, strlen(s->password));
        free(s->password);
    }
    free(s->fd_why);
    free(s->queue);
    free(s);
}

/* The state and a copy of the message. */
vd_vnc_state
vd_spice_get_state(vd_spice *s, char **message)
{
    return vd_cframe_get_state(&s->cf, message);
}

/* Queue one event and wake the thread (lock not held). */
static void
enqueue(vd_spice *s, int kind, int a, int b, int c)
{
    spice_event *q;

    pthread_mutex_lock(&s->cf.lock);
    if ((s->nqueue < MAX_QUEUE || kind == EV_FD || kind == EV_ANSWER) &&
        (q = realloc(s->queue, (s->nqueue + 1) * sizeof(*q)))) {
        s->queue = q;
        q[s->nqueue].kind = kind;
        q[s->nqueue].a = a;
        q[s->nqueue].b = b;
        q[s->nqueue].c = c;
        s->nqueue++;
    } else if (kind == EV_FD && a >= 0) {
        close(a);
    }
    if (!s->stop)
        schedule_locked(s);
    pthread_mutex_unlock(&s->cf.lock);
}

/* Answer the password request. */
void
vd_spice_answer(vd_spice *s, const char *password)
{
    pthread_mutex_lock(&s->cf.lock);
    if (s->password) {
        explicit_bzero(s->password, strlen(s->password));
        free(s->password);
    }
    s->password = password ? strdup(password) : NULL;
    s->answered = true;
    pthread_mutex_unlock(&s->cf.lock);
    enqueue(s, EV_ANSWER, 0, 0, 0);
}

/* The next socket request not handed out yet. */
bool
vd_spice_next_fd_request(vd_spice *s, bool *tls)
{
    bool any;

    pthread_mutex_lock(&s->cf.lock);
    any = s->nrequests > 0;
    if (any) {
        *tls = s->fd_tls[0];
        memmove(s->fd_tls, s->fd_tls + 1, (size_t)(s->nrequests - 1) * sizeof(bool));
        s->nrequests--;
    }
    pthread_mutex_unlock(&s->cf.lock);
    return any;
}

/* A socket for the oldest waiting channel. */
void
vd_spice_give_fd(vd_spice *s, int fd, const char *why)
{
    if (fd >= 0)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (fd < 0 && why) {
        pthread_mutex_lock(&s->cf.lock);
        free(s->fd_why);
        s->fd_why = strdup(why);
        pthread_mutex_unlock(&s->cf.lock);
    }
    enqueue(s, EV_FD, fd, 0, 0);
}

/* Queue a key press or release. */
void
vd_spice_key(vd_spice *s, uint32_t keysym, bool down)
{
    bool shift;
    unsigned int code = vd_xt_from_keysym(keysym, &shift);

    if (!code)
        return;
    if (shift && down)
        enqueue(s, EV_KEY, VD_XT_LSHIFT, 1, 0);
    enqueue(s, EV_KEY, (int)code, down, 0);
    if (shift && !down)
        enqueue(s, EV_KEY, VD_XT_LSHIFT, 0, 0);
}

/* Queue a combination: presses in order, releases in reverse. */
void
vd_spice_keys(vd_spice *s, const uint32_t *syms, int n)
{
    int i;

    for (i = 0; i < n; i++)
        vd_spice_key(s, syms[i], true);
    for (i = n - 1; i >= 0; i--)
        vd_spice_key(s, syms[i], false);
}

/* Queue a pointer event. */
void
vd_spice_pointer(vd_spice *s, int x, int y, int buttons)
{
    enqueue(s, EV_POINTER, x < 0 ? 0 : x, y < 0 ? 0 : y, buttons);
}

/* Queue a repaint. */
void
vd_spice_refresh(vd_spice *s)
{
    enqueue(s, EV_REFRESH, 0, 0, 0);
}

/* The mouse mode. */
bool
vd_spice_mouse_absolute(vd_spice *s)
{
    bool abs;

    pthread_mutex_lock(&s->cf.lock);
    abs = s->absolute;
    pthread_mutex_unlock(&s->cf.lock);
    return abs;
}

/* The shared frame. */
vd_cframe *
vd_spice_frame(vd_spice *s)
{
    return &s->cf;
}

/* Wait for the handshake to get anywhere, or for a socket request. */
vd_vnc_state
vd_spice_wait_state(vd_spice *s, int timeout_ms)
{
    return vd_cframe_wait_state(&s->cf, &s->nrequests, timeout_ms);
}

/* The module's one exported symbol (spice_module.h); everything else in
 * it is hidden, so its own calls never reach the program's loader. */
VD_MODULE_EXPORT
const vd_spice_api vd_spice_module_api = {
    .version = VD_SPICE_API_VERSION,
    .start = vd_spice_start,
    .free = vd_spice_free,
    .get_state = vd_spice_get_state,
    .answer = vd_spice_answer,
    .next_fd_request = vd_spice_next_fd_request,
    .give_fd = vd_spice_give_fd,
    .keys = vd_spice_keys,
    .key = vd_spice_key,
    .pointer = vd_spice_pointer,
    .refresh = vd_spice_refresh,
    .mouse_absolute = vd_spice_mouse_absolute,
    .frame = vd_spice_frame,
    .wait_state = vd_spice_wait_state,
};
