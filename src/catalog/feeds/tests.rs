use super::*;

fn stored(c: &Catalog) -> Vec<(String, Option<String>)> {
    let mut stmt = c
        .conn
        .prepare("SELECT url, secret FROM feeds ORDER BY url")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_login_is_kept_apart_and_given_back_only_for_fetching() {
    let mut c = Catalog::memory();
    let sub = Subscription::new(" https://alice:s3cret@news.example/rss ");
    assert!(c.add_feed(&sub, true).unwrap());
    assert_eq!(
        stored(&c),
        [(
            "https://news.example/rss".into(),
            Some("alice:s3cret".into())
        )]
    );
    assert_eq!(
        c.feeds().unwrap()[0].subscription.url,
        "https://alice:s3cret@news.example/rss"
    );
    // Added again without the login: the same feed, the login kept.
    assert!(
        !c.add_feed(&Subscription::new("https://news.example/rss"), true)
            .unwrap()
    );
    assert_eq!(stored(&c)[0].1.as_deref(), Some("alice:s3cret"));
    assert!(c.remove_feed("https://news.example/rss").unwrap());
    assert!(stored(&c).is_empty());
}

#[test]
fn migration_takes_logins_out_of_stored_addresses_and_items_follow() {
    let mut c = Catalog::memory();
    c.conn
        .execute_batch(
            "INSERT INTO articles (id, origin, title) VALUES (1, 'item:g', 't');
             INSERT INTO feeds (url) VALUES ('http://bob:pw@h.example'), ('http://x.example/a');
             INSERT INTO item_feeds (id, feed, guid, first_seen)
                VALUES (1, 'http://bob:pw@h.example', 'g', 0);
             UPDATE feeds SET secret = NULL;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    super::super::schema::migrate(&mut c.conn).unwrap();
    assert_eq!(
        stored(&c),
        [
            ("http://h.example/".into(), Some("bob:pw".into())),
            ("http://x.example/a".into(), None)
        ]
    );
    assert_eq!(c.feeds_of(ArticleId(1)).unwrap(), ["http://h.example/"]);
    assert_eq!(c.feeds().unwrap()[0].items, 1);
}
