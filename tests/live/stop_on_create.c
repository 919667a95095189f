/*
 * stop_on_create.c: a fault injector for the live tests. Watches DIR
 * (inotify) and, the moment a file named NAME is created there, freezes
 * process PID with SIGSTOP: a daemon caught in the middle of making it.
 *
 * Usage: stop_on_create DIR NAME PID TIMEOUT_S
 * Prints "watching" once the watch is set (wait for it before starting
 * what creates the file), "stopped" when PID was frozen. Exit 0 when
 * frozen, 1 on timeout or error, 2 when NAME was there already.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds of a monotonic clock. */
static long long
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
main(int argc, char **argv)
{
    char buf[sizeof(struct inotify_event) + NAME_MAX + 1]
        __attribute__((aligned(__alignof__(struct inotify_event))));
    char path[PATH_MAX];
    struct stat st;
    long long deadline;
    pid_t pid;
    int fd;

    if (argc != 5) {
        fprintf(stderr, "usage: stop_on_create DIR NAME PID TIMEOUT_S\n");
        return 1;
    }
    pid = (pid_t)atoi(argv[3]);
    deadline = now_ms() + atoll(argv[4]) * 1000;
    if (pid <= 1 || (fd = inotify_init1(IN_CLOEXEC)) < 0 ||
        inotify_add_watch(fd, argv[1], IN_CREATE | IN_MOVED_TO) < 0) {
        perror("stop_on_create");
        return 1;
    }
    snprintf(path, sizeof(path), "%s/%s", argv[1], argv[2]);
    if (stat(path, &st) == 0) {
        fprintf(stderr, "stop_on_create: %s exists already\n", path);
        return 2;
    }
    printf("watching\n");
    fflush(stdout);
    for (;;) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        long long left = deadline - now_ms();
        ssize_t n;
        char *at;

        if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
            if (left > 0 && errno == EINTR)
                continue;
            fprintf(stderr, "stop_on_create: no %s within %s s\n", path, argv[4]);
            return 1;
        }
        if ((n = read(fd, buf, sizeof(buf))) <= 0)
            continue;
        for (at = buf; at < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)at;

            if (ev->len && strcmp(ev->name, argv[2]) == 0) {
                if (kill(pid, SIGSTOP) < 0) {
                    perror("stop_on_create: kill");
                    return 1;
                }
                printf("stopped\n");
                return 0;
            }
            at += sizeof(*ev) + ev->len;
        }
    }
}
