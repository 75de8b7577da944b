//! Resize anchoring (PRODUCT §3): the reading position is a place in the text, so taking the
//! position at the top of the pane at width 80, laying out again at 40 and back at 80 keeps
//! the same text at the top each time.

use std::path::Path;

use newsreader::layout::{LayoutOptions, TextPos, layout};
use newsreader::library::load_file;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/000_cbc56e87487c11ac.txt"
);

#[test]
fn the_text_at_the_top_survives_80_40_80() {
    let article = match load_file(Path::new(SEED), None) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    let o = LayoutOptions::default();
    let wide = layout(&article, 80, &o);
    let narrow = layout(&article, 40, &o);
    assert!(narrow.len() > wide.len());
    for top in 0..wide.len() {
        // The app keeps this position as its anchor while the user does not scroll.
        let anchor: TextPos = wide.pos_of_row(top);
        let at40 = narrow.row_of(anchor);
        let row = narrow.rows()[at40];
        assert_eq!(row.block(), anchor.block, "row {top}");
        assert!(
            row.start() <= anchor.offset,
            "row {top}: {anchor:?} before {row:?}"
        );
        let next = narrow.rows().get(at40 + 1);
        assert!(
            next.is_none_or(|n| n.block() != anchor.block || n.start() > anchor.offset),
            "row {top}: {anchor:?} is not on narrow row {at40}"
        );
        let back = wide.row_of(anchor);
        assert_eq!(wide.pos_of_row(back), anchor, "row {top}");
        if !wide.rows()[top].is_blank() {
            assert_eq!(back, top);
        } else {
            // A blank row anchors to the text after it, which comes next.
            assert_eq!(back, top + 1);
        }
    }
}

#[test]
fn a_position_in_the_middle_of_a_row_stays_visible() {
    let article = match load_file(Path::new(SEED), None) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    let o = LayoutOptions::default();
    let narrow = layout(&article, 40, &o);
    let wide = layout(&article, 80, &o);
    // Scrolled at 40 to a row that starts mid-paragraph, then widened: that text is on
    // the row at the top, and narrowing again returns to the same row.
    for top in 0..narrow.len() {
        let anchor = narrow.pos_of_row(top);
        let at80 = wide.row_of(anchor);
        let row = wide.rows()[at80];
        assert!(row.start() <= anchor.offset && row.block() == anchor.block);
        assert_eq!(
            narrow.row_of(anchor),
            if narrow.rows()[top].is_blank() {
                top + 1
            } else {
                top
            }
        );
    }
}
