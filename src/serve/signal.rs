//! Ctrl-C and `kill`: the preview stops when it gets SIGINT, SIGTERM or
//! SIGHUP.
//!
//! The signals are blocked before any thread starts (threads inherit the
//! mask), and one thread waits for them with `sigwait`: no handler runs in
//! signal context, so nothing here has to be async-signal-safe. This is the
//! whole job of the `ctrlc` crate for our case, in a few lines of `libc`,
//! which is already a dependency.

/// The termination signals, blocked in the calling thread.
pub(crate) struct Signals {
    #[cfg(unix)]
    set: libc::sigset_t,
}

impl Signals {
    /// Blocks the termination signals in this thread and in every thread it
    /// starts afterwards. Call it first, before starting any thread.
    #[cfg(unix)]
    pub(crate) fn block() -> std::io::Result<Signals> {
        // SAFETY: sigset_t is plain data initialised by sigemptyset before
        // use; the pointers are to locals that outlive the calls.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            for s in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::sigaddset(&mut set, s);
            }
            let rc = libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
            if rc != 0 {
                return Err(std::io::Error::from_raw_os_error(rc));
            }
            Ok(Signals { set })
        }
    }

    /// Waits for one of the signals; returns its name.
    #[cfg(unix)]
    pub(crate) fn wait(&self) -> &'static str {
        let mut sig: libc::c_int = 0;
        loop {
            // SAFETY: `self.set` was initialised by `block`; `sig` is a local.
            let rc = unsafe { libc::sigwait(&self.set, &mut sig) };
            if rc == 0 {
                break;
            }
        }
        match sig {
            libc::SIGINT => "SIGINT",
            libc::SIGTERM => "SIGTERM",
            _ => "SIGHUP",
        }
    }

    /// Elsewhere the default Ctrl-C behaviour (end the process) applies.
    #[cfg(not(unix))]
    pub(crate) fn block() -> std::io::Result<Signals> {
        Ok(Signals {})
    }

    #[cfg(not(unix))]
    pub(crate) fn wait(&self) -> &'static str {
        loop {
            std::thread::park();
        }
    }
}
