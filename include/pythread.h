/* pythread.h — the OS thread layer under the interpreter (CPython's pythread.h): raw
 * locks that can wait with a timeout and be interrupted by signals, thread creation and
 * identity, thread-specific storage.  Owner: threads.  Implementation: src/vm/ceval_gil.c.
 * None of these functions need the GIL; none of them touch Python objects. */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H

#include <stdint.h>
#include <pthread.h>

typedef void *PyThread_type_lock;

/* Result of PyThread_acquire_lock_timed. */
typedef enum PyLockStatus {
    PY_LOCK_FAILURE = 0,
    PY_LOCK_ACQUIRED = 1,
    PY_LOCK_INTR        /* interrupted by a signal (only with intr_flag) */
} PyLockStatus;

#define WAIT_LOCK 1
#define NOWAIT_LOCK 0

/* Microseconds; the largest wait sem_clockwait can express without overflow. */
#define PY_TIMEOUT_T long long
#define PY_TIMEOUT_MAX ((PY_TIMEOUT_T)9223372036854775LL)

void PyThread_init_thread(void);
unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg);
void PyThread_exit_thread(void) __attribute__((noreturn));
unsigned long PyThread_get_thread_ident(void);
unsigned long PyThread_get_thread_native_id(void);

PyThread_type_lock PyThread_allocate_lock(void);
void PyThread_free_lock(PyThread_type_lock);
int PyThread_acquire_lock(PyThread_type_lock, int waitflag);
/* microseconds: -1 forever, 0 try, >0 wait; intr_flag: return PY_LOCK_INTR on EINTR. */
PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock, PY_TIMEOUT_T microseconds,
                                         int intr_flag);
void PyThread_release_lock(PyThread_type_lock);
/* Re-create a lock in a forked child (its state may be inconsistent). 0 ok, -1 error. */
int _PyThread_at_fork_reinit(PyThread_type_lock *lock);

size_t PyThread_get_stacksize(void);
int PyThread_set_stacksize(size_t);   /* 0 ok, -1 invalid size, -2 unsupported */

/* Thread-specific storage (PEP 539). */
typedef struct { int _is_initialized; pthread_key_t _key; } Py_tss_t;
#define Py_tss_NEEDS_INIT {0}
Py_tss_t *PyThread_tss_alloc(void);
void PyThread_tss_free(Py_tss_t *key);
int PyThread_tss_is_created(Py_tss_t *key);
int PyThread_tss_create(Py_tss_t *key);
void PyThread_tss_delete(Py_tss_t *key);
int PyThread_tss_set(Py_tss_t *key, void *value);
void *PyThread_tss_get(Py_tss_t *key);

#endif /* Py_PYTHREAD_H */
