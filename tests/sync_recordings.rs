//! The replay server against the full FreshRSS recordings in `../shared/sync-servers/`,
//! when they are there: every one of the recorded exchanges is sent to the server as it
//! was recorded, in order, and the server must answer as FreshRSS did (status, content
//! type, `Google-Bad-Token`, and the body: the same JSON, or the same text), with the state
//! changing between exchanges as the recordings show (read, unread, starred, labels,
//! mark-all-as-read, a password set again, subscriptions added, moved and removed). Then
//! the sync client runs against a server seeded from the recordings. Where `../shared` is
//! missing, each test says that it skipped and why.

#[path = "support/greader_server.rs"]
mod greader_server;
#[path = "support/http_server.rs"]
mod http_server;
#[path = "support/recordings.rs"]
mod recordings;

use std::io::{Read, Write};
use std::net::TcpStream;

use greader_server::{GReaderServer, GState};
use serde_json::Value;

fn skip(why: &str) {
    eprintln!(
        "skipped: {why} (../shared/sync-servers is not present; the repository's own fixtures are used by tests/sync_greader.rs)"
    );
}

/// Sends an exchange's request as recorded (its Host aside) and reads the raw answer.
fn send(port: u16, ex: &recordings::Exchange) -> (u16, Vec<(String, String)>, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n",
        ex.method, ex.target
    );
    for (k, v) in &ex.headers {
        if !k.eq_ignore_ascii_case("host") && !k.eq_ignore_ascii_case("content-length") {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", ex.body.len()));
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(ex.body.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    (status, headers, body.to_string())
}

/// A body as compared: JSON without what depends on the clock (`updated`) or on the
/// server's icon cache (`iconUrl`), else the text.
fn comparable(body: &str) -> Result<Value, String> {
    match serde_json::from_str::<Value>(body) {
        Ok(mut v) => {
            if let Some(o) = v.as_object_mut() {
                o.remove("updated");
            }
            if let Some(subs) = v.get_mut("subscriptions").and_then(Value::as_array_mut) {
                for s in subs {
                    s.as_object_mut().unwrap().remove("iconUrl");
                }
            }
            Ok(v)
        }
        Err(_) => Err(body.trim_end().to_string()),
    }
}

#[test]
fn the_replay_server_answers_every_recorded_exchange_as_freshrss_did() {
    let Some(dir) = recordings::freshrss_dir() else {
        return skip("the FreshRSS recordings were not checked");
    };
    let exchanges = recordings::load(&dir);
    assert_eq!(exchanges.len(), 68, "every recorded exchange");
    let server = GReaderServer::start(GState::from_recordings(&dir));
    let new_hash = exchanges
        .iter()
        .find(|e| e.name.starts_with("55-"))
        .and_then(|e| {
            e.response_body
                .lines()
                .find_map(|l| l.strip_prefix("Auth="))
        })
        .and_then(|a| a.split_once('/'))
        .map(|(_, h)| h.to_string())
        .unwrap();
    for ex in &exchanges {
        if ex.name.starts_with("54-") {
            // The API password was set again here, to the same value: Auth and T change.
            server.with(|s| s.hash = new_hash.clone());
        }
        let (status, headers, body) = send(server.http.port, ex);
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(status, ex.status, "{}: status", ex.name);
        assert_eq!(
            header("content-type").map(str::to_ascii_lowercase),
            ex.response_header("content-type")
                .map(str::to_ascii_lowercase),
            "{}: content type",
            ex.name
        );
        assert_eq!(
            header("google-bad-token"),
            ex.response_header("google-bad-token"),
            "{}: Google-Bad-Token",
            ex.name
        );
        assert_eq!(
            comparable(&body),
            comparable(&ex.response_body),
            "{}: body",
            ex.name
        );
    }
}
