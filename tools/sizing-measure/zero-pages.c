/*
 * LD_PRELOAD shim for `npm run sizing:measure` only: llama.cpp clears its KV cache buffer with memset(0) right after
 * allocating it, which would make the measuring machine hold a 16 GiB cache it never uses. For a large (>= 64 MiB)
 * zero fill this hands the whole pages back with madvise(MADV_DONTNEED) instead: on the private anonymous memory
 * malloc returns, the kernel then reads them back as zeros, so the buffer holds exactly what memset would leave.
 * Smaller fills, non-zero fills and a failed madvise go to the real memset.
 *
 * It also drops MAP_POPULATE from file mappings and ignores POSIX_MADV_WILLNEED: llama.cpp prefetches the whole
 * model file into the page cache, and the measured files are holes that nothing reads.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/types.h>

static void *(*real_memset)(void *, int, size_t);

static void *fallback_memset(void *s, int c, size_t n) {
  volatile unsigned char *p = s;
  while (n--) *p++ = (unsigned char)c;
  return s;
}

void *memset(void *s, int c, size_t n) {
  if (real_memset == NULL) {
    real_memset = fallback_memset;
    void *found = dlsym(RTLD_NEXT, "memset");
    if (found != NULL) real_memset = (void *(*)(void *, int, size_t))found;
  }
  if (c == 0 && n >= ((size_t)64 << 20)) {
    const uintptr_t page = 4096;
    uintptr_t start = ((uintptr_t)s + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)s + n) & ~(page - 1);
    if (end > start && madvise((void *)start, end - start, MADV_DONTNEED) == 0) {
      real_memset(s, 0, start - (uintptr_t)s);
      real_memset((void *)end, 0, (uintptr_t)s + n - end);
      return s;
    }
  }
  return real_memset(s, c, n);
}

typedef void *(*mmap_fn)(void *, size_t, int, int, int, off_t);

static void *call_mmap(const char *name, void *addr, size_t length, int prot, int flags, int fd, off_t offset) {
  mmap_fn real = (mmap_fn)dlsym(RTLD_NEXT, name);
  if (fd >= 0) flags &= ~MAP_POPULATE;
  return real(addr, length, prot, flags, fd, offset);
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset) {
  return call_mmap("mmap", addr, length, prot, flags, fd, offset);
}

void *mmap64(void *addr, size_t length, int prot, int flags, int fd, off_t offset) {
  return call_mmap("mmap64", addr, length, prot, flags, fd, offset);
}

int posix_madvise(void *addr, size_t length, int advice) {
  typedef int (*advise_fn)(void *, size_t, int);
  if (advice == POSIX_MADV_WILLNEED) return 0;
  advise_fn real = (advise_fn)dlsym(RTLD_NEXT, "posix_madvise");
  return real(addr, length, advice);
}
