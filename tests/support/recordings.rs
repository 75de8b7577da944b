//! The recorded exchanges in `../shared/sync-servers/…/recorded/NN-name.txt`: the request
//! (request line, headers, form body) after `### request`, the response (status line,
//! headers, body) after `### response`. Read when `../shared` is present; the tests that
//! need them say that they skipped, and why, when it is not.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// One exchange.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub name: String,
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub status: u16,
    pub response_headers: Vec<(String, String)>,
    pub response_body: String,
}

impl Exchange {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn response_header(&self, name: &str) -> Option<&str> {
        self.response_headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The shared FreshRSS recordings' folder, when it is there.
pub fn freshrss_dir() -> Option<PathBuf> {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sync-servers/freshrss/recorded");
    dir.is_dir().then_some(dir)
}

/// The shared fixture feeds' folder, when it is there.
pub fn fixtures_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sync-servers/fixtures");
    dir.is_dir().then_some(dir)
}

/// Every exchange in `dir`, in file-name order.
pub fn load(dir: &Path) -> Vec<Exchange> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            parse(
                &f.file_stem().unwrap().to_string_lossy(),
                &std::fs::read_to_string(f).unwrap(),
            )
        })
        .collect()
}

/// One exchange from its text.
pub fn parse(name: &str, text: &str) -> Exchange {
    let (request, response) = text
        .split_once("### response\n")
        .expect("a ### response section");
    let request = request.trim_start_matches("### request\n");
    let (req_head, req_body) = request.split_once("\n\n").unwrap_or((request, ""));
    let mut lines = req_head.lines();
    let first: Vec<&str> = lines.next().unwrap_or_default().split(' ').collect();
    let headers = header_lines(lines);
    let (resp_head, resp_body) = response.split_once("\n\n").unwrap_or((response, ""));
    let mut rlines = resp_head.lines();
    let status: u16 = rlines
        .next()
        .unwrap_or_default()
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Exchange {
        name: name.to_string(),
        method: first.first().unwrap_or(&"").to_string(),
        target: first.get(1).unwrap_or(&"").to_string(),
        headers,
        body: req_body.trim_end_matches('\n').to_string(),
        status,
        response_headers: header_lines(rlines),
        response_body: resp_body.to_string(),
    }
}

fn header_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}
