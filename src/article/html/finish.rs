//! Final touches on the extracted blocks, which need the front matter and the whole body at
//! once: the title not repeated in the body, headings renumbered from 1, and image placeholders
//! worded in the page's language. They run after extraction and change for reasons of their
//! own (how the result reads), so they are kept apart from it.

use super::meta::Meta;
use super::text::{is_ideograph, squeeze};
use super::{IMAGE_ALT_OPEN, IMAGE_MARK};
use crate::article::block::{Block, FrontMatter};

/// Final touches: headings renumbered from 1, the title not repeated as a heading or paragraph,
/// image placeholders in the page's language.
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
    if let Some(top) = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min()
    {
        for b in blocks.iter_mut() {
            if let Block::Heading { level, .. } = b {
                *level = *level - top + 1;
            }
        }
    }
    // An image whose alt text repeats its caption (or the title) needs no text of its own.
    let title_sq = front.title.as_deref().map(squeeze).unwrap_or_default();
    for i in 0..blocks.len() {
        let Some(Block::Para(text)) = blocks.get(i) else {
            continue;
        };
        let Some(alt) = text
            .strip_prefix(IMAGE_ALT_OPEN)
            .and_then(|r| r.strip_suffix(']'))
            .filter(|a| !a.contains(IMAGE_ALT_OPEN))
        else {
            continue;
        };
        let alt = squeeze(alt);
        let repeated = alt == title_sq
            || matches!(blocks.get(i + 1), Some(Block::Para(next))
                if { let next = squeeze(next); next.contains(&alt) || (next.chars().count() >= 4 && alt.contains(&next)) });
        if repeated {
            blocks[i] = Block::Para(IMAGE_MARK.to_string());
        }
    }
    let mut ideographs = 0usize;
    let mut visible = 0usize;
    for b in blocks.iter() {
        if let Block::Para(text) | Block::Heading { text, .. } = b {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                visible += 1;
                if is_ideograph(c) {
                    ideographs += 1;
                }
            }
        }
    }
    if let Some(t) = &front.title {
        ideographs += t.chars().filter(|&c| is_ideograph(c)).count();
        visible += t.chars().filter(|c| !c.is_whitespace()).count();
    }
    let mark = if ideographs * 4 >= visible && ideographs > 0 {
        "[图片]"
    } else {
        "[image]"
    };
    for b in blocks.iter_mut() {
        if let Block::Para(text) = b
            && text.contains(IMAGE_MARK)
        {
            *text = text.replace(IMAGE_MARK, mark);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{headings, page, paras};
    use crate::article::block::Block;

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
        assert_eq!(paras(&p)[0], "[图片]");
    }
}
