/**
 * How Windows ends a fake program when the process that started it ends. Node (libuv) puts every child it starts
 * without `detached` into a job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, so Windows ends wsl.exe, nvidia-smi.exe
 * and the other programs Headroom starts when Headroom's process ends, however it ends (libuv src/win/process.c,
 * `uv__init_global_job_handle`). The job holds only the direct children: what runs inside a distro behind `wsl -e` is
 * a Linux process, which the job does not reach, so the fake wsl.exe keeps acting it out once it started one.
 *
 * Off Windows there is no job, so the fake watches for its starter to go (it is re-parented) and ends then. Under
 * Windows' own Node (the Windows lane) the parent pid never changes and the real job does this.
 */
let linuxSideRuns = false;

/** The fake wsl.exe now acts out a Linux process, which the job does not end with Headroom. */
export function linuxProcessStarted(): void {
  linuxSideRuns = true;
}

/** End this fake program, as Windows' kill-on-close job would, when the process that started it is gone. */
export function endWithStarter(): void {
  const starter = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === starter || linuxSideRuns) return;
    process.exit(1);
  }, 200);
  timer.unref();
}
