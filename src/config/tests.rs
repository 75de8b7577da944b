use super::*;

fn err(text: &str) -> String {
    match parse(text, Path::new("c.toml")) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("accepted: {text}"),
    }
}

#[test]
fn default_text_parses_back_to_the_defaults() {
    let c = parse(&default_text(), Path::new("default")).unwrap();
    assert_eq!(c, Config::default());
}

#[test]
fn feeds_refresh_and_timezone_are_read() {
    let c = parse(
        "refresh-minutes = 30\ntimezone = \"+08:00\"\n\n[[feeds]]\nurl = \"https://a.example/rss\"\n\
         name = \"甲\"\nfull-text = true\n\n[[feeds]]\nurl = \"http://b.example/atom\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert_eq!(c.refresh_minutes, Some(30));
    assert_eq!(c.timezone, Zone::Offset(8 * 3600));
    assert_eq!(
        c.feeds,
        [
            Subscription {
                url: "https://a.example/rss".into(),
                name: Some("甲".into()),
                full_text: true,
            },
            Subscription::new("http://b.example/atom"),
        ]
    );
    let named = parse("timezone = \"Asia/Shanghai\"\n", Path::new("c.toml")).unwrap();
    assert_eq!(named.timezone, Zone::Named("Asia/Shanghai".into()));
    assert_eq!(
        parse("refresh-minutes = 0\n", Path::new("c.toml"))
            .unwrap()
            .refresh_minutes,
        None
    );
}

#[test]
fn feed_mistakes_point_at_line_and_column() {
    assert_eq!(
        err("timezone = \"Mars/Olympus\"\n"),
        format!(
            "c.toml, line 1, column 12: bad timezone; {} \"Mars/Olympus\"",
            crate::strings::ERR_TIMEZONE
        )
    );
    assert_eq!(
        err("[[feeds]]\nurl = \"file:///etc/passwd\"\n"),
        "c.toml, line 2, column 7: bad feed address \"file:///etc/passwd\"; expected an \
         http:// or https:// address"
    );
    assert!(
        err("[[feeds]]\nurl = \"https://a.example/\"\nfulltext = true\n")
            .starts_with("c.toml, line 3, column 1: unknown field `fulltext`"),
    );
    assert!(err("[[feeds]]\nname = \"x\"\n").contains("missing field `url`"));
}

#[test]
fn the_sync_table_is_read() {
    let c = parse(
        "[sync]\nprovider = \"greader\"\nurl = \"https://rss.example/api/greader.php\"\n\
         user = \"me\"\npassword-command = \"pass show freshrss\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert_eq!(
        c.sync,
        Some(SyncSettings {
            provider: Provider::GReader,
            url: "https://rss.example/api/greader.php".into(),
            user: "me".into(),
            password_command: Some("pass show freshrss".into()),
        })
    );
    let m = parse(
        "[sync]\nprovider = \"miniflux\"\nurl = \"https://flux.example\"\n",
        Path::new("c.toml"),
    )
    .unwrap();
    assert_eq!(m.sync.map(|s| s.provider), Some(Provider::Miniflux));
}

#[test]
fn sync_mistakes_point_at_line_and_column_and_never_quote_a_password() {
    let e = err(
        "[sync]\nprovider = \"greader\"\nurl = \"https://r.example/\"\nuser = \"me\"\n\
         password = \"hunter2\"\n",
    );
    assert!(
        e.starts_with("c.toml, line 5, column 12: a password is never kept"),
        "{e}"
    );
    assert!(!e.contains("hunter2"), "{e}");
    assert!(
        err("[sync]\nprovider = \"fever\"\nurl = \"https://r.example/\"\n")
            .starts_with("c.toml, line 2, column 12: unknown sync provider \"fever\"")
    );
    assert!(
        err("[sync]\nprovider = \"greader\"\nurl = \"ftp://r.example/\"\nuser = \"u\"\n")
            .starts_with("c.toml, line 3, column 7: bad sync address")
    );
    assert!(
        err("[sync]\nprovider = \"greader\"\nurl = \"https://r.example/\"\n")
            .contains("needs a user")
    );
    assert!(err("[sync]\nurl = \"https://r.example/\"\n").contains("missing field `provider`"));
}

#[test]
fn errors_point_at_line_and_column() {
    assert_eq!(
        err("mouse = true\n[keys]\n\"j\" = \"scroll_dwn\"\n"),
        format!(
            "c.toml, line 3, column 7: unknown action \"scroll_dwn\"; expected one of: {}",
            Action::ALL.map(Action::name).join(", ")
        )
    );
    assert!(
        err("[keys]\n\"Hyper-x\" = \"quit\"\n")
            .starts_with("c.toml, line 2, column 1: bad key \"Hyper-x\"")
    );
    assert!(
        err("[theme]\ntitle = \"blinky\"\n")
            .starts_with("c.toml, line 2, column 9: bad style \"blinky\"")
    );
    assert!(
        err("[theme]\ntitel = \"red\"\n")
            .starts_with("c.toml, line 2, column 1: unknown style `titel`")
    );
}
