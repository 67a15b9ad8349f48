/* peak_rss.c — runs a command once; reports its peak RSS and wall time.
 *
 *     peak_rss COMMAND [ARG...]
 *
 * Forks, execs the command with its output sent to /dev/null, waits with
 * wait4 and prints one line on stdout: "MAXRSS_KB WALL_NS" — ru_maxrss
 * (Linux reports KiB) and the CLOCK_MONOTONIC time from just before fork
 * to just after wait4 returns. Exits with the command's status (127 when
 * it could not be run).
 */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: peak_rss COMMAND [ARG...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("peak_rss: fork");
        return 127;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
            close(null);
        }
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("peak_rss: wait4");
        return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    printf("%ld %lld\n", ru.ru_maxrss, ns);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}
