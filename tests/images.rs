//! Pictures without a screen: decoding with limits (a decompression bomb refused with a
//! message), fetching from a server on 127.0.0.1 within the size cap, reading a file beside a
//! saved page, the terminal's capability answers read from canned replies, half blocks drawn
//! into ratatui's `TestBackend` at three sizes, and the exact escape strings of the kitty and
//! sixel protocols for a small picture.

#[path = "support/server.rs"]
mod server;

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use newsreader::images::{
    self, DecodeError, FetchError, Images, Kind, Source, Support, choose, parse_replies,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;
use ratatui_image::Image;
use ratatui_image::protocol::Protocol;
use ratatui_image::protocol::halfblocks::Halfblocks;
use ratatui_image::protocol::kitty::Kitty;
use ratatui_image::protocol::sixel::Sixel;
use server::{Reply, Server};

/// A picture of four coloured quarters, `w`×`h` pixels.
fn quarters(w: u32, h: u32) -> DynamicImage {
    let colours = [
        Rgba([220, 40, 40, 255]),
        Rgba([40, 160, 60, 255]),
        Rgba([40, 70, 200, 255]),
        Rgba([240, 200, 40, 255]),
    ];
    let img = RgbaImage::from_fn(w, h, |x, y| {
        colours[usize::from(x >= w / 2) + 2 * usize::from(y >= h / 2)]
    });
    DynamicImage::ImageRgba8(img)
}

fn png(picture: &DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// A PNG whose header claims `w`×`h` pixels but holds the data of a 1×1 picture: a few dozen
/// bytes that would take `4·w·h` bytes to decode.
fn bomb(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(&quarters(1, 1));
    // The IHDR chunk's data starts after the signature (8), length (4) and type (4).
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

#[test]
fn a_decompression_bomb_is_refused_with_a_message() {
    let err = images::decode(&bomb(100_000, 100_000)).unwrap_err();
    assert_eq!(
        err,
        DecodeError::TooLarge {
            width: 100_000,
            height: 100_000
        }
    );
    let message = err.to_string();
    assert!(message.contains("100000 × 100000 pixels"), "{message}");
    // Within each side's limit but too many pixels in all.
    assert!(matches!(
        images::decode(&bomb(9_000, 9_000)),
        Err(DecodeError::TooLarge { .. })
    ));
}

#[test]
fn pictures_decode_and_large_ones_are_scaled_down() {
    let small = images::decode(&png(&quarters(40, 20))).unwrap();
    assert_eq!((small.width(), small.height()), (40, 20));
    let large = images::decode(&png(&quarters(3200, 800))).unwrap();
    assert_eq!((large.width(), large.height()), (1600, 400));
    assert_eq!(
        images::decode(b"<html>not a picture</html>"),
        Err(DecodeError::Unsupported)
    );
    let mut cut = png(&quarters(40, 20));
    cut.truncate(cut.len() / 2);
    assert!(matches!(images::decode(&cut), Err(DecodeError::Damaged(_))));
}

#[test]
fn a_picture_is_fetched_from_the_test_server_within_the_cap() {
    let server = Server::start(1);
    let picture = png(&quarters(8, 8));
    server.fixed("/p.png", Reply::ok("image/png", picture.clone()));
    server.fixed(
        "/huge.png",
        Reply::ok("image/png", vec![0u8; (images::MAX_BYTES + 1) as usize]),
    );
    let at = |path: &str| Source::Web(url::Url::parse(&server.url(0, path)).unwrap());
    assert_eq!(images::fetch(&at("/p.png")).unwrap(), picture);
    let err = images::fetch(&at("/huge.png")).unwrap_err();
    assert!(matches!(err, FetchError::Web(_)), "{err:?}");
    assert!(
        err.to_string().contains("10 MB") || err.to_string().contains("large"),
        "{err}"
    );
    assert!(images::fetch(&at("/missing.png")).is_err());
}

#[test]
fn a_picture_beside_a_saved_page_is_read_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::create_dir(dir.path().join("page_files")).unwrap();
    let picture = png(&quarters(4, 4));
    std::fs::write(dir.path().join("page_files/a.png"), &picture).unwrap();
    let source = images::resolve("page_files/a.png", None, Some(&page)).unwrap();
    assert_eq!(images::fetch(&source).unwrap(), picture);
    let missing = images::resolve("page_files/b.png", None, Some(&page)).unwrap();
    assert!(matches!(
        images::fetch(&missing),
        Err(FetchError::File { .. })
    ));
}

/// Canned answers of real terminals to the capability query.
const KITTY: &[u8] = b"\x1b_Gi=31;OK\x1b\\\x1b[?62;c\x1b[6;20;10t\x1b[0n";
const SIXEL: &[u8] = b"\x1b[?64;1;2;4;6;9;15;16;17;18;21;22;28c\x1b[6;16;8t\x1b[0n";
const PLAIN: &[u8] = b"\x1b[?1;2c\x1b[0n";

#[test]
fn the_capability_answers_pick_the_protocol() {
    let kitty = parse_replies(KITTY);
    assert_eq!(
        kitty,
        Support {
            answered: true,
            kitty: true,
            sixel: false,
            cell: Some((10, 20))
        }
    );
    assert_eq!(choose(Images::Auto, &kitty, false), Some(Kind::Kitty));
    let sixel = parse_replies(SIXEL);
    assert!(sixel.sixel && !sixel.kitty && sixel.cell == Some((8, 16)));
    assert_eq!(choose(Images::Auto, &sixel, false), Some(Kind::Sixel));
    let plain = parse_replies(PLAIN);
    assert!(plain.answered && !plain.sixel && plain.cell.is_none());
    assert_eq!(choose(Images::Auto, &plain, true), Some(Kind::Halfblocks));
    // Answers split anywhere read the same.
    let mut split = Vec::new();
    for chunk in KITTY.chunks(3) {
        split.extend_from_slice(chunk);
    }
    assert_eq!(parse_replies(&split), kitty);
    // No answer at all.
    assert_eq!(parse_replies(b""), Support::default());
    assert_eq!(
        choose(Images::Halfblocks, &kitty, true),
        Some(Kind::Halfblocks)
    );
    assert_eq!(choose(Images::Off, &kitty, true), None);
}

/// The buffer as text: each cell's symbol, then each cell's colours as letters with a key.
fn cells(buffer: &Buffer) -> String {
    let mut key: Vec<String> = Vec::new();
    let mut symbols = String::new();
    let mut colours = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            symbols.push_str(cell.symbol());
            let pair = format!("{:?}/{:?}", cell.fg, cell.bg);
            let k = key.iter().position(|p| *p == pair).unwrap_or_else(|| {
                key.push(pair);
                key.len() - 1
            });
            colours.push(char::from(b'a' + u8::try_from(k % 26).unwrap()));
        }
        symbols.push('\n');
        colours.push('\n');
    }
    let legend: Vec<String> = key
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{} = {p}", char::from(b'a' + u8::try_from(i % 26).unwrap())))
        .collect();
    format!("{symbols}\n{colours}\n{}\n", legend.join("\n"))
}

