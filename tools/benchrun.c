/* benchrun.c — the process launcher of tools/bench.py (which compiles it on demand).
 * Runs a command REPS times, one after the other, and writes to REPORT
 * "<seconds> <peak RSS KiB> <exit code>" where the time is the wall time of all runs and
 * the RSS the largest of the runs' own ru_maxrss.  Why a C program: Linux carries the
 * pre-exec RSS of a forked child into its ru_maxrss, so a child forked by a 13 MB Python
 * process never reports less than 13 MB; forked from this small program, the floor is
 * well under a megabyte.  Usage: benchrun REPORT REPS PROGRAM [ARG...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One run; returns its exit code as subprocess does (negative: killed by that signal). */
static int run(char **argv, long *maxrss)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("benchrun: fork");
        exit(125);
    }
    if (pid == 0) {
        execv(argv[0], argv);
        perror("benchrun: exec");
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("benchrun: wait4");
        exit(125);
    }
    if (ru.ru_maxrss > *maxrss)
        *maxrss = ru.ru_maxrss;
    return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: benchrun REPORT REPS PROGRAM [ARG...]\n");
        return 2;
    }
    int reps = atoi(argv[2]);
    long maxrss = 0;
    int code = 0;
    double start = now();
    for (int i = 0; i < reps && code == 0; i++)
        code = run(argv + 3, &maxrss);
    double secs = now() - start;
    FILE *f = fopen(argv[1], "w");
    if (f == NULL) {
        perror("benchrun: report");
        return 125;
    }
    fprintf(f, "%.6f %ld %d\n", secs, maxrss, code);
    fclose(f);
    return 0;
}
