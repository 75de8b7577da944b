//! Pictures in the real reader in a pseudo-terminal: an article whose pictures are served
//! from 127.0.0.1 shows the first in half blocks once it is fetched (the terminal does not
//! answer the capability query, so `auto` draws half blocks), and a decompression bomb among
//! them is refused with a message in its rows, the rest of the article still read.

#[path = "support/server.rs"]
mod server;
#[path = "support/terminal.rs"]
mod terminal;

use std::io::Cursor;
use std::time::{Duration, Instant};

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use server::{Reply, Server};
use terminal::Reader;

fn png(picture: &DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// A red picture, `w`×`h` pixels.
fn red(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgba8(RgbaImage::from_pixel(w, h, Rgba([220, 20, 20, 255])))
}

/// A PNG whose header claims `w`×`h` pixels but holds one pixel's data.
fn bomb(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(&red(1, 1));
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    bytes
}

#[test]
fn a_served_picture_is_drawn_in_half_blocks_and_a_bomb_is_refused() {
    let server = Server::start(1);
    server.fixed("/red.png", Reply::ok("image/png", png(&red(160, 90))));
    server.fixed("/bomb.png", Reply::ok("image/png", bomb(100_000, 100_000)));
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("lake.html");
    std::fs::write(
        &page,
        format!(
            "<html><head><title>湖边新步道</title></head><body><article>\
             <p>市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台和饮水点。</p>\
             <p><img src=\"{}\" alt=\"红色的湖边亭子\"></p>\
             <p>附近居民说，清晨散步的人明显多了起来，孩子们也喜欢在湖边骑车。</p>\
             <p><img src=\"{}\" alt=\"另一张照片\"></p>\
             <p>园林部门还说，明年将在步道两侧补种树木。</p></article></body></html>",
            server.url(0, "/red.png"),
            server.url(0, "/bomb.png")
        ),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut s = Reader::start(100, 60, data.path(), &[page.to_str().unwrap()], &[]);
    s.wait_for("the picture's placeholder", |t| {
        t.contains("[图片：红色的湖边亭子]")
    });
    // Half blocks in the picture's colour: a box of red cells under the placeholder.
    let red_cells = |s: &Reader| {
        s.look(|screen| {
            let (rows, cols) = screen.size();
            let (rows, cols) = (rows.get(), cols.get());
            (0..rows)
                .flat_map(|r| (0..cols).map(move |c| (r, c)))
                .filter(|&(r, c)| {
                    screen
                        .cell(r, c)
                        .is_some_and(|cell| cell.bgcolor() == vt100::Color::Rgb(220, 20, 20))
                })
                .count()
        })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while red_cells(&s) < 100 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        red_cells(&s) >= 100,
        "{} red cells:\n{}",
        red_cells(&s),
        s.screen()
    );
    s.wait_for("the bomb refused with a message", |t| {
        t.contains("[图片：另一张照片]") && t.contains("picture too large to show")
    });
    assert!(s.screen().contains("园林部门还说"));
    // The picture read from the web is in the cache folder.
    let cached = std::fs::read_dir(data.path().join("cache/images"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert!(cached >= 1, "{cached} pictures cached");
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(s.terminal_restored());
}
