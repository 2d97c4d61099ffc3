//! What a file or folder *is*, not how its path is spelt: the guard, the
//! build lock, `import`'s targets and the preview's watcher compare paths
//! by this identity, so a link, a bind mount, `..` or a different case on a
//! case-insensitive disk cannot make one folder look like two.
//!
//! On Unix the identity is the device and inode of `stat`; on Windows the
//! volume serial number and file index of `GetFileInformationByHandle`
//! (through `winapi-util`, already a dependency of `walkdir`), read from a
//! handle opened with `FILE_FLAG_BACKUP_SEMANTICS` so folders open too.
//! Also here: whether this process may write into a folder, asked the same
//! way on each system.

use std::fs::File;
use std::io;
use std::path::Path;

/// The identity of a file or folder: the device (volume) it lives on and
/// its number there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FileId {
    pub(crate) device: u64,
    pub(crate) index: u64,
}

impl FileId {
    /// The identity of what `path` leads to (links followed).
    pub(crate) fn of(path: &Path) -> io::Result<FileId> {
        imp::of(path)
    }

    /// The identity of a file this process holds open.
    pub(crate) fn of_file(file: &File) -> io::Result<FileId> {
        imp::of_file(file)
    }
}

/// Whether this process may create entries in `dir` (its effective user; a
/// read-only disk counts as not writable).
pub(crate) fn writable(dir: &Path) -> io::Result<()> {
    imp::writable(dir)
}

#[cfg(unix)]
mod imp {
    use super::FileId;
    use std::fs::File;
    use std::io;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    pub(super) fn of(path: &Path) -> io::Result<FileId> {
        std::fs::metadata(path).map(|m| id(&m))
    }

    pub(super) fn of_file(file: &File) -> io::Result<FileId> {
        file.metadata().map(|m| id(&m))
    }

    fn id(m: &std::fs::Metadata) -> FileId {
        FileId {
            device: m.dev(),
            index: m.ino(),
        }
    }

    pub(super) fn writable(dir: &Path) -> io::Result<()> {
        let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).map_err(io::Error::other)?;
        // SAFETY: a valid NUL-terminated path, alive for the call.
        let rc = unsafe {
            libc::faccessat(
                libc::AT_FDCWD,
                c.as_ptr(),
                libc::W_OK | libc::X_OK,
                libc::AT_EACCESS,
            )
        };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

#[cfg(windows)]
mod imp {
    use super::FileId;
    use std::fs::{File, OpenOptions};
    use std::io;
    use std::os::windows::fs::OpenOptionsExt;
    use std::path::Path;

    /// Lets `CreateFileW` open a folder (winbase.h).
    const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;

    pub(super) fn of(path: &Path) -> io::Result<FileId> {
        // No access asked: only the file's information is read, so a file
        // another program holds open still answers.
        let file = OpenOptions::new()
            .access_mode(0)
            .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
            .open(path)?;
        of_file(&file)
    }

    pub(super) fn of_file(file: &File) -> io::Result<FileId> {
        let info = winapi_util::file::information(file)?;
        Ok(FileId {
            device: info.volume_serial_number(),
            index: info.file_index(),
        })
    }

    /// Windows has no `access()` that answers for folders: a probe file is
    /// created and removed (a read-only share or disk refuses it).
    pub(super) fn writable(dir: &Path) -> io::Result<()> {
        let probe = dir.join(format!(".trasparenza-probe-{}", std::process::id()));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)?;
        std::fs::remove_file(&probe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_spellings_of_one_folder_are_one_identity_and_two_folders_two() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("a");
        std::fs::create_dir_all(a.join("b")).unwrap();
        let same = a.join("b").join("..");
        assert_eq!(FileId::of(&a).unwrap(), FileId::of(&same).unwrap());
        assert_ne!(FileId::of(&a).unwrap(), FileId::of(&a.join("b")).unwrap());
        assert_eq!(
            FileId::of(&a).unwrap().device,
            FileId::of(&a.join("b")).unwrap().device
        );
        assert!(FileId::of(&a.join("missing")).is_err());
        let f = a.join("f");
        std::fs::write(&f, "x").unwrap();
        let open = File::open(&f).unwrap();
        assert_eq!(FileId::of_file(&open).unwrap(), FileId::of(&f).unwrap());
    }

    #[test]
    fn a_folder_of_ours_is_writable_and_a_missing_one_is_not() {
        let d = tempfile::tempdir().unwrap();
        assert!(writable(d.path()).is_ok());
        assert!(writable(&d.path().join("missing")).is_err());
        // Nothing left behind by the check.
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
    }
}
