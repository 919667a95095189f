/*
 * vnc.c: the VNC console thread (see vnc.h).
 *
 * The thread: rfbGetClient, the socket set as client->sock with
 * listenSpecified (rfbInitConnection then skips its own connect and
 * goes straight to the handshake), rfbInitClient, then a poll loop on
 * the socket and an eventfd that the UI writes to when it queues
 * events. libvncclient's log goes to a per-thread buffer (its default
 * prints on the terminal), which gives the failure messages.
 *
 * Locks: v->cf.lock guards everything shared with the UI (state, message,
 * the event queue, the password answer, the shared frame). The thread
 * copies updated rows from the client's framebuffer to the shared one
 * at the end of each update, under the lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <rfb/rfbclient.h>

#include "console/console_frame.h"
#include "console/vnc_module.h"
#include "core/module.h"

#define READ_TIMEOUT_S 20
#define MAX_QUEUE 4096
#define LINGER_MS 300
#define STOP_WAIT_S 1

typedef struct vnc_event {
    int kind;                   /* 0 key, 1 pointer, 2 refresh */
    uint32_t a;                 /* keysym or x */
    int b;                      /* down or y */
    int c;                      /* buttons */
} vnc_event;

struct vd_vnc {
    pthread_t thread;
    vd_cframe cf;               /* lock, cond, state, frame: console_frame.h */
    int sock;                   /* our descriptor of the socket: shutdown() by
                                 * vd_vnc_free(), closed after the join */
    int client_sock;            /* a dup of it, owned by the rfbClient */
    int evfd;                   /* UI -> thread wake-up */
    bool stop;

    /* shared, under cf.lock */
    vnc_event *queue;
    size_t nqueue;
    bool answered;
    bool asked;                 /* the server asked for a password */
    bool gave;                  /* ... and the UI gave one */
    char *password;             /* the answer; NULL: cancelled */

    /* thread only */
    rfbClient *client;
    uint8_t *client_fb;         /* the client's framebuffer (we allocate it) */
    int dx0, dy0, dx1, dy1;     /* damaged box since the last copy */
};

static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static __thread char last_log[256];
static __thread char all_log[1024];     /* every line since the thread began */
static int vnc_tag;             /* address used as rfbClientData tag */

/* libvncclient's log: keep the last line for this thread. */
static void
vnc_log(const char *fmt, ...)
{
    va_list ap;
    size_t len;

    va_start(ap, fmt);
    vsnprintf(last_log, sizeof(last_log), fmt, ap);
    va_end(ap);
    len = strlen(last_log);
    while (len && (last_log[len - 1] == '\n' || last_log[len - 1] == '\r'))
        last_log[--len] = '\0';
    len = strlen(all_log);
    snprintf(all_log + len, sizeof(all_log) - len, "%s\n", last_log);
}

/* Install the log functions once per process. */
static void
install_log(void)
{
    rfbClientLog = vnc_log;
    rfbClientErr = vnc_log;
}

/* The vd_vnc of a client. */
static vd_vnc *
of(rfbClient *cl)
{
    return rfbClientGetClientData(cl, &vnc_tag);
}

/* The server announced the (new) framebuffer size: allocate ours and
 * resize the shared copy. */
static rfbBool
on_malloc_fb(rfbClient *cl)
{
    vd_vnc *v = of(cl);
    size_t size = (size_t)cl->width * cl->height * 4;
    uint8_t *fb, *shared;

    if (cl->width <= 0 || cl->height <= 0 || cl->width > 16384 || cl->height > 16384)
        return FALSE;
    if (!(fb = calloc(1, size)) || !(shared = calloc(1, size))) {
        free(fb);
        return FALSE;
    }
    free(v->client_fb);
    v->client_fb = fb;
    cl->frameBuffer = fb;
    pthread_mutex_lock(&v->cf.lock);
    free(v->cf.frame);
    v->cf.frame = shared;
    v->cf.fw = cl->width;
    v->cf.fh = cl->height;
    v->cf.seq++;
    pthread_mutex_unlock(&v->cf.lock);
    v->dx0 = v->dy0 = 0;
    v->dx1 = cl->width;
    v->dy1 = cl->height;
    vd_cframe_notify(&v->cf);
    return TRUE;
}

