//! The pieces of the "nothing is ever lost" test that are not the test: what the processes
//! report, a small seeded random number generator, children that live through a full disk,
//! and setting another process's file size limit (a full disk for it alone).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// What the processes reported saved.
#[derive(Debug, Default)]
pub struct Reports {
    pub feeds: BTreeSet<String>,
    pub fetched: usize,
    /// The latest place each article's readers reported.
    pub positions: BTreeMap<String, (u32, i64, u32)>,
    /// How many places were reported in all.
    pub places_reported: usize,
    pub bookmarks: BTreeSet<(String, (u32, i64, u32))>,
    pub read: BTreeSet<String>,
}

/// A small random number generator (xorshift), seeded from the clock: the seed is printed.
pub struct Dice(pub u64);

impl Dice {
    pub fn roll(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A child that ignores SIGXFSZ, as a process on a full disk sees `EFBIG`/`ENOSPC`
/// instead of dying.
pub fn spawn(mut cmd: Command) -> Child {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe `signal` between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("a child starts")
}

/// Sets the file size limit of process `pid` (the soft limit only).
pub fn limit_file_size(pid: u32, bytes: Option<u64>) {
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: reading and setting a child's resource limit with valid pointers.
    unsafe {
        let pid = pid as libc::pid_t;
        if libc::prlimit(pid, libc::RLIMIT_FSIZE, std::ptr::null(), &mut old) != 0 {
            return;
        }
        let new = libc::rlimit {
            rlim_cur: bytes.unwrap_or(old.rlim_max),
            rlim_max: old.rlim_max,
        };
        libc::prlimit(pid, libc::RLIMIT_FSIZE, &new, std::ptr::null_mut());
    }
}

/// The role a child plays, and what it is about.
#[derive(Debug, Clone)]
pub enum Role {
    Reader(PathBuf),
    Fetcher,
    Writer(usize),
}

pub struct Running {
    pub role: Role,
    pub child: Child,
    /// The `feeds add` address, for a writer.
    pub url: Option<String>,
}
