//! A small HTTP/1.1 server for the feed tests and benchmarks, on `std::net` only. It listens
//! on several loopback addresses (127.0.0.1, 127.0.0.2, …), each a separate "host", answers
//! each request from a handler registered for its path, and counts requests: in total, and
//! how many ran at once, overall and per host (the `Host` header without its port). Every
//! connection is closed after one response. Threads end with the test process.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The bytes of a feed fixture (`tests/fixtures/feeds/NAME`), as the tests serve or read it.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// The `Host` header without the port.
    pub host: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What to answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering at all.
    pub delay: Duration,
    /// Send the headers, then wait this long before the body.
    pub stall: Duration,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            stall: Duration::ZERO,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: if status == 304 {
                Vec::new()
            } else {
                format!("status {status}").into_bytes()
            },
            delay: Duration::ZERO,
            stall: Duration::ZERO,
        }
    }

    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::status(status).header("Location", location)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delay(mut self, d: Duration) -> Reply {
        self.delay = d;
        self
    }

    pub fn stall(mut self, d: Duration) -> Reply {
        self.stall = d;
        self
    }
}

type Handler = Arc<dyn Fn(&Request) -> Reply + Send + Sync>;

#[derive(Default)]
struct Counts {
    active: HashMap<String, usize>,
    max_per_host: HashMap<String, usize>,
    active_total: usize,
    max_total: usize,
    log: Vec<Request>,
}

#[derive(Default)]
struct State {
    routes: Mutex<HashMap<String, Handler>>,
    counts: Mutex<Counts>,
}

pub struct Server {
    ports: Vec<u16>,
    state: Arc<State>,
}

impl Server {
    /// Starts listening on `hosts` loopback addresses (127.0.0.1 upwards).
    pub fn start(hosts: u8) -> Server {
        let state = Arc::new(State::default());
        let mut ports = Vec::new();
        for h in 0..hosts {
            let listener =
                TcpListener::bind(format!("127.0.0.{}:0", h + 1)).expect("bind a loopback address");
            ports.push(listener.local_addr().unwrap().port());
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let state = Arc::clone(&state);
                    std::thread::spawn(move || serve(stream, &state));
                }
            });
        }
        Server { ports, state }
    }

    /// The address of `path` on host `host` (0-based).
    pub fn url(&self, host: usize, path: &str) -> String {
        format!("http://127.0.0.{}:{}{path}", host + 1, self.ports[host])
    }

    /// Answers requests for `path` (on any host) with `handler`.
    pub fn route(&self, path: &str, handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) {
        self.state
            .routes
            .lock()
            .unwrap()
            .insert(path.to_string(), Arc::new(handler));
    }

    /// Answers requests for `path` with `reply`, always.
    pub fn fixed(&self, path: &str, reply: Reply) {
        self.route(path, move |_| reply.clone());
    }

    /// The requests received for `path`, in order.
    pub fn requests(&self, path: &str) -> Vec<Request> {
        let counts = self.state.counts.lock().unwrap();
        counts
            .log
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }

    /// Every request received.
    pub fn request_count(&self) -> usize {
        self.state.counts.lock().unwrap().log.len()
    }

    /// The most requests that ran at once to any one host.
    pub fn max_per_host(&self) -> usize {
        let counts = self.state.counts.lock().unwrap();
        counts.max_per_host.values().copied().max().unwrap_or(0)
    }

    /// The most requests that ran at once overall.
    pub fn max_total(&self) -> usize {
        self.state.counts.lock().unwrap().max_total
    }
}

fn serve(mut stream: TcpStream, state: &State) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        if head.len() > 64 * 1024 {
            return;
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_string();
    let headers: Vec<(String, String)> = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let host = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("host"))
        .map(|(_, v)| {
            v.rsplit_once(':')
                .map_or(v.as_str(), |(h, _)| h)
                .to_string()
        })
        .unwrap_or_default();
    let request = Request {
        path: path.clone(),
        host: host.clone(),
        headers,
    };
    {
        let mut c = state.counts.lock().unwrap();
        c.log.push(request.clone());
        let now = {
            let n = c.active.entry(host.clone()).or_insert(0);
            *n += 1;
            *n
        };
        let max = c.max_per_host.entry(host.clone()).or_insert(0);
        *max = (*max).max(now);
        c.active_total += 1;
        c.max_total = c.max_total.max(c.active_total);
    }
    let handler = state.routes.lock().unwrap().get(&path).cloned();
    let reply = match handler {
        Some(h) => h(&request),
        None => Reply::status(404),
    };
    std::thread::sleep(reply.delay);
    // The request stops counting before any byte of the answer goes out: the client cannot
    // have finished with it (and started another) before that.
    {
        let mut c = state.counts.lock().unwrap();
        if let Some(n) = c.active.get_mut(&host) {
            *n -= 1;
        }
        c.active_total -= 1;
    }
    let mut out = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (k, v) in &reply.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        reply.body.len()
    ));
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.flush();
    if !reply.stall.is_zero() {
        std::thread::sleep(reply.stall);
    }
    let _ = stream.write_all(&reply.body);
    let _ = stream.flush();
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