/* A rectangle of the client's framebuffer changed. */
static void
on_update(rfbClient *cl, int x, int y, int w, int h)
{
    vd_vnc *v = of(cl);

    if (v->dx1 <= v->dx0 || v->dy1 <= v->dy0) {
        v->dx0 = x;
        v->dy0 = y;
        v->dx1 = x + w;
        v->dy1 = y + h;
        return;
    }
    if (x < v->dx0)
        v->dx0 = x;
    if (y < v->dy0)
        v->dy0 = y;
    if (x + w > v->dx1)
        v->dx1 = x + w;
    if (y + h > v->dy1)
        v->dy1 = y + h;
}

/* Copy the damaged rows to the shared frame and tell the UI. */
static void
publish(vd_vnc *v)
{
    rfbClient *cl = v->client;
    int y0 = v->dy0, y1 = v->dy1, x0 = v->dx0, x1 = v->dx1, y;

    if (x1 <= x0 || y1 <= y0 || !v->client_fb)
        return;
    if (x0 < 0)
        x0 = 0;
    if (y0 < 0)
        y0 = 0;
    if (x1 > cl->width)
        x1 = cl->width;
    if (y1 > cl->height)
        y1 = cl->height;
    pthread_mutex_lock(&v->cf.lock);
    if (v->cf.frame && v->cf.fw == cl->width && v->cf.fh == cl->height) {
        size_t stride = (size_t)cl->width * 4;

        for (y = y0; y < y1; y++)
            memcpy(v->cf.frame + y * stride + (size_t)x0 * 4,
                   v->client_fb + y * stride + (size_t)x0 * 4,
                   (size_t)(x1 - x0) * 4);
        v->cf.seq++;
        pthread_cond_broadcast(&v->cf.cond);
    }
    pthread_mutex_unlock(&v->cf.lock);
    v->dx0 = v->dy0 = v->dx1 = v->dy1 = 0;
    vd_cframe_notify(&v->cf);
}

/* An update ended. */
static void
on_finished(rfbClient *cl)
{
    publish(of(cl));
}

/* The server wants a password: ask the UI and wait for its answer.
 * The returned string is freed by libvncclient. */
static char *
on_password(rfbClient *cl)
{
    vd_vnc *v = of(cl);
    char *pw = NULL;

    pthread_mutex_lock(&v->cf.lock);
    v->answered = false;
    v->asked = true;
    vd_cframe_set_state_locked(&v->cf, VD_VNC_NEED_PASSWORD, "the VNC server asks for a password");
    pthread_mutex_unlock(&v->cf.lock);
    vd_cframe_notify(&v->cf);
    pthread_mutex_lock(&v->cf.lock);
    while (!v->answered && !v->stop)
        pthread_cond_wait(&v->cf.cond, &v->cf.lock);
    if (v->answered && v->password) {
        pw = v->password;       /* handed to the library */
        v->password = NULL;
        v->gave = true;
    }
    if (!v->stop)
        vd_cframe_set_state_locked(&v->cf, VD_VNC_CONNECTING, "checking the password");
    pthread_mutex_unlock(&v->cf.lock);
    vd_cframe_notify(&v->cf);
    return pw;                  /* NULL: the handshake fails ("cancelled") */
}

