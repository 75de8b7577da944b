//! Opening a link in the browser, through the `webbrowser` crate: the commands of `BROWSER`
//! first (a `:`-separated list; `%s` stands for the address), then the system's opener
//! (`xdg-open` and the desktop's own on Linux, `open` on macOS). A text browser runs in the
//! foreground and is waited for, a graphical one is started in the background. The caller
//! hands the terminal over before, so a text browser gets the screen and the keys, and takes
//! it back after.

use crate::strings;

/// Whether `url` is a web address the reader will hand to a browser: http or https only,
/// never `file:` or a command-line option.
pub fn is_web_address(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// Opens `url` in the browser; the terminal must have been handed over before.
pub fn open(url: &str) -> Result<(), String> {
    if !is_web_address(url) {
        return Err(format!(
            "{}{}",
            strings::NOT_WEB_ADDRESS,
            crate::decode::sanitize_line(url)
        ));
    }
    webbrowser::open(url).map_err(|e| {
        format!(
            "{}{}",
            strings::BROWSER_FAILED,
            crate::decode::sanitize_line(&e.to_string())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_opened() {
        assert!(is_web_address("https://news.example/a?b=1"));
        assert!(is_web_address("http://news.example/"));
        for bad in [
            "file:///etc/passwd",
            "-e x",
            "javascript:alert(1)",
            "news.example",
        ] {
            assert!(!is_web_address(bad), "{bad}");
            assert!(open(bad).unwrap_err().starts_with(strings::NOT_WEB_ADDRESS));
        }
    }
}
