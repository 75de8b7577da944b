//! Final touches on the extracted blocks, which need the front matter and the whole body at
//! once: the title not repeated in the body, headings renumbered from 1, and an image's alt
//! text left out when the caption beside it says the same. They run after extraction and
//! change for reasons of their own (how the result reads), so they are kept apart from it.

use super::emit::BOLD_LINK;
use super::meta::Meta;
use super::text::squeeze;
use crate::article::block::{Block, FrontMatter};
use crate::article::image;
use crate::article::why::Why;

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
    // Bold link paragraphs over story text, two or more of them, are subheads (a digest's
    // linked headlines); a lone one is a promotion (`点击阅读更多…`), and one with no text
    // under it a link among others.
    let over_text = |blocks: &[Block], i: usize| {
        matches!(blocks.get(i), Some(Block::Dropped(_, why)) if *why == BOLD_LINK)
            && matches!(blocks.get(i + 1), Some(Block::Para(_)))
    };
    let subheads = (0..blocks.len()).filter(|&i| over_text(blocks, i)).count() >= 2;
    for i in 0..blocks.len() {
        let heading = subheads && over_text(blocks, i);
        if let Some(Block::Dropped(text, why)) = blocks.get(i)
            && *why == BOLD_LINK
        {
            let text = text.clone();
            blocks[i] = if heading {
                Block::Heading {
                    level: 0,
                    text,
                    mark: "bold",
                }
            } else {
                Block::Dropped(text, Why::features("link density"))
            };
        }
    }
    crate::article::block::markup_levels(blocks);
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