/* Send the queued UI events. False when the connection failed. */
static bool
drain_events(vd_vnc *v)
{
    vnc_event *q;
    size_t n, i;
    uint64_t junk;
    bool ok = true;

    if (read(v->evfd, &junk, sizeof(junk)) < 0 && errno != EAGAIN)
        return true;
    pthread_mutex_lock(&v->cf.lock);
    q = v->queue;
    n = v->nqueue;
    v->queue = NULL;
    v->nqueue = 0;
    pthread_mutex_unlock(&v->cf.lock);
    for (i = 0; i < n && ok; i++) {
        switch (q[i].kind) {
        case 0:
            ok = SendKeyEvent(v->client, q[i].a, q[i].b ? TRUE : FALSE);
            break;
        case 1:
            ok = SendPointerEvent(v->client, (int)q[i].a, q[i].b, q[i].c);
            break;
        default:
            ok = SendFramebufferUpdateRequest(v->client, 0, 0, v->client->width,
                                              v->client->height, FALSE);
            break;
        }
    }
    free(q);
    return ok;
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* After the last input: close our sending side and give the server a
 * moment (LINGER_MS at most) to read it and hang up. QEMU drops what
 * it has not read yet when it sees the connection hung up, so closing
 * at once could lose the last keys. */
static void
linger_close(int sock)
{
    long long end = now_ms() + LINGER_MS;
    char junk[4096];

    if (shutdown(sock, SHUT_WR) < 0)
        return;
    for (;;) {
        struct pollfd pfd = { sock, POLLIN, 0 };
        long long left = end - now_ms();
        ssize_t n;

        if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
            return;
        n = read(sock, junk, sizeof(junk));
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            return;                     /* the server hung up */
    }
}

/* A plain message for a handshake failure, from the library's log. */
static const char *
handshake_reason(bool cancelled)
{
    if (cancelled)
        return "cancelled: no password given";
    if (strstr(all_log, "uthentication fail") || strstr(all_log, "VNC auth failed") ||
        strstr(all_log, "too many"))
        return "wrong VNC password";
    if (!all_log[0] || strstr(all_log, "closed connection") ||
        strstr(all_log, "read (") || strstr(all_log, "Unable to read"))
        return "the VNC connection closed during the handshake (over qemu+ssh: "
               "check that 'ssh -o BatchMode=yes HOST' logs in without a password)";
    if (strstr(all_log, "timed out"))
        return "the VNC server did not answer in time";
    return last_log;
}

/* The encodings we ask for, the same rfbInitClient() sent from
 * appData but without ExtendedDesktopSize: libvncclient 0.9.14 takes
 * that one only for a screen id other than 0, and QEMU sends id 0, so a
 * guest's mode change (SeaBIOS's 640x480 -> 720x400, a kernel's
 * framebuffer) was ignored and the next update ended the connection
 * ("Rect too large"). With the plain NewFBSize pseudo-encoding QEMU
 * announces new sizes in a way libvncclient follows. */
static bool
send_encodings(rfbClient *client)
{
    static const uint32_t encs[] = {
        rfbEncodingTight, rfbEncodingZRLE, rfbEncodingUltra, rfbEncodingCopyRect,
        rfbEncodingHextile, rfbEncodingZlib, rfbEncodingCoRRE, rfbEncodingRRE,
        rfbEncodingRaw, rfbEncodingCompressLevel0 + 6, rfbEncodingKeyboardLedState,
        rfbEncodingNewFBSize, rfbEncodingLastRect,
    };
    char buf[sz_rfbSetEncodingsMsg + sizeof(encs)];
    rfbSetEncodingsMsg se;
    size_t i;

    memset(&se, 0, sizeof(se));
    se.type = rfbSetEncodings;
    se.nEncodings = rfbClientSwap16IfLE((uint16_t)(sizeof(encs) / sizeof(encs[0])));
    memcpy(buf, &se, sz_rfbSetEncodingsMsg);
    for (i = 0; i < sizeof(encs) / sizeof(encs[0]); i++) {
        uint32_t e = rfbClientSwap32IfLE(encs[i]);

        memcpy(buf + sz_rfbSetEncodingsMsg + 4 * i, &e, 4);
    }
    return WriteToRFBServer(client, buf, sizeof(buf));
}

/* The console thread. */
static void *
vnc_main(void *opaque)
{
    vd_vnc *v = opaque;
    sigset_t pipe_set;
    rfbClient *cl;
    bool cancelled;
    char msg[320];

    /* a write to a closed connection must fail with EPIPE, not kill the
     * process: SIGPIPE is synchronous, so blocking it here is enough */
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, NULL);
    last_log[0] = all_log[0] = '\0';
    if (!(cl = rfbGetClient(8, 3, 4))) {
        close(v->client_sock);
        vd_cframe_set_state(&v->cf, VD_VNC_CLOSED, "out of memory");
        return NULL;
    }
    v->client = cl;
    rfbClientSetClientData(cl, &vnc_tag, v);
    cl->sock = v->client_sock;
    cl->listenSpecified = TRUE;     /* the socket is connected already */
    cl->MallocFrameBuffer = on_malloc_fb;
    cl->GotFrameBufferUpdate = on_update;
    cl->FinishedFrameBufferUpdate = on_finished;
    cl->GetPassword = on_password;
    cl->canHandleNewFBSize = TRUE;
    cl->readTimeout = READ_TIMEOUT_S;
    cl->connectTimeout = READ_TIMEOUT_S;
    /* exact pixels: no lossy JPEG inside Tight */
    cl->appData.enableJPEG = FALSE;
    cl->appData.encodingsString = "tight zrle ultra copyrect hextile zlib corre rre raw";
    cl->appData.compressLevel = 6;
    cl->programName = "virtdeck";

    if (!rfbInitClient(cl, NULL, NULL)) {
        /* rfbInitClient freed the client and closed the socket */
        pthread_mutex_lock(&v->cf.lock);
        v->client = NULL;
        cancelled = v->asked && !v->gave;
        pthread_mutex_unlock(&v->cf.lock);
        if (!strcmp(handshake_reason(cancelled), "wrong VNC password"))
            vd_cframe_set_state(&v->cf, VD_VNC_AUTH_FAILED, "wrong VNC password");
        else
            vd_cframe_set_state(&v->cf, VD_VNC_CLOSED, handshake_reason(cancelled));
        return NULL;
    }
    if (!send_encodings(cl)) {
        vd_cframe_set_state(&v->cf, VD_VNC_CLOSED, "the VNC connection closed after the handshake");
        pthread_mutex_lock(&v->cf.lock);
        v->client = NULL;
        pthread_mutex_unlock(&v->cf.lock);
        rfbClientCleanup(cl);
        return NULL;
    }
    snprintf(msg, sizeof(msg), "connected to \"%s\", %dx%d",
             cl->desktopName ? cl->desktopName : "", cl->width, cl->height);
    vd_cframe_set_state(&v->cf, VD_VNC_CONNECTED, msg);

    for (;;) {
        struct pollfd pfd[2];
        int rc;

        pthread_mutex_lock(&v->cf.lock);
        if (v->stop) {
            pthread_mutex_unlock(&v->cf.lock);
            /* keys typed right before leaving (Esc, Ctrl+] in one read)
             * still go, and reach the guest */
            if (drain_events(v))
                linger_close(cl->sock);
            break;
        }
        pthread_mutex_unlock(&v->cf.lock);
        pfd[0].fd = cl->sock;
        pfd[0].events = POLLIN;
        pfd[1].fd = v->evfd;
        pfd[1].events = POLLIN;
        pfd[0].revents = pfd[1].revents = 0;
        rc = cl->buffered > 0 ? 1 : poll(pfd, 2, 1000);
        if (rc < 0 && errno != EINTR) {
            vd_cframe_set_state(&v->cf, VD_VNC_CLOSED, "poll failed");
            break;
        }
        if (rc <= 0)
            continue;
        if ((cl->buffered > 0 || (pfd[0].revents & (POLLIN | POLLHUP | POLLERR))) &&
            !HandleRFBServerMessage(cl)) {
            snprintf(msg, sizeof(msg), "the VNC connection closed%s%s",
                     last_log[0] ? ": " : "", last_log);
            vd_cframe_set_state(&v->cf, VD_VNC_CLOSED, msg);
            break;
        }
        if (cl->buffered <= 0 && (pfd[1].revents & POLLIN) && !drain_events(v)) {
            vd_cframe_set_state(&v->cf, VD_VNC_CLOSED, "the VNC connection closed while sending input");
            break;
        }
    }
    pthread_mutex_lock(&v->cf.lock);
    v->client = NULL;
    pthread_mutex_unlock(&v->cf.lock);
    rfbClientCleanup(cl);       /* closes the socket; not frameBuffer */
    return NULL;
}

