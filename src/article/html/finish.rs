//! Final touches on the extracted blocks, which need the front matter and the whole body at
//! once: the title not repeated in the body, headings renumbered from 1, and an image's alt
//! text left out when the caption beside it says the same. They run after extraction and
//! change for reasons of their own (how the result reads), so they are kept apart from it.

use super::meta::Meta;
use super::text::squeeze;
use crate::article::block::{Block, FrontMatter};
use crate::article::heading::{self, Style};
use crate::article::image;

/// Final touches: headings renumbered from 1, the title not repeated as a heading or paragraph,
/// alt text that repeats a caption left out.
pub(super) fn finish_blocks(blocks: &mut Vec<Block>, front: &FrontMatter, meta: &Meta) {
    let titles: Vec<String> = [front.title.as_deref(), meta.title.as_deref()]
        .into_iter()
        .flatten()
        .map(squeeze)
        .filter(|t| !t.is_empty())
        .collect();
    blocks.retain(|b| match b {
        Block::Heading { text, .. } | Block::Para(text) => !titles.contains(&squeeze(text)),
        _ => true,
    });
    // Heading elements from 1; bold subheads (level 0) one below the deepest of them.
    let levels = blocks.iter().filter_map(|b| match b {
        Block::Heading { level, .. } if *level > 0 => Some(*level),
        _ => None,
    });
    let (top, deepest) = levels.fold((u8::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
    let above = bold_above(blocks);
    for b in blocks.iter_mut() {
        if let Block::Heading { level, .. } = b {
            *level = match (*level, above) {
                (0, _) if deepest == 0 => 1,
                (0, Some(x)) => x - top + 1,
                (0, None) => deepest - top + 2,
                (l, Some(x)) if l >= x => l - top + 2,
                (l, _) => l - top + 1,
            };
        }
    }
    // An image whose alt text repeats its caption (or the title) needs no text of its own.
    let title_sq = front.title.as_deref().map(squeeze).unwrap_or_default();
    for i in 0..blocks.len() {
        let Some(Block::Para(text)) = blocks.get(i) else {
            continue;
        };
        let Some(alt) = image::alt_of(text) else {
            continue;
        };
        let alt = squeeze(alt);
        let caption_next = matches!(blocks.get(i + 1), Some(Block::Para(next) | Block::Caption(next))
                if { let next = squeeze(next); next.contains(&alt) || (next.chars().count() >= 4 && alt.contains(&next)) });
        if alt == title_sq || caption_next {
            blocks[i] = Block::Para(image::bare_mark(text));
            // The paragraph under the picture that says what its alt text says is its caption.
            if caption_next
                && let Some(Block::Para(next)) = blocks.get(i + 1)
                && next.chars().count() <= 120
            {
                let caption = next.clone();
                blocks[i + 1] = Block::Caption(caption);
            }
        }
    }
}

/// How high a heading's numbering ranks: `第一章` over `一、` over `（一）`; `None` when
/// it is not numbered.
fn numbering(text: &str) -> Option<u8> {
    match heading::marked(text)?.0 {
        Style::Chapter => Some(0),
        Style::CnNumber => Some(1),
        Style::CnParen => Some(2),
        _ => None,
    }
}

/// The heading element level that bold subheads stand above, when their numbering says they
/// are its parents: bold `一、…` paragraphs with `<h4>（一）…</h4>` under them, the first bold
/// one before the first such heading. `None` (bold subheads below every heading element)
/// otherwise.
fn bold_above(blocks: &[Block]) -> Option<u8> {
    let mut bold: Option<(usize, u8)> = None;
    // Per heading element level: where its first heading is and its highest numbering.
    let mut marks: [Option<(usize, Option<u8>)>; 7] = [None; 7];
    for (i, b) in blocks.iter().enumerate() {
        let Block::Heading { level, text, .. } = b else {
            continue;
        };
        let rank = numbering(text);
        match (*level, bold) {
            (0, None) => bold = rank.map(|r| (i, r)),
            (0, Some(_)) => {}
            (l, _) => {
                let slot = marks.get_mut(usize::from(l.min(6)))?;
                let (_, high) = slot.get_or_insert((i, rank));
                *high = match (*high, rank) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }
    let (first_bold, bold_rank) = bold?;
    (1..=6u8).find(|&l| {
        marks[usize::from(l)]
            .is_some_and(|(first, high)| first > first_bold && high.is_some_and(|h| h > bold_rank))
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{headings, page, paras};
    use crate::article::block::Block;
    use crate::article::image;

    #[test]
    fn headings_are_renumbered_and_kept_in_order() {
        let html = page(
            "<title>A week on the river</title>",
            "<article><h1>A week on the river</h1>\
             <p>We set off from the old mill with two canoes and far too much food for the trip.</p>\
             <h3>Day one</h3><p>The current was gentle and the herons watched us pass all afternoon.</p>\
             <h4>Camp</h4><p>We slept on a gravel bar under a sky so clear it felt close enough to touch.</p>\
             <h3>Day two</h3><p>Rain arrived at noon, and we learned how well our jackets really worked.</p>\
             </article>",
        );
        let p = parse(&html);
        assert_eq!(
            headings(&p),
            vec![(1, "Day one"), (2, "Camp"), (1, "Day two")]
        );
        assert!(matches!(&p.blocks[0], Block::Para(t) if t.starts_with("We set off")));
        assert!(matches!(&p.blocks[1], Block::Heading { text, .. } if text == "Day one"));
    }

    #[test]
    fn alt_text_repeating_the_caption_is_not_shown_twice() {
        let html = page(
            "<title>河畔公园新添步道</title>",
            "<div><p><img src=\"/p/1.jpg\" alt=\"新步道沿湖修建\"></p><p>新步道沿湖修建。（资料图）</p>\
             <p>市园林部门表示，新步道全长约三公里，设有多处休息平台和饮水点。</p></div>",
        );
        let p = parse(&html);
        assert_eq!(paras(&p)[0], image::bare_mark(&image::mark("", "/p/1.jpg")));
    }
}