#[test]
fn half_blocks_at_three_sizes() {
    for (w, h) in [(4u16, 2u16), (10, 5), (24, 8)] {
        let protocol = Protocol::Halfblocks(
            Halfblocks::new(
                quarters(u32::from(w) * 10, u32::from(h) * 20),
                Size::new(w, h),
            )
            .unwrap(),
        );
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| f.render_widget(Image::new(&protocol), f.area()))
            .unwrap();
        insta::assert_snapshot!(
            format!("halfblocks_{w}x{h}"),
            cells(terminal.backend().buffer())
        );
    }
}

/// The escape string a protocol leaves in the first cell of its area.
fn escapes(protocol: &Protocol, size: Size) -> String {
    let area = Rect::new(0, 0, size.width, size.height);
    let mut buffer = Buffer::empty(area);
    Image::new(protocol).render(area, &mut buffer);
    format!("{:?}", buffer[(0, 0)].symbol())
}

#[test]
fn kitty_and_sixel_escape_strings_are_exact() {
    let size = Size::new(2, 1);
    let kitty = Protocol::Kitty(Kitty::new(quarters(4, 4), size, 7, false, false).unwrap());
    insta::assert_snapshot!("kitty_2x1", escapes(&kitty, size));
    let sixel = Protocol::Sixel(Sixel::new(quarters(4, 6), size, false).unwrap());
    insta::assert_snapshot!("sixel_2x1", escapes(&sixel, size));
}