/* Start the console thread. */
vd_vnc *
vd_vnc_start(int fd, void (*wake)(void *), void *opaque)
{
    vd_vnc *v;

    pthread_once(&log_once, install_log);
    if (!(v = calloc(1, sizeof(*v)))) {
        close(fd);
        return NULL;
    }
    v->sock = fd;
    v->client_sock = -1;
    v->evfd = -1;
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    vd_cframe_init(&v->cf, "connecting", wake, opaque);
    if ((v->client_sock = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0 ||
        (v->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0 ||
        pthread_create(&v->thread, NULL, vnc_main, v) != 0) {
        if (v->evfd >= 0)
            close(v->evfd);
        if (v->client_sock >= 0)
            close(v->client_sock);
        close(fd);
        vd_cframe_destroy(&v->cf);
        free(v);
        return NULL;
    }
    return v;
}

/* Wake the console thread. */
static void
poke(vd_vnc *v)
{
    uint64_t one = 1;

    if (write(v->evfd, &one, sizeof(one)) < 0) {
        /* the counter is full: the thread is awake anyway */
    }
}

/* Stop and free. */
void
vd_vnc_free(vd_vnc *v)
{
    bool graceful;

    if (!v)
        return;
    pthread_mutex_lock(&v->cf.lock);
    v->stop = true;
    /* connected: the thread sends what is queued and closes gracefully
     * (linger_close()); else break its read in the handshake */
    graceful = v->cf.state == VD_VNC_CONNECTED;
    if (!graceful)
        shutdown(v->sock, SHUT_RDWR);
    pthread_cond_broadcast(&v->cf.cond);
    pthread_mutex_unlock(&v->cf.lock);
    poke(v);
    if (graceful) {
        struct timespec until;

        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += STOP_WAIT_S;
        if (pthread_timedjoin_np(v->thread, NULL, &until) == 0)
            goto joined;
        shutdown(v->sock, SHUT_RDWR);   /* stuck in a message: break it */
    }
    pthread_join(v->thread, NULL);

 joined:
    close(v->evfd);
    close(v->sock);
    vd_cframe_destroy(&v->cf);
    free(v->password);
    free(v->queue);
    free(v->client_fb);
    free(v);
}

/* The state and a copy of the message. */
vd_vnc_state
vd_vnc_get_state(vd_vnc *v, char **message)
{
    return vd_cframe_get_state(&v->cf, message);
}

/* Answer the password request. */
void
vd_vnc_answer(vd_vnc *v, const char *password)
{
    pthread_mutex_lock(&v->cf.lock);
    free(v->password);
    v->password = password ? strdup(password) : NULL;
    v->answered = true;
    pthread_cond_broadcast(&v->cf.cond);
    pthread_mutex_unlock(&v->cf.lock);
}

/* Queue one event and wake the thread. */
static void
enqueue(vd_vnc *v, int kind, uint32_t a, int b, int c)
{
    vnc_event *q;

    pthread_mutex_lock(&v->cf.lock);
    if (v->nqueue < MAX_QUEUE &&
        (q = realloc(v->queue, (v->nqueue + 1) * sizeof(*q)))) {
        v->queue = q;
        q[v->nqueue].kind = kind;
        q[v->nqueue].a = a;
        q[v->nqueue].b = b;
        q[v->nqueue].c = c;
        v->nqueue++;
    }
    pthread_mutex_unlock(&v->cf.lock);
    poke(v);
}

/* Queue a key event. */
void
vd_vnc_key(vd_vnc *v, uint32_t keysym, bool down)
{
    enqueue(v, 0, keysym, down, 0);
}

/* Queue a combination: presses in order, releases in reverse. */
void
vd_vnc_keys(vd_vnc *v, const uint32_t *syms, int n)
{
    int i;

    for (i = 0; i < n; i++)
        enqueue(v, 0, syms[i], 1, 0);
    for (i = n - 1; i >= 0; i--)
        enqueue(v, 0, syms[i], 0, 0);
}

/* Queue a pointer event. */
void
vd_vnc_pointer(vd_vnc *v, int x, int y, int buttons)
{
    enqueue(v, 1, (uint32_t)(x < 0 ? 0 : x), y < 0 ? 0 : y, buttons);
}

/* Queue a full update request. */
void
vd_vnc_refresh(vd_vnc *v)
{
    enqueue(v, 2, 0, 0, 0);
}

/* The shared frame. */
vd_cframe *
vd_vnc_frame(vd_vnc *v)
{
    return &v->cf;
}

/* Wait for the handshake to get anywhere. */
vd_vnc_state
vd_vnc_wait_state(vd_vnc *v, int timeout_ms)
{
    return vd_cframe_wait_state(&v->cf, NULL, timeout_ms);
}

/* The module's one exported symbol (vnc_module.h); everything else in
 * it is hidden, so its own calls never reach the program's loader. */
VD_MODULE_EXPORT
const vd_vnc_api vd_vnc_module_api = {
    .version = VD_VNC_API_VERSION,
    .start = vd_vnc_start,
    .free = vd_vnc_free,
    .get_state = vd_vnc_get_state,
    .answer = vd_vnc_answer,
    .key = vd_vnc_key,
    .keys = vd_vnc_keys,
    .pointer = vd_vnc_pointer,
    .refresh = vd_vnc_refresh,
    .frame = vd_vnc_frame,
    .wait_state = vd_vnc_wait_state,
};
