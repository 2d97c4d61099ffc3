//! One build at a time per output folder: an exclusive `flock` on a lock
//! file beside the output (`.<name>.trasparenza-lock`, never inside
//! `content/` or the output). A second build waits for the first. The file
//! is removed when the lock is released; one left by a killed build is
//! simply taken over by the next.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::file_id::FileId;

/// Held while a build writes; dropping it removes the file and releases the
/// lock.
#[derive(Debug)]
pub(crate) struct Lock {
    _file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock at `path`, calling `on_wait` once if another process
    /// holds it, then waiting for it.
    pub(crate) fn acquire(path: &Path, mut on_wait: impl FnMut()) -> io::Result<Lock> {
        let mut waited = false;
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    if !waited {
                        on_wait();
                        waited = true;
                    }
                    file.lock()?;
                }
                Err(fs::TryLockError::Error(e)) => return Err(e),
            }
            // The holder we waited for removes the file as it finishes: the
            // lock counts only on the file that is still at `path`.
            let held = FileId::of_file(&file)?;
            match FileId::of(path) {
                Ok(id) if id == held => {
                    return Ok(Lock {
                        _file: file,
                        path: path.to_path_buf(),
                    });
                }
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so no one can lock this file afterwards
        // and believe they hold the lock at `path`.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_holder_waits_and_the_file_is_gone_after() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join(".public.trasparenza-lock");
        let first = Lock::acquire(&path, || panic!("nobody holds it yet")).unwrap();
        let (tx, rx) = mpsc::channel();
        let p = path.clone();
        let second = std::thread::spawn(move || {
            let waiting = tx.clone();
            let lock = Lock::acquire(&p, move || waiting.send("waiting").unwrap()).unwrap();
            tx.send("locked").unwrap();
            drop(lock);
        });
        assert_eq!(rx.recv().unwrap(), "waiting");
        // Still waiting while the first holds it.
        assert!(rx.recv_timeout(Duration::from_millis(50)).is_err());
        drop(first);
        assert_eq!(rx.recv().unwrap(), "locked");
        second.join().unwrap();
        assert!(!path.exists());
    }
}
