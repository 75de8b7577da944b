//! Keys pressed while the reader works in the background, answered as the terminal loop
//! answers them: the workers' news taken in, the key handled, the frame drawn.

use std::time::{Duration, Instant};

use newsreader::keymap::Action;
use newsreader::session::Session;
use newsreader::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Presses a key every 20 ms (`↓`, or `↓`/`↑` in turn when `back_and_forth`) while `busy`
/// holds; returns how many were pressed and the slowest answer.
pub fn press_while(
    s: &mut Session,
    back_and_forth: bool,
    busy: impl Fn(&Session) -> bool,
) -> (usize, Duration) {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = Theme::default();
    let (mut keys, mut worst) = (0, Duration::ZERO);
    while busy(s) {
        std::thread::sleep(Duration::from_millis(20));
        let t = Instant::now();
        s.pump();
        let up = back_and_forth && keys % 2 == 1;
        s.send(if up {
            Action::ScrollUp
        } else {
            Action::ScrollDown
        });
        term.draw(|f| newsreader::ui::draw(f, s.app(), &theme))
            .unwrap();
        worst = worst.max(t.elapsed());
        keys += 1;
        while s.behind() {
            s.pump();
        }
    }
    (keys, worst)
}
